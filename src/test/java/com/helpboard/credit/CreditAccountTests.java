package com.helpboard.credit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.helpboard.system.Conflict;
import com.helpboard.system.HelpBoardException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CreditAccountTests {

	static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

	static final Instant MONDAY_NOON = MONDAY.atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();

	static final Instant TUESDAY_NOON = MONDAY_NOON.plusSeconds(24 * 3600);

	static final CreditAmount CAP = CreditAmount.of(20);

	@Test
	void earningStopsAtTheDailyCapAndCreditsOnlyWhatIsLeft() {
		CreditAccount account = new CreditAccount(1);
		assertThat(earn(account, 15, MONDAY_NOON)).isEqualTo(15);
		assertThat(earn(account, 10, MONDAY_NOON)).isEqualTo(5);
		assertThat(earn(account, 1, MONDAY_NOON)).isZero();
		assertThat(account.balance()).isEqualTo(CreditAmount.of(20));
	}

	@Test
	void theCapStartsAgainOnANewDay() {
		CreditAccount account = new CreditAccount(1);
		earn(account, 20, MONDAY_NOON);
		assertThat(earn(account, 3, TUESDAY_NOON)).isEqualTo(3);
		assertThat(account.earnedToday()).isEqualTo(CreditAmount.of(3));
		assertThat(account.balance()).isEqualTo(CreditAmount.of(23));
	}

	@Test
	void theCapCountsDaysInChinaTime() {
		CreditAccount account = new CreditAccount(1);
		Instant lateMonday = Instant.parse("2026-11-23T15:59:00Z");
		earn(account, 20, lateMonday);
		// 00:00 on Tuesday in Shanghai, still Monday in UTC
		assertThat(earn(account, 2, Instant.parse("2026-11-23T16:00:00Z"))).isEqualTo(2);
	}

	@Test
	void anEarningWritesItsOwnLedgerEntry() {
		CreditAccount account = new CreditAccount(7);
		LedgerEntry entry = account.earn(CreditAmount.of(25), CAP, "claim:1:confirmed", "claim:1", MONDAY_NOON)
			.orElseThrow();
		assertThat(entry.kind()).isEqualTo(LedgerEntryKind.EARN);
		assertThat(entry.amount()).isEqualTo(20);
		assertThat(entry.balanceAfter()).isEqualTo(20);
	}

	@Test
	void anEarningPastTheCapWritesNothing() {
		CreditAccount account = new CreditAccount(1);
		earn(account, 20, MONDAY_NOON);
		assertThat(account.earn(CreditAmount.of(1), CAP, "k", null, MONDAY_NOON)).isEmpty();
		assertThat(account.balance()).isEqualTo(CreditAmount.of(20));
	}

	@Test
	void spendingWritesANegativeEntryWithTheBalanceAfter() {
		CreditAccount account = new CreditAccount(1);
		account.grant(CreditAmount.of(10), "signup", null, MONDAY_NOON);
		LedgerEntry entry = account.spend(CreditAmount.of(4), "boost:1:spend", "boost:1", MONDAY_NOON);
		assertThat(entry.kind()).isEqualTo(LedgerEntryKind.SPEND);
		assertThat(entry.amount()).isEqualTo(-4);
		assertThat(entry.balanceAfter()).isEqualTo(6);
		assertThat(account.balance()).isEqualTo(CreditAmount.of(6));
	}

	@Test
	void spendingMoreThanTheBalanceIsRefusedAndChangesNothing() {
		CreditAccount account = new CreditAccount(1);
		account.grant(CreditAmount.of(3), "signup", null, MONDAY_NOON);
		assertThatExceptionOfType(Conflict.class)
			.isThrownBy(() -> account.spend(CreditAmount.of(4), "boost:1:spend", "boost:1", MONDAY_NOON))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("credit.insufficient"))
			.satisfies((ex) -> assertThat(ex.arguments()).containsExactly(3L, 4L));
		assertThat(account.balance()).isEqualTo(CreditAmount.of(3));
		account.spend(CreditAmount.of(3), "boost:2:spend", "boost:2", MONDAY_NOON);
		assertThat(account.balance()).isEqualTo(CreditAmount.ZERO);
	}

	@Test
	void aRefundGivesCreditsBack() {
		CreditAccount account = new CreditAccount(1);
		account.grant(CreditAmount.of(5), "signup", null, MONDAY_NOON);
		account.spend(CreditAmount.of(5), "boost:1:spend", "boost:1", MONDAY_NOON);
		LedgerEntry entry = account.refund(CreditAmount.of(5), "boost:1:refund", "boost:1", MONDAY_NOON);
		assertThat(entry.kind()).isEqualTo(LedgerEntryKind.REFUND);
		assertThat(entry.amount()).isEqualTo(5);
		assertThat(account.balance()).isEqualTo(CreditAmount.of(5));
	}

	@Test
	void anAdjustmentMovesEitherWayButNeverBelowZero() {
		CreditAccount account = new CreditAccount(1);
		assertThat(account.adjust(3, "fix:1", null, MONDAY_NOON).amount()).isEqualTo(3);
		assertThatExceptionOfType(HelpBoardException.class)
			.isThrownBy(() -> account.adjust(-4, "fix:2", null, MONDAY_NOON))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("credit.insufficient"))
			.satisfies((ex) -> assertThat(ex.arguments()).containsExactly(3L, 4L));
		assertThat(account.adjust(-3, "fix:3", null, MONDAY_NOON).balanceAfter()).isZero();
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

	/** Earns against the cap of 20; returns what was credited. */
	private static long earn(CreditAccount account, long requested, Instant now) {
		return account.earn(CreditAmount.of(requested), CAP, "claim:" + requested, null, now)
			.map((entry) -> entry.amount())
			.orElse(0L);
	}

	@Test
	void aReversalTheBalanceCoversLeavesNoDebt() {
		CreditAccount account = new CreditAccount(1);
		account.grant(CreditAmount.of(3), "g", null, MONDAY_NOON);
		LedgerEntry reversal = account.reverse(CreditAmount.of(1), "claim:1:reversed", "claim:1", MONDAY_NOON);
		assertThat(reversal.kind()).isEqualTo(LedgerEntryKind.REVERSAL);
		assertThat(reversal.amount()).isEqualTo(-1);
		assertThat(reversal.balanceAfter()).isEqualTo(2);
		assertThat(account.debt()).isZero();
	}

	@Test
	void aReversalTheBalanceCannotCoverRecordsADebtNeverANegativeBalance() {
		CreditAccount account = new CreditAccount(1);
		account.grant(CreditAmount.of(1), "g", null, MONDAY_NOON);
		LedgerEntry first = account.reverse(CreditAmount.of(3), "claim:1:reversed", "claim:1", MONDAY_NOON);
		assertThat(first.amount()).isEqualTo(-1);
		assertThat(first.balanceAfter()).isZero();
		assertThat(first.debtAfter()).isEqualTo(2);
		LedgerEntry second = account.reverse(CreditAmount.of(1), "claim:2:reversed", "claim:2", MONDAY_NOON);
		assertThat(second.amount()).isZero();
		assertThat(second.debtAfter()).isEqualTo(3);
		assertThat(account.balance()).isEqualTo(CreditAmount.of(0));
		assertThat(account.debt()).isEqualTo(3);
	}

	@Test
	void laterEarningsPayTheDebtFirst() {
		CreditAccount account = new CreditAccount(1);
		account.reverse(CreditAmount.of(2), "claim:1:reversed", "claim:1", MONDAY_NOON);
		LedgerEntry earned = account.earn(CreditAmount.of(1), CAP, "claim:5:confirmed", "claim:5", MONDAY_NOON)
			.orElseThrow();
		assertThat(earned.amount()).isEqualTo(1);
		assertThat(account.takeDebtPayments()).singleElement().satisfies((payment) -> {
			assertThat(payment.kind()).isEqualTo(LedgerEntryKind.DEBT_PAYMENT);
			assertThat(payment.amount()).isEqualTo(-1);
			assertThat(payment.balanceAfter()).isZero();
			assertThat(payment.debtAfter()).isEqualTo(1);
			assertThat(payment.idempotencyKey()).isEqualTo("claim:5:confirmed:debt");
		});
		// a release pays the rest of the debt, and what is left is spendable
		account.release(CreditAmount.of(3), "claim:6:released", "claim:6", MONDAY_NOON);
		assertThat(account.takeDebtPayments()).singleElement()
			.satisfies((payment) -> assertThat(payment.amount()).isEqualTo(-1));
		assertThat(account.debt()).isZero();
		assertThat(account.balance()).isEqualTo(CreditAmount.of(2));
		assertThat(account.takeDebtPayments()).isEmpty();
	}

	@Test
	void aMemberWithADebtHasAnEmptyBalance() {
		CreditAccount account = new CreditAccount(1);
		account.grant(CreditAmount.of(5), "g", null, MONDAY_NOON);
		account.reverse(CreditAmount.of(7), "r", null, MONDAY_NOON);
		assertThat(account.balance()).isEqualTo(CreditAmount.of(0));
		assertThat(account.debt()).isEqualTo(2);
		account.grant(CreditAmount.of(1), "g2", null, MONDAY_NOON);
		assertThat(account.balance()).isEqualTo(CreditAmount.of(0));
		assertThat(account.debt()).isEqualTo(1);
	}

}
