package com.helpboard.credit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What one confirmed help paid the helper and why, for the ledger page, the profile and
 * the API: {@code explanationKey} with {@code explanationArgs} says it in words (messages
 * {@code credit.payment.*}: the other member, the cap that applied, the new account age
 * in hours, the auto-confirm gate's numbers, the amount).
 */
public record HelpPaymentView(long claimId, long requestId, String counterpart, long amount, PaymentState state,
		@Nullable PaymentReason reason, boolean automatic, Instant decidedAt, @Nullable Instant settledAt,
		String explanationKey, List<Object> explanationArgs) {

	static HelpPaymentView of(HelpPayments.Payment payment, @Nullable String counterpart, CreditSettings settings) {
		String name = (counterpart != null) ? counterpart : "?";
		String key = (payment.reason() != null) ? "credit.payment." + payment.reason().name()
				: "credit.payment." + payment.state().name();
		long cap = (payment.reason() == null) ? 0 : switch (payment.reason()) {
			case PAIR_CAP -> settings.pairWeeklyCap();
			case MUTUAL_CAP -> settings.mutualWeeklyCap();
			case DAILY_CAP -> settings.dailyEarnCap();
			default -> 0;
		};
		return new HelpPaymentView(payment.claimId(), payment.requestId(), name, payment.amount(), payment.state(),
				payment.reason(), payment.automatic(), payment.decidedAt(), payment.settledAt(), key,
				List.of(name, cap, settings.newAccountAge().toHours(), settings.autoPayMinAnswers(),
						settings.autoPayMinConfirmedPercent(), payment.amount(), settings.autoPayAnswers()));
	}

	/** The claim a ledger entry's reference names ({@code claim:<id>}), if any. */
	static Optional<Long> claimId(@Nullable String reference) {
		if (reference == null || !reference.startsWith("claim:")) {
			return Optional.empty();
		}
		try {
			return Optional.of(Long.parseLong(reference.substring("claim:".length())));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
