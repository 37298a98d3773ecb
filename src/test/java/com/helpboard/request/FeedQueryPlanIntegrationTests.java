package com.helpboard.request;

import java.util.List;
import java.util.UUID;

import com.helpboard.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a few thousand requests, PostgreSQL answers the feed from its index, not a table
 * scan.
 */
@IntegrationTest
class FeedQueryPlanIntegrationTests {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theFeedQueryUsesItsIndex() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		this.jdbc.update("insert into members (username, username_key, password_hash, created_at)"
				+ " values (?, ?, '{noop}x', now())", "plan" + tag, "plan" + tag);
		long author = this.jdbc.queryForObject("select id from members where username_key = ?", Long.class,
				"plan" + tag);
		// groups of its own, so the thousands of rows stay out of other tests' way
		for (int i = 0; i < 8; i++) {
			this.jdbc.update(
					"insert into topic_groups (slug, name_zh, name_en, created_at) values (?, 'plan', 'plan', now())",
					"plan-" + tag + "-" + i);
		}
		List<Long> groups = this.jdbc.queryForList("select id from topic_groups where slug like ? order by id",
				Long.class, "plan-" + tag + "-%");
		// 4000 requests over the groups: most closed or
		// expired, as on a board that has run a while
		this.jdbc.update("""
				insert into help_requests (group_id, author_id, author_name, platform, campaign, share_text,
				    dedupe_key, open_key, helps_needed, status, created_at, expires_at)
				select g.id, ?, 'plan', 'PINDUODUO', 'pdd-bargain', 'x', ? || n,
				       case when n % 10 = 0 then ? || n end, 3,
				       case when n % 10 = 0 then 'OPEN' else 'EXPIRED' end,
				       now() - interval '1 hour', now() + interval '1 hour' * (case when n % 10 = 0 then 5 else -5 end)
				from generate_series(1, 4000) as n
				join (select id, row_number() over (order by id) - 1 as k from topic_groups where slug like ?) g
				  on g.k = n % ?""", author, "plan:" + tag + ":", "plan:" + tag + ":", "plan-" + tag + "-%",
				groups.size());
		this.jdbc.execute("analyze help_requests");
		String plan = String.join("\n",
				this.jdbc.queryForList("explain select r.id, r.author_id, r.helps_confirmed, r.helps_needed,"
						+ " r.created_at, r.boosted_until, r.boost_started_at from help_requests r"
						+ " where r.group_id = " + groups.get(0) + " and r.status = 'OPEN' and r.expires_at > now()",
						String.class));
		assertThat(plan).contains("help_requests_open_by_group").doesNotContain("Seq Scan on help_requests");
	}

}
