package com.helpboard.credit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.helpboard.request.RequestView;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers.TestMember;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the boost tests share: a fresh group per test (so tests never share slots),
 * members with requests and credits, a start gate for races, and the ledger invariant.
 */
class BoostFixture {

	private final TestData testData;

	private final JdbcTemplate jdbc;

	BoostFixture(TestData testData, JdbcTemplate jdbc) {
		this.testData = testData;
		this.jdbc = jdbc;
	}

	/** A new public group with this many boost slots (price 2 an hour, 1/3/6/12/24 h). */
	String group(int slots) {
		TestMember owner = this.testData.member("bo").create();
		String slug = this.testData.group("boost").named("Boosts").withDefaultCampaign("pdd-bargain").ownedBy(owner);
		this.jdbc.update("update topic_groups set boost_slots = ? where slug = ?", slots, slug);
		return slug;
	}

	/** A member of the group with {@code credits} credits. */
	TestMember member(String group, long credits) {
		return this.testData.member("bm").withCredits(credits).joining(group);
	}

	RequestView post(TestMember author, String group) {
		return this.testData.request().by(author).in(group).needing(3).post();
	}

	String status(long boostId) {
		return this.jdbc.queryForObject("select status from boosts where id = ?", String.class, boostId);
	}

	Instant boostedUntil(long requestId) {
		Timestamp until = this.jdbc.queryForObject("select boosted_until from help_requests where id = ?",
				Timestamp.class, requestId);
		return (until != null) ? until.toInstant() : null;
	}

	/** As if the boost had started two hours ago and run out an hour ago. */
	void runOut(long boostId) {
		Instant now = Instant.now();
		this.jdbc.update("update boosts set starts_at = ?, ends_at = ? where id = ?",
				Timestamp.from(now.minusSeconds(7200)), Timestamp.from(now.minusSeconds(3600)), boostId);
	}

	long count(String sql, Object... args) {
		Long value = this.jdbc.queryForObject(sql, Long.class, args);
		return (value != null) ? value : 0;
	}

	/**
	 * The ledger's invariant, read with plain SQL: each entry's balance_after is the
	 * running sum, the stored balance is the sum of all entries and never negative.
	 */
	void assertLedgerAddsUp(long member) {
		List<Map<String, Object>> entries = this.jdbc
			.queryForList("select amount, balance_after from ledger_entries where member_id = ? order by id", member);
		long running = 0;
		for (Map<String, Object> entry : entries) {
			running += ((Number) entry.get("amount")).longValue();
			assertThat(((Number) entry.get("balance_after")).longValue()).as("balance_after").isEqualTo(running);
		}
		long balance = count("select coalesce((select balance from credit_accounts where member_id = ?), 0)", member);
		assertThat(balance).isEqualTo(running).isNotNegative();
	}

	/**
	 * Runs the tasks on as many threads, released together by one start gate once all are
	 * ready, and returns each task's result or the exception it threw.
	 */
	static List<Object> race(List<Callable<Object>> tasks) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
		try {
			CountDownLatch ready = new CountDownLatch(tasks.size());
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Object>> futures = new ArrayList<>();
			for (Callable<Object> task : tasks) {
				futures.add(pool.submit(() -> {
					ready.countDown();
					start.await();
					return task.call();
				}));
			}
			ready.await();
			start.countDown();
			List<Object> outcomes = new ArrayList<>();
			for (Future<Object> future : futures) {
				try {
					outcomes.add(future.get(2, TimeUnit.MINUTES));
				}
				catch (ExecutionException ex) {
					outcomes.add(ex.getCause());
				}
			}
			return outcomes;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
