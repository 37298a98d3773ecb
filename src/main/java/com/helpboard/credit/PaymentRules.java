package com.helpboard.credit;

import org.jspecify.annotations.Nullable;

/**
 * Decides what one confirmed help pays, from what is known about it (docs/credits.md):
 * nothing when the author is suspended, when it confirmed itself and the helper's
 * answered claims are too few or too often rejected, or when the pair caps are used up;
 * held when the author is new; else a full credit. Plain Java: the facts are counted by
 * the caller, in one query per batch.
 */
final class PaymentRules {

	private final CreditSettings settings;

	PaymentRules(CreditSettings settings) {
		this.settings = settings;
	}

	/**
	 * What is known about one confirmed help when it is paid.
	 *
	 * @param automatic it confirmed itself (nobody answered in 24 h)
	 * @param authorSuspended the author's account is suspended
	 * @param authorEstablished the author is old enough and vouched for
	 * @param fromAuthorThisWeek credits (paid or held) the helper had from this author in
	 * the past week
	 * @param betweenThemThisWeek credits (paid or held) the two had from each other, both
	 * ways, in the past week
	 * @param answered the helper's latest answered claims, at most
	 * {@link CreditSettings#autoPayAnswers()}
	 * @param confirmed how many of those the authors confirmed
	 */
	record Facts(boolean automatic, boolean authorSuspended, boolean authorEstablished, long fromAuthorThisWeek,
			long betweenThemThisWeek, int answered, int confirmed) {

	}

	/** The outcome: how much, in which state, and why when not a plain full payment. */
	record Decision(PaymentState state, long amount, @Nullable PaymentReason reason) {

		static Decision none(PaymentReason reason) {
			return new Decision(PaymentState.NONE, 0, reason);
		}

		/** Whether it counts towards the pair caps (paid now or later). */
		boolean counts() {
			return this.amount > 0;
		}

	}

	Decision decide(Facts facts) {
		if (facts.authorSuspended()) {
			return Decision.none(PaymentReason.AUTHOR_SUSPENDED);
		}
		if (facts.automatic()) {
			if (facts.answered() < this.settings.autoPayMinAnswers()) {
				return Decision.none(PaymentReason.AUTO_TOO_FEW_ANSWERS);
			}
			if (facts.confirmed() * 100L < (long) this.settings.autoPayMinConfirmedPercent() * facts.answered()) {
				return Decision.none(PaymentReason.AUTO_LOW_CONFIRMED);
			}
		}
		long amount = Math.min(this.settings.perHelp(), this.settings.pairWeeklyCap() - facts.fromAuthorThisWeek());
		if (amount <= 0) {
			return Decision.none(PaymentReason.PAIR_CAP);
		}
		amount = Math.min(amount, this.settings.mutualWeeklyCap() - facts.betweenThemThisWeek());
		if (amount <= 0) {
			return Decision.none(PaymentReason.MUTUAL_CAP);
		}
		if (!facts.authorEstablished()) {
			return new Decision(PaymentState.HELD, amount, PaymentReason.AUTHOR_NEW);
		}
		return new Decision(PaymentState.PAID, amount, null);
	}

}
