package com.helpboard.credit;

import java.time.Instant;
import java.util.List;

import com.helpboard.account.MemberPrincipal;
import com.helpboard.system.PageResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LedgerApiController {

	static final int HELPS_MAX = 100;

	private final Credits credits;

	private final CreditExplanations explanations;

	LedgerApiController(Credits credits, CreditExplanations explanations) {
		this.credits = credits;
		this.explanations = explanations;
	}

	@GetMapping("/api/v1/me/ledger")
	PageResponse<LedgerEntryView> ledger(@AuthenticationPrincipal MemberPrincipal me,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return PageResponse.of(this.credits.history(me.id(), LedgerPaging.of(page, size)),
				(entry) -> entry.explained(this.explanations.of(entry)));
	}

	/** The member's credits beyond the balance: held, debt, established. */
	@GetMapping("/api/v1/me/credits")
	CreditSummary summary(@AuthenticationPrincipal MemberPrincipal me) {
		return this.credits.summary(me.id());
	}

	/** What the member's latest confirmed helps paid, and why, newest first. */
	@GetMapping("/api/v1/me/help-payments")
	List<HelpPaymentJson> helpPayments(@AuthenticationPrincipal MemberPrincipal me,
			@RequestParam(defaultValue = "20") int size) {
		LedgerPaging.of(0, size);
		return this.credits.helpPayments(me.id(), size)
			.stream()
			.map((help) -> HelpPaymentJson.of(help, this.explanations.of(help)))
			.toList();
	}

	record HelpPaymentJson(long claimId, long requestId, String counterpart, long amount, String state,
			@Nullable String reason, boolean automatic, Instant decidedAt, @Nullable Instant settledAt,
			String explanation) {

		static HelpPaymentJson of(HelpPaymentView help, String explanation) {
			return new HelpPaymentJson(help.claimId(), help.requestId(), help.counterpart(), help.amount(),
					help.state().name(), (help.reason() != null) ? help.reason().name() : null, help.automatic(),
					help.decidedAt(), help.settledAt(), explanation);
		}

	}

}
