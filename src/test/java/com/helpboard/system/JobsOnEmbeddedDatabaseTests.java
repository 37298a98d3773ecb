package com.helpboard.system;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.helpboard.help.Helps;
import com.helpboard.request.Requests;
import com.helpboard.support.EmbeddedDatabaseTest;
import com.helpboard.support.Rows;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jobs' batch statements on the embedded H2 default (PostgreSQL mode): skip-locked
 * lookups, array parameters, the accounts' MERGE, the multi-row ledger insert. The
 * scheduler runs in this context too, so the end state is checked, not who did the work.
 */
@EmbeddedDatabaseTest
class JobsOnEmbeddedDatabaseTests {

	@Autowired
	Requests requests;

	@Autowired
	Helps helps;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theBatchesWorkOnH2Too() {
		String tag = "h2j" + UUID.randomUUID().toString().substring(0, 8);
		long author = Rows.member(this.jdbc, tag + "a");
		long helper = Rows.member(this.jdbc, tag + "h");
		long group = this.jdbc.queryForObject("select id from topic_groups where slug = 'kanjia'", Long.class);
		Instant now = Instant.now();
		for (int i = 0; i < 5; i++) {
			request(group, author, tag + "o" + i, 1, now.minus(Duration.ofMinutes(10 + i)));
		}
		// the helper's five helps answered by hand (the auto-confirm gate), and each
		// claim below by an established author of its own (the pair caps, standing by
		// distinct counterparts: docs/credits.md), so that every claim pays and counts
		for (int i = 0; i < 5; i++) {
			long request = request(group, author, tag + "y" + i, 1, now.plus(Duration.ofHours(5)));
			this.jdbc.update("""
					insert into claims (request_id, helper_id, author_id, campaign, status, created_at, decided_at,
					  helper_day)
					values (?, ?, ?, 'pdd-bargain', 'CONFIRMED', ?, ?, current_date)""", request, helper, author,
					Timestamp.from(now.minus(Duration.ofDays(2))), Timestamp.from(now.minus(Duration.ofDays(2))));
		}
		for (int i = 0; i < 4; i++) {
			long requestAuthor = Rows.member(this.jdbc, tag + "a" + i);
			this.jdbc.update("insert into credit_trust (member_id, vouched_at, established_at) values (?, ?, ?)",
					requestAuthor, Timestamp.from(now.minus(Duration.ofDays(2))),
					Timestamp.from(now.minus(Duration.ofDays(1))));
			long request = request(group, requestAuthor, tag + "c" + i, 2, now.plus(Duration.ofHours(5)));
			this.jdbc.update("""
					insert into claims (request_id, helper_id, author_id, campaign, status, created_at, helper_day)
					values (?, ?, ?, 'pdd-bargain', 'CLAIMED', ?, current_date)""", request, helper, requestAuthor,
					Timestamp.from(now.minus(Duration.ofHours(25)).minusSeconds(i)));
		}

		new JobRun("h2-expire", new SimpleMeterRegistry()).drain(2, this.requests::expireOverdue);
		new JobRun("h2-confirm", new SimpleMeterRegistry()).drain(3, this.helps::autoConfirmOverdue);

		assertThat(this.jdbc.queryForObject(
				"select count(*) from help_requests where dedupe_key like ? and status = 'EXPIRED' and open_key is null",
				Long.class, tag + "o%"))
			.isEqualTo(5);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from claims where helper_id = ? and status = 'CONFIRMED' and auto_confirmed",
				Long.class, helper))
			.isEqualTo(4);
		assertThat(this.jdbc.queryForObject(
				"select sum(helps_confirmed) from help_requests where dedupe_key like ? and status = 'OPEN'",
				Long.class, tag + "c%"))
			.isEqualTo(4);
		assertThat(this.jdbc.queryForObject("select standing from members where id = ?", Integer.class, helper))
			.isEqualTo(4);
		assertThat(
				this.jdbc.queryForObject("select balance from credit_accounts where member_id = ?", Long.class, helper))
			.isEqualTo(4);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from ledger_entries where member_id = ? and kind = 'EARN' and amount = 1", Long.class,
				helper))
			.isEqualTo(4);
	}

	private long request(long group, long author, String key, int needed, Instant expiresAt) {
		this.jdbc.update("""
				insert into help_requests (group_id, author_id, author_name, platform, campaign, share_text,
				  dedupe_key, open_key, helps_needed, status, created_at, expires_at)
				values (?, ?, 'h2', 'PINDUODUO', 'pdd-bargain', 'https://p.pinduoduo.com/x', ?, ?, ?, 'OPEN', ?, ?)""",
				group, author, key, key, needed, Timestamp.from(Instant.now().minus(Duration.ofHours(26))),
				Timestamp.from(expiresAt));
		return this.jdbc.queryForObject("select id from help_requests where dedupe_key = ?", Long.class, key);
	}

}
