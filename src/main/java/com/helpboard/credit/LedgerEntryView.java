package com.helpboard.credit;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/**
 * A ledger entry as the API and other modules see it; {@code amount} is signed.
 * {@code debtAfter} is what reversals left unpaid after it. For an entry of a help
 * ({@code reference} {@code claim:<id>}): the request, the other member (for the helper,
 * the author), the help payment's state and reason ({@link PaymentState},
 * {@link PaymentReason}), and the explanation in the reader's words.
 */
public record LedgerEntryView(long id, long amount, String kind, String reference, long balanceAfter, Instant createdAt,
		long debtAfter, @Nullable Long requestId, @Nullable String counterpart, @Nullable String paymentState,
		@Nullable String reason, @Nullable String explanation, @JsonIgnore @Nullable HelpPaymentView help) {

	LedgerEntryView withHelp(HelpPaymentView help) {
		return new LedgerEntryView(this.id, this.amount, this.kind, this.reference, this.balanceAfter, this.createdAt,
				this.debtAfter, help.requestId(), help.counterpart(), help.state().name(),
				(help.reason() != null) ? help.reason().name() : null, null, help);
	}

	/** With the help's explanation in the reader's words. */
	LedgerEntryView explained(@Nullable String explanation) {
		return new LedgerEntryView(this.id, this.amount, this.kind, this.reference, this.balanceAfter, this.createdAt,
				this.debtAfter, this.requestId, this.counterpart, this.paymentState, this.reason, explanation,
				this.help);
	}

}
