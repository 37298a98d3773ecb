package com.helpboard.system;

import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.helpboard.help.Helps;
import com.helpboard.request.Requests;
import com.helpboard.support.IntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The expiry and auto-confirm jobs on a generated backlog: overdue requests (some with
 * boosts to refund or end), unanswered claims on requests needing one to three helps, a
 * helper past the daily earning cap, claims that must be left alone. The batch path (what
 * the jobs run: set-based statements, one event per batch) must leave exactly the state
 * and the ledger the per-item path leaves; and a run that dies part-way, then runs again,
 * must do everything once.
 */
@IntegrationTest
class BacklogIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	/**
	 * Helpers of ordinary claims; one more, "busy", makes more claims than the cap pays.
	 */
	private static final int HELPERS = 6;

	private static final int BUSY_CLAIMS = 23;

	private static final int OVERDUE = 30;

	private static final int HELPED = 12;

	/** The daily earning cap (helpboard.credit.daily-earn-cap) at its default. */
	private static final int CAP = 20;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Requests requests;

	@Autowired
	Helps helps;

	@Test
	void theBatchesLeaveTheSameStateAndLedgerAsThePerItemPath() {
		Backlog oneByOne = backlog(tag("pi"));
		int expired = drain(() -> this.requests.expireOverdueOneByOne(4));
		int confirmed = drain(() -> this.helps.autoConfirmOverdueOneByOne(5));
		assertThat(expired).isGreaterThanOrEqualTo(OVERDUE);
		assertThat(confirmed).isGreaterThanOrEqualTo(oneByOne.staleClaims());
		Map<String, Object> perItem = settled(oneByOne);

		Backlog batched = backlog(tag("ba"));
		// small batches: many of them, and keyset boundaries between claims made at the
		// same moment
		new JobRun("test-expire", new SimpleMeterRegistry()).drain(7, this.requests::expireOverdue);
		new JobRun("test-confirm", new SimpleMeterRegistry()).drain(4, this.helps::autoConfirmOverdue);
		Map<String, Object> batch = settled(batched);

		// line by line, so that a difference reads as one
		assertThat(lines(batch)).containsExactlyElementsOf(lines(perItem));
		// and what both left is what the rules say
		assertThat(batch).containsEntry("request o0", "EXPIRED 1/1 closed")
			.containsEntry("request c0", "FULFILLED 1/1 closed")
			.containsEntry("request c2", "FULFILLED 3/3 closed")
			.containsEntry("request c3", "FULFILLED 1/1 closed")
			.containsEntry("request c4", "OPEN 1/2 open")
			.containsEntry("request c5", "OPEN 2/3 open")
			.containsEntry("request f0", "OPEN 0/2 open")
			.containsEntry("boost o1 QUEUED", "REFUNDED")
			.containsEntry("boost o2 ACTIVE", "ENDED")
			.containsEntry("request o2", "EXPIRED 0/1 closed")
			.containsEntry("claim c2 h2", "CONFIRMED auto paid")
			.containsEntry("claim o0 h0", "CONFIRMED auto paid")
			.containsEntry("claim f0 h0", "CLAIMED")
			.containsEntry("claim r0 h0", "REJECTED")
			.containsEntry("paid busy", CAP + " entries, balance " + CAP + ", standing " + BUSY_CLAIMS);
		assertExactlyOnce(batched);
	}

	@Test
	void aRunThatDiesPartWayDoublesNothingWhenItRunsAgain() {
		Backlog backlog = backlog(tag("kd"));
		String kd = backlog.tag();
		// the jobs' process dies part-way: the expiry job at its 11th row, the
		// auto-confirm job at its 10th payment, the last write of a batch, after the
		// claims, the requests' counts, the standings and the balances were written in
		// that batch's transaction. From then on every write of theirs fails, in the
		// batches and in the one-by-one fallback alike, as if the process were gone
		this.jdbc.execute("create sequence hb_test_kill_requests");
		this.jdbc.execute("create sequence hb_test_kill_payments");
		this.jdbc.execute("""
				create function hb_test_kill_requests() returns trigger as $$ begin
				if old.status = 'OPEN' and new.status = 'EXPIRED' and new.dedupe_key like 'kd%'
				  and nextval('hb_test_kill_requests') > 10
				then raise exception 'expiry job killed by the test'; end if; return new; end $$ language plpgsql"""
			.replace("kd%", kd + "%"));
		this.jdbc.execute(
				"""
						create function hb_test_kill_payments() returns trigger as $$ begin
						if new.kind = 'EARN' and new.member_id in (select id from members where username like 'kd%')
						  and nextval('hb_test_kill_payments') > 9
						then raise exception 'auto-confirm job killed by the test'; end if; return new; end $$ language plpgsql"""
					.replace("kd%", kd + "%"));
		this.jdbc.execute(
				"""
						create function hb_test_kill_claims() returns trigger as $$ begin
						if old.status = 'CLAIMED' and new.status = 'CONFIRMED'
						  and new.helper_id in (select id from members where username like 'kd%')
						  and (select last_value from hb_test_kill_payments) > 9
						then raise exception 'auto-confirm job killed by the test'; end if; return new; end $$ language plpgsql"""
					.replace("kd%", kd + "%"));
		this.jdbc.execute("create trigger hb_test_kill_requests before update on help_requests "
				+ "for each row execute function hb_test_kill_requests()");
		this.jdbc.execute("create trigger hb_test_kill_payments before insert on ledger_entries "
				+ "for each row execute function hb_test_kill_payments()");
		this.jdbc.execute("create trigger hb_test_kill_claims before update on claims "
				+ "for each row execute function hb_test_kill_claims()");
		int expiredBefore;
		int confirmedBefore;
		try {
			new JobRun("test-expire", new SimpleMeterRegistry()).drain(4, this.requests::expireOverdue);
			new JobRun("test-confirm", new SimpleMeterRegistry()).drain(3, this.helps::autoConfirmOverdue);
			expiredBefore = count(
					"select count(*) from help_requests where dedupe_key like '" + kd + "o%' and status = 'EXPIRED'");
			confirmedBefore = count("select count(*) from claims c join members m on m.id = c.helper_id "
					+ "where m.username like '" + kd + "%' and c.status = 'CONFIRMED' and c.auto_confirmed");
		}
		finally {
			this.jdbc.execute("drop trigger if exists hb_test_kill_requests on help_requests");
			this.jdbc.execute("drop trigger if exists hb_test_kill_payments on ledger_entries");
			this.jdbc.execute("drop trigger if exists hb_test_kill_claims on claims");
			this.jdbc.execute("drop function if exists hb_test_kill_requests()");
			this.jdbc.execute("drop function if exists hb_test_kill_payments()");
			this.jdbc.execute("drop function if exists hb_test_kill_claims()");
			this.jdbc.execute("drop sequence if exists hb_test_kill_requests");
			this.jdbc.execute("drop sequence if exists hb_test_kill_payments");
		}
		// whole batches went through before the kill (4 and 3 rows each: 8 and 9 when
		// nothing else was due); the one it hit left nothing behind: every confirmed
		// claim
		// was paid and counted, and nothing else was
		assertThat(expiredBefore).isBetween(1, 10);
		assertThat(count("select count(*) from help_requests where dedupe_key like '" + kd + "o%' and status = 'OPEN'"))
			.isEqualTo(OVERDUE - expiredBefore);
		assertThat(confirmedBefore).isBetween(1, 9);
		assertThat(count("select count(*) from ledger_entries e join members m on m.id = e.member_id "
				+ "where m.username like '" + kd + "%' and e.kind = 'EARN'"))
			.isEqualTo(confirmedBefore);
		assertThat(count("select coalesce(sum(standing), 0) from members where username like '" + kd + "%'"))
			.isEqualTo(confirmedBefore);
		assertThat(countsOffTheirClaims(kd)).isEmpty();

		// the restarted jobs
		new JobRun("test-expire", new SimpleMeterRegistry()).drain(4, this.requests::expireOverdue);
		new JobRun("test-confirm", new SimpleMeterRegistry()).drain(3, this.helps::autoConfirmOverdue);
		settled(backlog);
		assertExactlyOnce(backlog);
		assertThat(countsOffTheirClaims(kd)).isEmpty();
	}

	/**
	 * Another instance holds the whole backlog in its open transactions, as when it is
	 * killed mid-batch: the runs here skip those rows and find nothing else to do, but
	 * they look again while the backlog counts rows they did not take, and take them in
	 * the same run once the holder's connection closes; nothing is done twice. Runs that
	 * do not wait leave the rows to their next tick.
	 */
	@Test
	void aRunTakesTheRowsADyingInstanceHeldOnceItsConnectionCloses() throws Exception {
		Backlog backlog = backlog(tag("dh"));
		String tag = backlog.tag();
		try (Connection holder = this.dataSource.getConnection()) {
			holder.setAutoCommit(false);
			try (Statement lock = holder.createStatement()) {
				lock.execute("select id from help_requests where dedupe_key like '" + tag + "o%' for update");
				lock.execute("select c.id from claims c join members m on m.id = c.helper_id where m.username like '"
						+ tag + "%' and c.status = 'CLAIMED' for update of c");
			}
			// without waiting, the held rows are left
			new JobRun("test-expire", new SimpleMeterRegistry()).drain(7, this.requests::expireOverdue,
					this.requests::overdueBacklog);
			new JobRun("test-confirm", new SimpleMeterRegistry()).drain(4, this.helps::autoConfirmOverdue,
					this.helps::unansweredBacklog);
			assertThat(count("select count(*) from help_requests where dedupe_key like '" + tag + "o%' "
					+ "and status = 'OPEN'"))
				.isEqualTo(OVERDUE);

			Duration lockedWait = Duration.ofSeconds(30);
			ExecutorService runs = Executors.newFixedThreadPool(2);
			try {
				Future<Integer> expired = runs
					.submit(() -> new JobRun("test-expire", new SimpleMeterRegistry(), Duration.ZERO, lockedWait)
						.drain(7, this.requests::expireOverdue, this.requests::overdueBacklog));
				Future<Integer> confirmed = runs
					.submit(() -> new JobRun("test-confirm", new SimpleMeterRegistry(), Duration.ZERO, lockedWait)
						.drain(4, this.helps::autoConfirmOverdue, this.helps::unansweredBacklog));
				Thread.sleep(1500);
				assertThat(expired).as("the expiry run waits for the held rows").isNotDone();
				assertThat(confirmed).as("the auto-confirm run waits for the held rows").isNotDone();
				// the holder dies: its connection closes, its transaction rolls back
				holder.close();
				assertThat(expired.get(20, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(OVERDUE);
				assertThat(confirmed.get(20, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(backlog.staleClaims());
			}
			finally {
				runs.shutdownNow();
			}
		}
		settled(backlog);
		assertExactlyOnce(backlog);
		assertThat(countsOffTheirClaims(tag)).isEmpty();
	}

	/**
	 * A prefix no other test's names start with (hex digits, then an "x": no LIKE
	 * wildcard).
	 */
	private static String tag(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 6) + "x";
	}

	/** Requests whose count of helps is not what their confirmed claims make it. */
	private List<String> countsOffTheirClaims(String tag) {
		return this.jdbc.queryForList("""
				select r.dedupe_key from help_requests r
				where r.dedupe_key like ? and r.helps_confirmed <> least(r.helps_needed,
				  (select count(*) from claims c where c.request_id = r.id and c.status = 'CONFIRMED'))""",
				String.class, tag + "%");
	}

	/** Everything happened once: each claim paid once, each boost refunded once. */
	private void assertExactlyOnce(Backlog backlog) {
		String tag = backlog.tag();
		assertThat(count(
				"select count(*) from help_requests where dedupe_key like '" + tag + "o%' and status <> 'EXPIRED'"))
			.isZero();
		assertThat(count("select count(*) from claims c join members m on m.id = c.helper_id where m.username like '"
				+ tag + "%' and c.status = 'CLAIMED' and c.created_at < now() - interval '24 hours'"))
			.isZero();
		// one entry per confirmed claim, except those the busy helper's cap left unpaid
		assertThat(count("select count(*) from ledger_entries e join claims c on e.idempotency_key = 'claim:' || c.id "
				+ "|| ':confirmed' join members m on m.id = c.helper_id where m.username like '" + tag + "%'"))
			.isEqualTo(backlog.staleClaims() - (BUSY_CLAIMS - CAP));
		assertThat(count("select count(*) from ledger_entries e join members m on m.id = e.member_id "
				+ "where m.username like '" + tag + "%' and e.kind = 'EARN'"))
			.isEqualTo(backlog.staleClaims() - (BUSY_CLAIMS - CAP));
		// standing: one per confirmed claim, none twice
		assertThat(count("select coalesce(sum(standing), 0) from members where username like '" + tag + "%'"))
			.isEqualTo(backlog.staleClaims());
		// each queued boost refunded once, its buyer's balance back where it was
		assertThat(count("select count(*) from boosts b join help_requests r on r.id = b.request_id "
				+ "where r.dedupe_key like '" + tag + "%' and b.status = 'REFUNDED'"))
			.isEqualTo(backlog.queuedBoosts());
		assertThat(count("select count(*) from ledger_entries e join boosts b on e.idempotency_key = 'boost:' || b.id "
				+ "|| ':refund' join help_requests r on r.id = b.request_id where r.dedupe_key like '" + tag + "%'"))
			.isEqualTo(backlog.queuedBoosts());
		assertThat(this.jdbc.queryForList("""
				select a.member_id from credit_accounts a join members m on m.id = a.member_id
				left join ledger_entries e on e.member_id = a.member_id
				where m.username like ? group by a.member_id, a.balance
				having a.balance <> coalesce(sum(e.amount), 0)""", Long.class, tag + "%"))
			.as("members whose balance is not the sum of their ledger")
			.isEmpty();
	}

	/**
	 * Runs a per-item batch until it finds nothing more; returns how many it changed.
	 */
	private static int drain(java.util.function.IntSupplier batch) {
		int total = 0;
		int done;
		do {
			done = batch.getAsInt();
			total += done;
		}
		while (done > 0);
		return total;
	}

	/**
	 * The backlog's state once the events' listeners are done (the boosts' refunds after
	 * their requests closed, the payments of one-by-one confirmations), names and keys
	 * without their tag.
	 */
	private Map<String, Object> settled(Backlog backlog) {
		await("the listeners are done").atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
			String tag = backlog.tag();
			return count("select count(*) from boosts b join help_requests r on r.id = b.request_id where "
					+ "r.dedupe_key like '" + tag + "%' and b.status in ('QUEUED', 'ACTIVE')") == 0
					&& count("select count(*) from ledger_entries e join members m on m.id = e.member_id "
							+ "where m.username like '" + tag + "%' and e.kind = 'EARN'") == backlog.staleClaims()
									- (BUSY_CLAIMS - CAP);
		});
		// nothing more comes
		await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> true);
		return state(backlog.tag());
	}

	private Map<String, Object> state(String tag) {
		Map<String, Object> state = new TreeMap<>();
		int cut = tag.length();
		this.jdbc.query("""
				select dedupe_key, status, helps_confirmed, helps_needed, closed_at is not null as closed,
				  open_key is null as keyless, boosted_until is null as unpinned
				from help_requests where dedupe_key like ?""", (row) -> {
			String closed = row.getBoolean("closed") && row.getBoolean("keyless") ? "closed"
					: (!row.getBoolean("closed") && !row.getBoolean("keyless")) ? "open" : "inconsistent";
			state.put("request " + row.getString("dedupe_key").substring(cut),
					row.getString("status") + " " + row.getInt("helps_confirmed") + "/" + row.getInt("helps_needed")
							+ " " + closed + (row.getBoolean("unpinned") ? "" : " pinned"));
		}, tag + "%");
		this.jdbc.query(
				"""
						select r.dedupe_key, m.username, c.status, c.auto_confirmed, c.decided_at is not null as decided,
						  (select count(*) from ledger_entries e where e.idempotency_key = 'claim:' || c.id || ':confirmed') as paid
						from claims c join help_requests r on r.id = c.request_id join members m on m.id = c.helper_id
						where m.username like ?""",
				(row) -> {
					String helper = row.getString("username").substring(cut);
					String claim = row.getString("status") + (row.getBoolean("auto_confirmed") ? " auto" : "")
							+ (row.getBoolean("decided") != !row.getString("status").equals("CLAIMED") ? " undecided?"
									: "");
					// which of the busy helper's claims the cap left unpaid depends on
					// the order
					// the one-by-one payments ran in; how many does not
					if (!helper.equals("busy")) {
						claim += (row.getInt("paid") == 1) ? " paid" : (row.getInt("paid") == 0) ? "" : " paid twice";
					}
					state.put("claim " + row.getString("dedupe_key").substring(cut) + " " + helper, claim);
				}, tag + "%");
		this.jdbc.query("""
				select m.username, m.standing, coalesce(a.balance, 0) as balance,
				  (select count(*) from ledger_entries e where e.member_id = m.id) as entries
				from members m left join credit_accounts a on a.member_id = m.id where m.username like ?""", (row) -> {
			state.put("paid " + row.getString("username").substring(cut), row.getInt("entries") + " entries, balance "
					+ row.getLong("balance") + ", standing " + row.getInt("standing"));
		}, tag + "%");
		this.jdbc.query("""
				select r.dedupe_key, b.created_at, b.status, b.starts_at is not null as started
				from boosts b join help_requests r on r.id = b.request_id where r.dedupe_key like ?""", (row) -> {
			state.put("boost " + row.getString("dedupe_key").substring(cut) + " "
					+ (row.getBoolean("started") ? "ACTIVE" : "QUEUED"), row.getString("status"));
		}, tag + "%");
		return state;
	}

	private static List<String> lines(Map<String, Object> state) {
		return state.entrySet().stream().map((entry) -> entry.getKey() + ": " + entry.getValue()).toList();
	}

	private int count(String sql) {
		Long count = this.jdbc.queryForObject(sql, Long.class);
		return (count != null) ? count.intValue() : 0;
	}

	/**
	 * Writes a backlog straight to the database; every member name and request key starts
	 * with {@code tag}:
	 * <ul>
	 * <li>{@value #OVERDUE} overdue open requests {@code o0…}, a few expiring at the same
	 * moment; {@code o1} and {@code o3} with a queued (paid) boost, {@code o2} with a
	 * running one;</li>
	 * <li>{@value #HELPED} open requests {@code c0…} needing 1 to 3 helps, claimed by 1
	 * to 4 of the {@value #HELPERS} helpers a day ago, some claims made at the same
	 * moment;</li>
	 * <li>{@value #BUSY_CLAIMS} open requests {@code b0…} each claimed a day ago by the
	 * helper "busy": more than the daily cap pays;</li>
	 * <li>a day-old claim on the overdue {@code o0}, a fresh claim ({@code f0}) and a
	 * rejected one ({@code r0}) that the job must leave alone.</li>
	 * </ul>
	 */
	private Backlog backlog(String tag) {
		long group = this.jdbc.queryForObject("select id from topic_groups where slug = 'kanjia'", Long.class);
		long author = established(member(tag + "author"));
		long buyer = established(member(tag + "buyer"));
		long[] helpers = new long[HELPERS];
		for (int i = 0; i < HELPERS; i++) {
			helpers[i] = answered(group, tag, "h" + i, member(tag + "h" + i));
		}
		long busy = answered(group, tag, "busy", member(tag + "busy"));
		Instant now = Instant.now();
		Timestamp dayOld = Timestamp.from(now.minus(Duration.ofHours(25)));
		long[] overdue = new long[OVERDUE];
		for (int i = 0; i < OVERDUE; i++) {
			// every third shares its expiry with the one before
			Instant expiry = now.minus(Duration.ofMinutes(90 - i + ((i % 3 == 0) ? 1 : 0)));
			overdue[i] = request(group, (i % 2 == 0) ? author : buyer, tag + "o" + i, 1, expiry);
		}
		int queued = 0;
		for (int i : new int[] { 1, 3 }) {
			boost(overdue[i], group, buyer, tag, false);
			queued++;
		}
		boost(overdue[2], group, buyer, tag, true);
		int stale = 0;
		for (int i = 0; i < HELPED; i++) {
			// each by an author of its own: the pair caps (docs/credits.md) leave every
			// claim of the backlog paid, but for the daily cap
			long requestAuthor = established(member(tag + "ac" + i));
			long request = request(group, requestAuthor, tag + "c" + i, 1 + i % 3, now.plus(Duration.ofHours(20)));
			for (int k = 0; k <= i % 4; k++) {
				// pairs of claims made at the same moment
				claim(request, helpers[(i + k) % HELPERS], requestAuthor, "CLAIMED",
						Timestamp.from(dayOld.toInstant().minusSeconds(100L * i + (k / 2))));
				stale++;
			}
		}
		for (int i = 0; i < BUSY_CLAIMS; i++) {
			long requestAuthor = established(member(tag + "ab" + i));
			long request = request(group, requestAuthor, tag + "b" + i, 5, now.plus(Duration.ofHours(20)));
			claim(request, busy, requestAuthor, "CLAIMED", Timestamp.from(dayOld.toInstant().minusSeconds(7L * i)));
			stale++;
		}
		claim(overdue[0], helpers[0], author, "CLAIMED", dayOld);
		stale++;
		long fresh = request(group, author, tag + "f0", 2, now.plus(Duration.ofHours(20)));
		claim(fresh, helpers[0], author, "CLAIMED", Timestamp.from(now.minus(Duration.ofHours(1))));
		long rejected = request(group, author, tag + "r0", 2, now.plus(Duration.ofHours(20)));
		claim(rejected, helpers[0], author, "REJECTED", dayOld);
		return new Backlog(tag, stale, queued);
	}

	record Backlog(String tag, int staleClaims, int queuedBoosts) {

	}

	private long member(String name) {
		String unique = name + "-" + UUID.randomUUID().toString().substring(0, 6);
		this.jdbc.update("insert into members (username, username_key, password_hash, created_at) "
				+ "values (?, ?, '{noop}x', now() - interval '30 days')", name, unique);
		return this.jdbc.queryForObject("select id from members where username_key = ?", Long.class, unique);
	}

	/**
	 * Vouched for and of age (docs/credits.md): helps the member confirms pay at once.
	 */
	private long established(long member) {
		this.jdbc.update("insert into credit_trust (member_id, vouched_at, established_at)"
				+ " values (?, now() - interval '20 days', now() - interval '20 days')", member);
		return member;
	}

	/**
	 * Gives the helper five helps confirmed by hand two days ago (requests {@code y…},
	 * fulfilled, by an author of their own), so that the auto-confirm gate lets their
	 * auto-confirmed helps pay (docs/credits.md).
	 */
	private long answered(long group, String tag, String name, long helper) {
		long author = established(member(tag + "ay" + name));
		Timestamp twoDaysAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(2)));
		for (int i = 0; i < 5; i++) {
			long request = request(group, author, tag + "y" + name + "-" + i, 1,
					Instant.now().plus(Duration.ofHours(20)));
			this.jdbc.update("update help_requests set status = 'FULFILLED', helps_confirmed = 1, open_key = null,"
					+ " closed_at = now() - interval '2 days' where id = ?", request);
			claim(request, helper, author, "CONFIRMED", twoDaysAgo);
		}
		return helper;
	}

	private long request(long group, long author, String key, int needed, Instant expiresAt) {
		this.jdbc.update("""
				insert into help_requests (group_id, author_id, author_name, platform, campaign, share_text,
				  dedupe_key, open_key, helps_needed, status, created_at, expires_at)
				values (?, ?, 'backlog', 'PINDUODUO', 'pdd-bargain', 'https://p.pinduoduo.com/x', ?, ?, ?, 'OPEN',
				  now() - interval '26 hours', ?)""", group, author, key, key, needed, Timestamp.from(expiresAt));
		return this.jdbc.queryForObject("select id from help_requests where dedupe_key = ?", Long.class, key);
	}

	private void claim(long request, long helper, long author, String status, Timestamp at) {
		this.jdbc.update("""
				insert into claims (request_id, helper_id, author_id, campaign, status, created_at, decided_at,
				  helper_day)
				values (?, ?, ?, 'pdd-bargain', ?, ?, ?, current_date)""", request, helper, author, status, at,
				status.equals("CLAIMED") ? null : at);
	}

	/** A boost of 2 credits the buyer paid for (a grant, then the spend); or running. */
	private void boost(long request, long group, long buyer, String tag, boolean running) {
		Instant now = Instant.now();
		long boost = this.jdbc.queryForObject(
				"""
						insert into boosts (request_id, group_id, member_id, hours, cost, status, created_at, starts_at, ends_at)
						values (?, ?, ?, 1, 2, ?, now() - interval '3 hours', ?, ?) returning id""",
				Long.class, request, group, buyer, running ? "ACTIVE" : "QUEUED",
				running ? Timestamp.from(now.minusSeconds(600)) : null,
				running ? Timestamp.from(now.plusSeconds(3000)) : null);
		if (running) {
			this.jdbc.update("update help_requests set boost_started_at = ?, boosted_until = ? where id = ?",
					Timestamp.from(now.minusSeconds(600)), Timestamp.from(now.plusSeconds(3000)), request);
		}
		this.jdbc.update("insert into credit_accounts (member_id, balance, earned_today, version) values (?, 0, 0, 0) "
				+ "on conflict do nothing", buyer);
		long balance = this.jdbc.queryForObject("select balance from credit_accounts where member_id = ?", Long.class,
				buyer);
		this.jdbc.update(
				"""
						insert into ledger_entries (member_id, amount, kind, idempotency_key, reference, balance_after, created_at)
						values (?, 2, 'GRANT', ?, 'test', ?, now()), (?, -2, 'SPEND', ?, ?, ?, now())""",
				buyer, tag + ":grant:" + boost, balance + 2, buyer, "boost:" + boost + ":spend", "boost:" + boost,
				balance);
	}

}
