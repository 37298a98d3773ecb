package com.helpboard.credit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CreditAmountTests {

	@Test
	void anAmountIsNeverNegative() {
		assertThatIllegalArgumentException().isThrownBy(() -> CreditAmount.of(-1));
		assertThat(CreditAmount.of(0)).isEqualTo(CreditAmount.ZERO);
	}

	@Test
	void addsAndTakesAway() {
		assertThat(CreditAmount.of(2).plus(CreditAmount.of(3))).isEqualTo(CreditAmount.of(5));
		assertThat(CreditAmount.of(5).minus(CreditAmount.of(5))).isEqualTo(CreditAmount.ZERO);
		assertThatIllegalArgumentException().isThrownBy(() -> CreditAmount.of(2).minus(CreditAmount.of(3)));
	}

	@Test
	void takingAwayAtMostStopsAtZero() {
		assertThat(CreditAmount.of(20).minusAtMost(CreditAmount.of(15))).isEqualTo(CreditAmount.of(5));
		assertThat(CreditAmount.of(20).minusAtMost(CreditAmount.of(25))).isEqualTo(CreditAmount.ZERO);
	}

	@Test
	void aBalanceCoversWhatItIsAtLeast() {
		assertThat(CreditAmount.of(3).covers(CreditAmount.of(3))).isTrue();
		assertThat(CreditAmount.of(3).covers(CreditAmount.of(4))).isFalse();
		assertThat(CreditAmount.of(3).min(CreditAmount.of(4))).isEqualTo(CreditAmount.of(3));
	}

	@Test
	void anOverflowIsAnErrorNotAWrapAround() {
		CreditAmount max = CreditAmount.of(Long.MAX_VALUE);
		assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> max.plus(CreditAmount.of(1)));
	}

}
