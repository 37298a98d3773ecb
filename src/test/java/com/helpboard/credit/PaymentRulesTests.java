package com.helpboard.credit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentRulesTests {

	static final CreditSettings DEFAULTS = new CreditSettings(1, 20, 3, 4, Duration.ofHours(24), 20, 5, 80, 500);

	final PaymentRules rules = new PaymentRules(DEFAULTS);

	@Test
	void anEstablishedAuthorsConfirmationPaysAFullCredit() {
		assertThat(this.rules.decide(byHand(true, 0, 0)))
			.isEqualTo(new PaymentRules.Decision(PaymentState.PAID, 1, null));
	}

	@Test
	void aNewAuthorsConfirmationIsHeld() {
		assertThat(this.rules.decide(byHand(false, 0, 0)))
			.isEqualTo(new PaymentRules.Decision(PaymentState.HELD, 1, PaymentReason.AUTHOR_NEW));
	}

	@Test
	void theFourthCreditFromOneAuthorInAWeekPaysNothing() {
		assertThat(this.rules.decide(byHand(true, 2, 2)).state()).isEqualTo(PaymentState.PAID);
		assertThat(this.rules.decide(byHand(true, 3, 3))).isEqualTo(PaymentRules.Decision.none(PaymentReason.PAIR_CAP));
		// held credits count too: a new author cannot pile up pending credits either
		assertThat(this.rules.decide(byHand(false, 3, 3)))
			.isEqualTo(PaymentRules.Decision.none(PaymentReason.PAIR_CAP));
	}

	@Test
	void twoMembersHelpingEachOtherShareOneWeeklyCap() {
		// 1 from the author, 3 the other way: 4 between them
		assertThat(this.rules.decide(byHand(true, 1, 4)))
			.isEqualTo(PaymentRules.Decision.none(PaymentReason.MUTUAL_CAP));
		assertThat(this.rules.decide(byHand(true, 1, 3)).state()).isEqualTo(PaymentState.PAID);
	}

	@Test
	void aSuspendedAuthorsConfirmationPaysNothing() {
		assertThat(this.rules.decide(new PaymentRules.Facts(false, true, true, 0, 0, 0, 0)))
			.isEqualTo(PaymentRules.Decision.none(PaymentReason.AUTHOR_SUSPENDED));
	}

	@Test
	void anAutoConfirmedHelpPaysOnlyHelpersWithEnoughGoodAnswers() {
		assertThat(this.rules.decide(automatic(4, 4)))
			.isEqualTo(PaymentRules.Decision.none(PaymentReason.AUTO_TOO_FEW_ANSWERS));
		assertThat(this.rules.decide(automatic(5, 5)).state()).isEqualTo(PaymentState.PAID);
		assertThat(this.rules.decide(automatic(20, 16)).state()).isEqualTo(PaymentState.PAID);
		assertThat(this.rules.decide(automatic(20, 15)))
			.isEqualTo(PaymentRules.Decision.none(PaymentReason.AUTO_LOW_CONFIRMED));
		assertThat(this.rules.decide(automatic(5, 3)))
			.isEqualTo(PaymentRules.Decision.none(PaymentReason.AUTO_LOW_CONFIRMED));
	}

	@Test
	void theGateDoesNotApplyToConfirmationsByHand() {
		assertThat(this.rules.decide(byHand(true, 0, 0)).state()).isEqualTo(PaymentState.PAID);
	}

	private static PaymentRules.Facts byHand(boolean established, long fromAuthor, long between) {
		return new PaymentRules.Facts(false, false, established, fromAuthor, between, 0, 0);
	}

	private static PaymentRules.Facts automatic(int answered, int confirmed) {
		return new PaymentRules.Facts(true, false, true, 0, 0, answered, confirmed);
	}

}
