package com.helpboard.credit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import com.helpboard.system.Conflict;
import com.helpboard.system.HelpBoardException;
import com.helpboard.system.Invalid;
import com.helpboard.system.NotFound;
import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The ledger through the facade, on real PostgreSQL with real transactions: concurrent
 * writers, retries, the daily cap, and the database's own refusals.
 */
@IntegrationTest
class CreditsIntegrationTests {

	// 23:59 and then 00:00 in Shanghai
	static final Instant LATE_EVENING = Instant.parse("2026-11-25T15:59:00Z");

	static final Instant MIDNIGHT = Instant.parse("2026-11-25T16:00:00Z");

	@Autowired
	Credits credits;

	@Autowired
	TestData testData;

	@Autowired
	JdbcTemplate jdbc;

	long newMember() {
		return this.testData.member("cr").create().id();
	}

	static String key(String what) {
		return what + ":" + UUID.randomUUID();
	}

	@Test
	void fiftySimultaneousEarningsWithOneKeyPayOnce() throws Exception {
		long member = newMember();
		String key = key("claim");
		List<Object> outcomes = race(50, (i) -> this.credits.earn(member, 5, key, "claim:1"));

		assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome).isInstanceOf(Optional.class));
		assertThat(outcomes.stream().map((outcome) -> ((Optional<?>) outcome).orElseThrow()).distinct()).hasSize(1);
		assertThat(count("select count(*) from ledger_entries where idempotency_key = ?", key)).isEqualTo(1);
		assertThat(this.credits.balance(member)).isEqualTo(5);
		assertLedgerAddsUp(member);
	}

	@Test
	void aHundredSimultaneousSpendsOfOneFromThreeLetExactlyThreeThrough() throws Exception {
		long member = newMember();
		this.credits.grant(member, 3, key("grant"), "test");
		List<Object> outcomes = race(100, (i) -> this.credits.spend(member, 1, key("boost"), "boost:" + i));

		assertThat(outcomes.stream().filter(LedgerEntryView.class::isInstance)).hasSize(3);
		assertThat(outcomes.stream().filter((outcome) -> !(outcome instanceof LedgerEntryView))).hasSize(97)
			.allSatisfy((outcome) -> assertThat(outcome).isInstanceOfSatisfying(Conflict.class, (ex) -> {
				assertThat(ex.messageKey()).isEqualTo("credit.insufficient");
			}));
		assertThat(this.credits.balance(member)).isZero();
		assertThat(count("select count(*) from ledger_entries where member_id = ? and kind = 'SPEND'", member))
			.isEqualTo(3);
		assertLedgerAddsUp(member);
	}

	@Test
	void concurrentEarningsAndSpendingsKeepTheLedgerConsistentAndTheCap() throws Exception {
		long member = newMember();
		this.credits.grant(member, 10, key("grant"), "test");
		// even tasks earn 1 (30 of them, the cap is 20), odd tasks spend 1 (30 of them)
		List<Object> outcomes = race(60,
				(i) -> (i % 2 == 0) ? this.credits.earn(member, 1, key("claim"), "claim:" + i, LATE_EVENING)
						: this.credits.spend(member, 1, key("boost"), "boost:" + i));

		long earned = count("select count(*) from ledger_entries where member_id = ? and kind = 'EARN'", member);
		long spent = outcomes.stream().filter(LedgerEntryView.class::isInstance).count();
		assertThat(earned).isEqualTo(20);
		// the first ten spends always find credits, whatever the order
		assertThat(spent).isBetween(10L, 30L);
		assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome).isInstanceOfAny(Optional.class,
				LedgerEntryView.class, HelpBoardException.class));
		assertThat(this.credits.balance(member)).isEqualTo(10 + 20 - spent);
		assertLedgerAddsUp(member);
	}

	@Test
	void aMembersFirstMovementsRacingToCreateTheAccountAllLand() throws Exception {
		long member = newMember();
		race(20, (i) -> this.credits.grant(member, 1, key("grant"), "test"));
		assertThat(this.credits.balance(member)).isEqualTo(20);
		assertLedgerAddsUp(member);
	}

	@Test
	void replayingAKeyAfterACrashPaysOnce() {
		long member = newMember();
		String key = "claim:" + UUID.randomUUID() + ":confirmed";
		LedgerEntryView first = this.credits.earn(member, 2, key, "claim:9").orElseThrow();
		// each call is its own transaction, as a
		// replayed event or a retried request would be
		LedgerEntryView again = this.credits.earn(member, 2, key, "claim:9").orElseThrow();

		assertThat(again).isEqualTo(first);
		assertThat(this.credits.balance(member)).isEqualTo(2);
		assertThat(count("select count(*) from ledger_entries where member_id = ?", member)).isEqualTo(1);
		assertLedgerAddsUp(member);
	}

	@Test
	void aKeyReusedForADifferentMovementIsAConflict() {
		long member = newMember();
		long someoneElse = newMember();
		String key = key("grant");
		this.credits.grant(member, 5, key, "test");

		assertConflict(() -> this.credits.grant(member, 6, key, "test"), "credit.key.reused");
		assertConflict(() -> this.credits.grant(someoneElse, 5, key, "test"), "credit.key.reused");
		assertConflict(() -> this.credits.refund(member, 5, key, "test"), "credit.key.reused");
		assertThat(this.credits.balance(member)).isEqualTo(5);
		assertThat(this.credits.balance(someoneElse)).isZero();

		String earnKey = key("claim");
		this.credits.earn(member, 2, earnKey, "claim:1");
		assertConflict(() -> this.credits.earn(member, 1, earnKey, "claim:1"), "credit.key.reused");
		assertLedgerAddsUp(member);
	}

	@Test
	void spendingWithoutEnoughCreditsIsAConflictAndRecordsNothing() {
		long member = newMember();
		this.credits.grant(member, 2, key("grant"), "test");
		assertConflict(() -> this.credits.spend(member, 3, key("boost"), "boost:1"), "credit.insufficient");
		assertConflict(() -> this.credits.adjust(member, -3, key("adjust"), "mod:1"), "credit.insufficient");

		LedgerEntryView adjusted = this.credits.adjust(member, -2, key("adjust"), "mod:2");
		assertThat(adjusted.balanceAfter()).isZero();
		assertThat(this.credits.balance(member)).isZero();
		assertThat(count("select count(*) from ledger_entries where member_id = ?", member)).isEqualTo(2);
		assertLedgerAddsUp(member);
	}

	@Test
	void theDailyCapCutsEarningsUntilMidnightInChina() {
		long member = newMember();
		assertThat(this.credits.earn(member, 15, key("claim"), "claim:1", LATE_EVENING)).get()
			.extracting(LedgerEntryView::amount)
			.isEqualTo(15L);
		// only what is left of the 20 today
		assertThat(this.credits.earn(member, 10, key("claim"), "claim:2", LATE_EVENING)).get()
			.extracting(LedgerEntryView::amount)
			.isEqualTo(5L);
		String capped = key("claim");
		assertThat(this.credits.earn(member, 1, capped, "claim:3", LATE_EVENING)).isEmpty();
		assertThat(count("select count(*) from ledger_entries where idempotency_key = ?", capped)).isZero();
		// grants and refunds are not earnings
		this.credits.grant(member, 4, key("grant"), "test");
		assertThat(this.credits.earn(member, 1, key("claim"), "claim:4", MIDNIGHT)).get()
			.extracting(LedgerEntryView::amount)
			.isEqualTo(1L);
		assertThat(this.credits.balance(member)).isEqualTo(25);
		assertLedgerAddsUp(member);
	}

	@Test
	void badInputIsRefused() {
		long member = newMember();
		assertThatExceptionOfType(Invalid.class)
			.isThrownBy(() -> this.credits.spend(member, 0, key("boost"), "boost:1"));
		assertThatExceptionOfType(Invalid.class).isThrownBy(() -> this.credits.grant(member, -1, key("grant"), "test"));
		assertThatExceptionOfType(Invalid.class).isThrownBy(() -> this.credits.grant(member, 1, " ", "test"));
		assertThatExceptionOfType(NotFound.class)
			.isThrownBy(() -> this.credits.grant(Long.MAX_VALUE, 1, key("grant"), "test"));
		assertThat(this.credits.balance(member)).isZero();
	}

	@Test
	void historyIsNewestFirstAndBalancesCoverEveryone() {
		long member = newMember();
		long nobody = newMember();
		this.credits.grant(member, 5, key("grant"), "a");
		this.credits.spend(member, 2, key("boost"), "b");
		this.credits.refund(member, 1, key("refund"), "c");

		assertThat(this.credits.history(member, PageRequest.of(0, 2)).getContent())
			.extracting(LedgerEntryView::reference, LedgerEntryView::amount, LedgerEntryView::balanceAfter)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("c", 1L, 4L),
					org.assertj.core.groups.Tuple.tuple("b", -2L, 3L));
		assertThat(this.credits.balances(List.of(member, nobody))).isEqualTo(Map.of(member, 4L, nobody, 0L));
	}

	@Test
	void theDatabaseRefusesWhatTheCodeMustNeverDoEvenWhenTheCodeIsBypassed() {
		long member = newMember();
		this.credits.grant(member, 1, key("grant"), "test");
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc.update("update credit_accounts set balance = -1 where member_id = ?", member));
		String insert = "insert into ledger_entries (member_id, amount, kind, idempotency_key, balance_after, created_at)"
				+ " values (?, ?, ?, ?, 0, current_timestamp)";
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc.update(insert, member, 0, "ADJUST", key("raw")));
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc.update(insert, member, 5, "SPEND", key("raw")));
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc.update(insert, member, 1, "STEAL", key("raw")));
		String taken = this.jdbc.queryForObject("select idempotency_key from ledger_entries where member_id = ?",
				String.class, member);
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc.update(insert, member, 1, "GRANT", taken));
		assertThat(this.credits.balance(member)).isEqualTo(1);
		assertLedgerAddsUp(member);
	}

	/**
	 * Runs the tasks on as many threads, released together by one start gate, and returns
	 * each task's result or the exception it threw.
	 */
	private static List<Object> race(int threads, IntFunction<Object> task) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch ready = new CountDownLatch(threads);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Object>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				int n = i;
				futures.add(pool.submit(() -> {
					ready.countDown();
					start.await();
					try {
						return task.apply(n);
					}
					catch (RuntimeException ex) {
						return ex;
					}
				}));
			}
			ready.await();
			start.countDown();
			List<Object> outcomes = new ArrayList<>();
			for (Future<Object> future : futures) {
				outcomes.add(future.get(2, TimeUnit.MINUTES));
			}
			return outcomes;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * The ledger's invariant, read with plain SQL: each entry's balance_after is the
	 * running sum, the stored balance is the sum of all entries and never negative.
	 */
	private void assertLedgerAddsUp(long member) {
		List<Map<String, Object>> entries = this.jdbc
			.queryForList("select amount, balance_after from ledger_entries where member_id = ? order by id", member);
		long running = 0;
		for (Map<String, Object> entry : entries) {
			running += ((Number) entry.get("amount")).longValue();
			assertThat(((Number) entry.get("balance_after")).longValue()).as("balance_after").isEqualTo(running);
		}
		long balance = count("select balance from credit_accounts where member_id = ?", member);
		long sum = count("select coalesce(sum(amount), 0) from ledger_entries where member_id = ?", member);
		assertThat(balance).isEqualTo(sum).isEqualTo(running).isNotNegative();
	}

	private long count(String sql, Object... args) {
		Long value = this.jdbc.queryForObject(sql, Long.class, args);
		return (value != null) ? value : 0;
	}

	private static void assertConflict(Runnable call, String messageKey) {
		assertThatExceptionOfType(Conflict.class).isThrownBy(call::run).satisfies((ex) -> {
			assertThat(ex.messageKey()).isEqualTo(messageKey);
		});
	}

}
