package com.helpboard.help;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.helpboard.support.EmbeddedDatabaseTest;
import com.helpboard.support.Rows;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The help queue's statement on the embedded H2 default (PostgreSQL mode): its array
 * parameters, the per-group probes and the order of their picks.
 */
@EmbeddedDatabaseTest
class HelpQueueOnEmbeddedDatabaseTests {

	@Autowired
	HelpQueries queries;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theQueueServesBoostedFirstThenClosestToDoneAndHonoursItsFilters() {
		String tag = "h2q" + UUID.randomUUID().toString().substring(0, 8);
		long one = Rows.group(this.jdbc, tag + "g1");
		long two = Rows.group(this.jdbc, tag + "g2");
		long author = Rows.member(this.jdbc, tag + "a");
		long blocked = Rows.member(this.jdbc, tag + "b");
		long helper = Rows.member(this.jdbc, tag + "h");
		Instant now = Instant.now();
		// group one: a request two helps from done, an older one three from done; group
		// two: one help from done, but an orchard request; and a request of the helper's
		// own
		long nearlyDone = request(one, author, tag + "n", 5, 3, "pdd-bargain", now.minusSeconds(60));
		long older = request(one, author, tag + "o", 3, 0, "pdd-bargain", now.minusSeconds(600));
		long orchard = request(two, author, tag + "c", 2, 1, "pdd-orchard", now.minusSeconds(30));
		request(two, helper, tag + "m", 1, 0, "pdd-bargain", now.minusSeconds(900));
		long theirs = request(two, blocked, tag + "x", 1, 0, "pdd-bargain", now.minusSeconds(900));
		this.jdbc.update("insert into member_blocks (member_id, blocked_id, created_at) values (?, ?, ?)", helper,
				blocked, Timestamp.from(now));
		List<Long> both = List.of(one, two);

		// closest to done first, across the groups; never the helper's own nor a blocked
		// author's
		assertThat(this.queries.nextFor(helper, both, Set.of(), List.of(), now)).contains(orchard);
		// a capped campaign is passed over, then skipped ones
		assertThat(this.queries.nextFor(helper, both, Set.of("pdd-orchard"), List.of(), now)).contains(nearlyDone);
		assertThat(
				this.queries.nextFor(helper, both, Set.of("pdd-orchard", "pdd-cash-wheel"), List.of(nearlyDone), now))
			.contains(older);
		// one the helper claimed is passed over too
		this.jdbc.update("""
				insert into claims (request_id, helper_id, author_id, campaign, status, created_at, helper_day)
				values (?, ?, ?, 'pdd-orchard', 'CLAIMED', ?, current_date)""", orchard, helper, author,
				Timestamp.from(now));
		assertThat(this.queries.nextFor(helper, both, Set.of(), List.of(), now)).contains(nearlyDone);
		// the block was what kept the blocked author's request back (one help from done,
		// as old as the helper's own, which still never comes)
		this.jdbc.update("delete from member_blocks where member_id = ? and blocked_id = ?", helper, blocked);
		assertThat(this.queries.nextFor(helper, both, Set.of(), List.of(), now)).contains(theirs);
		assertThat(this.queries.nextFor(helper, both, Set.of(), List.of(theirs), now)).contains(nearlyDone);
		// a boosted request comes first, however far from done
		this.jdbc.update("update help_requests set boosted_until = ? where id = ?",
				Timestamp.from(now.plus(Duration.ofHours(1))), older);
		assertThat(this.queries.nextFor(helper, both, Set.of(), List.of(), now)).contains(older);
		// nothing left: empty, and no groups at all: empty
		assertThat(this.queries.nextFor(helper, both, Set.of(), List.of(older, nearlyDone, theirs), now)).isEmpty();
		assertThat(this.queries.nextFor(helper, List.of(), Set.of(), List.of(), now)).isEmpty();
	}

	private long request(long group, long author, String key, int needed, int confirmed, String campaign,
			Instant createdAt) {
		this.jdbc.update("""
				insert into help_requests (group_id, author_id, author_name, platform, campaign, share_text,
				  dedupe_key, open_key, helps_needed, helps_confirmed, status, created_at, expires_at)
				values (?, ?, 'h2', 'PINDUODUO', ?, 'https://p.pinduoduo.com/x', ?, ?, ?, ?, 'OPEN', ?, ?)""", group,
				author, campaign, key, key, needed, confirmed, Timestamp.from(createdAt),
				Timestamp.from(Instant.now().plus(Duration.ofHours(5))));
		return this.jdbc.queryForObject("select id from help_requests where dedupe_key = ?", Long.class, key);
	}

}
