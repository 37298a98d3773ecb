package com.helpboard.system;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.helpboard.help.Helps;
import com.helpboard.request.Requests;
import com.helpboard.support.Concurrently;
import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers.TestMember;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The every-minute jobs as two app instances would run them at once: ShedLock lets one
 * run per tick, and even when both run, every request expires once and every overdue
 * claim is confirmed once.
 */
@IntegrationTest
class SchedulerIntegrationTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Requests requests;

	@Autowired
	Helps helps;

	@Autowired
	TestData testData;

	@Autowired
	PlatformTransactionManager transactionManager;

	@SuppressWarnings("unchecked")
	private static <T> List<T> together(int threads, java.util.concurrent.Callable<T> task) throws Exception {
		List<Object> results = Concurrently.run(threads, task);
		for (Object result : results) {
			if (result instanceof Throwable failure) {
				throw new AssertionError("a racing run failed", failure);
			}
		}
		return (List<T>) (List<?>) results;
	}

	@Test
	void aJobRunsOncePerTickAcrossInstances() throws Exception {
		// two instances, each with its own lock provider on the shared shedlock table
		LockingTaskExecutor first = new DefaultLockingTaskExecutor(
				new JdbcTemplateLockProvider(new JdbcTemplate(this.dataSource)));
		LockingTaskExecutor second = new DefaultLockingTaskExecutor(
				new JdbcTemplateLockProvider(new JdbcTemplate(this.dataSource)));
		String name = "test-job-" + UUID.randomUUID();
		AtomicInteger runs = new AtomicInteger();
		AtomicInteger turn = new AtomicInteger();
		together(2, () -> {
			LockingTaskExecutor executor = (turn.getAndIncrement() == 0) ? first : second;
			executor.executeWithLock((Runnable) runs::incrementAndGet,
					new LockConfiguration(Instant.now(), name, Duration.ofMinutes(1), Duration.ofSeconds(30)));
			return null;
		});
		assertThat(runs).hasValue(1);
	}

	/** A group of the owner's where posting has no limits to get in the way. */
	private String openGroup(TestMember owner) {
		return this.testData.group("sweep").named("Sweep").limitingOpenRequestsTo(50).postingFreely().ownedBy(owner);
	}

	@Test
	void twoSweepsAtOnceExpireEveryOverdueRequestExactlyOnce() throws Exception {
		TestMember owner = this.testData.member("sweeper").create();
		String slug = openGroup(owner);
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			ids.add(this.testData.request().by(owner).in(slug).post().id());
		}
		for (Long id : ids) {
			this.jdbc.update("update help_requests set expires_at = ? where id = ?",
					Timestamp.from(Instant.now().minusSeconds(60)), id);
		}
		List<Integer> done = together(2, () -> {
			int total = 0;
			int batch;
			do {
				batch = this.requests.expireOverdue(15);
				total += batch;
			}
			while (batch == 15);
			return total;
		});
		Long expired = this.jdbc
			.queryForObject("select count(*) from help_requests r join topic_groups g on g.id = r.group_id"
					+ " where g.slug = ? and r.status = 'EXPIRED' and r.closed_at is not null and r.open_key is null",
					Long.class, slug);
		assertThat(expired).isEqualTo(40);
		assertThat(done.get(0) + done.get(1)).isBetween(40, 80);
	}

	@Test
	void aSweepKilledMidBatchLosesNothingAndDoublesNothing() throws Exception {
		TestMember owner = this.testData.member("crash").create();
		String slug = openGroup(owner);
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			ids.add(this.testData.request().by(owner).in(slug).post().id());
		}
		for (Long id : ids) {
			this.jdbc.update("update help_requests set expires_at = ? where id = ?",
					Timestamp.from(Instant.now().minusSeconds(60)), id);
		}
		// the process dies inside the batch's transaction: as if it never ran
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		transaction.executeWithoutResult((status) -> {
			assertThat(this.requests.expireOverdue(500)).isGreaterThanOrEqualTo(12);
			status.setRollbackOnly();
		});
		String inGroup = "select count(*) from help_requests r join topic_groups g on g.id = r.group_id"
				+ " where g.slug = ? and r.status = ?";
		assertThat(this.jdbc.queryForObject(inGroup, Long.class, slug, "OPEN")).isEqualTo(12);
		// after the restart the next run does it all, once
		this.requests.expireOverdue(500);
		this.requests.expireOverdue(500);
		assertThat(this.jdbc.queryForObject(inGroup, Long.class, slug, "EXPIRED")).isEqualTo(12);
		assertThat(this.jdbc.queryForObject(
				"select count(distinct r.closed_at) from help_requests r join topic_groups g on g.id = r.group_id where g.slug = ?",
				Long.class, slug))
			.isLessThanOrEqualTo(1);
	}

	@Test
	void twoAutoConfirmRunsAtOnceConfirmEachClaimOnce() throws Exception {
		TestMember author = this.testData.member("author").create();
		String slug = openGroup(author);
		List<Long> claimIds = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			TestMember helper = this.testData.member("helper").create();
			long requestId = this.testData.request().by(author).in(slug).needing(5).post().id();
			claimIds.add(this.helps.claim(helper.id(), requestId).id());
		}
		for (Long id : claimIds) {
			this.jdbc.update("update claims set created_at = ? where id = ?",
					Timestamp.from(Instant.now().minus(Duration.ofHours(25))), id);
		}
		together(2, () -> this.helps.autoConfirmOverdue(500));
		for (Long id : claimIds) {
			assertThat(this.helps.find(id).orElseThrow().status().name()).isEqualTo("CONFIRMED");
		}
		Long progress = this.jdbc.queryForObject(
				"select sum(r.helps_confirmed) from help_requests r where r.id in (select request_id from claims where id in ("
						+ String.join(",", claimIds.stream().map(String::valueOf).toList()) + "))",
				Long.class);
		assertThat(progress).isEqualTo(6);
	}

}
