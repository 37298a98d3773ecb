package com.helpboard.credit;

import java.time.LocalDate;

import com.helpboard.system.HelpBoardException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CreditAccountTests {

	static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

	@Test
	void earningStopsAtTheDailyCapAndCreditsOnlyWhatIsLeft() {
		CreditAccount account = new CreditAccount(1);
		assertThat(account.earn(15, 20, MONDAY)).isEqualTo(15);
		assertThat(account.earn(10, 20, MONDAY)).isEqualTo(5);
		assertThat(account.earn(1, 20, MONDAY)).isZero();
		assertThat(account.balance()).isEqualTo(20);
	}

	@Test
	void theCapStartsAgainOnANewDay() {
		CreditAccount account = new CreditAccount(1);
		account.earn(20, 20, MONDAY);
		assertThat(account.earn(3, 20, MONDAY.plusDays(1))).isEqualTo(3);
		assertThat(account.earnedToday()).isEqualTo(3);
		assertThat(account.balance()).isEqualTo(23);
	}

	@Test
	void spendingMoreThanTheBalanceIsRefusedAndChangesNothing() {
		CreditAccount account = new CreditAccount(1);
		account.change(3);
		assertThatExceptionOfType(HelpBoardException.class).isThrownBy(() -> account.change(-4))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("credit.insufficient"))
			.satisfies((ex) -> assertThat(ex.arguments()).containsExactly(3L, 4L));
		assertThat(account.balance()).isEqualTo(3);
		account.change(-3);
		assertThat(account.balance()).isZero();
	}

	@Test
	void eachKindAllowsOnlyItsSign() {
		assertThat(LedgerEntryKind.EARN.allows(1)).isTrue();
		assertThat(LedgerEntryKind.EARN.allows(-1)).isFalse();
		assertThat(LedgerEntryKind.SPEND.allows(-1)).isTrue();
		assertThat(LedgerEntryKind.SPEND.allows(1)).isFalse();
		assertThat(LedgerEntryKind.ADJUST.allows(-1)).isTrue();
		assertThat(LedgerEntryKind.ADJUST.allows(0)).isFalse();
		assertThat(LedgerEntryKind.GRANT.allows(0)).isFalse();
	}

}
