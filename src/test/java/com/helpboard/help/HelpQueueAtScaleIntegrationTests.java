package com.helpboard.help;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.helpboard.request.QueueFront;
import com.helpboard.request.RequestView;
import com.helpboard.request.Requests;
import com.helpboard.support.IntegrationTest;
import com.helpboard.support.Rows;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The help queue with 20 000 open requests in a group: it serves the documented next
 * request (boosted, then closest to done, then oldest) by reading the front of its index,
 * not every open request.
 */
@IntegrationTest
class HelpQueueAtScaleIntegrationTests {

	@Autowired
	HelpQueries queries;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	NamedParameterJdbcTemplate named;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Requests requests;

	@Autowired
	HelpQueue helpQueue;

	@Test
	void theQueueReadsTheFrontOfItsIndexAndServesTheDocumentedNext() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		long big = Rows.group(this.jdbc, "qb" + tag);
		long small = Rows.group(this.jdbc, "qs" + tag);
		long helper = Rows.member(this.jdbc, "h" + tag);
		this.jdbc.update("""
				insert into members (username, username_key, password_hash, created_at)
				select ? || n, ? || n, '{noop}x', now() from generate_series(1, 300) n""", "qa" + tag + "_",
				"qa" + tag + "_");
		this.jdbc.update("""
				insert into help_requests (group_id, author_id, author_name, platform, campaign, share_text,
				    dedupe_key, open_key, helps_needed, helps_confirmed, status, created_at, expires_at)
				select case when n % 100 = 0 then ? else ? end, m.id, m.username, 'PINDUODUO', 'pdd-bargain', 'x',
				    ? || n, ? || n, 5, n % 5, 'OPEN', now() - (n || ' seconds')::interval, now() + interval '10 hours'
				from generate_series(1, 20200) n
				join members m on m.username_key = ? || (1 + n % 300)""", small, big, "q:" + tag + ":",
				"q:" + tag + ":", "qa" + tag + "_");
		// history the queue must not read: closed requests of the same group
		this.jdbc.update("""
				insert into help_requests (group_id, author_id, author_name, platform, campaign, share_text,
				    dedupe_key, helps_needed, status, created_at, expires_at)
				select ?, ?, 'old', 'PINDUODUO', 'pdd-bargain', 'x', ? || n, 5, 'EXPIRED',
				    now() - interval '3 days', now() - interval '2 days'
				from generate_series(1, 20000) n""", big, helper, "old:" + tag + ":");
		this.jdbc.execute("analyze help_requests");

		Instant now = Instant.now();
		List<Long> front = this.jdbc.queryForList("""
				select id from help_requests where group_id = ? and status = 'OPEN' and expires_at > now()
				order by helps_needed - helps_confirmed, created_at, id limit 3""", Long.class, big);
		assertThat(this.queries.nextFor(helper, List.of(big), Set.of(), List.of(), now)).contains(front.get(0));
		// the kept front holds the index's first requests, and the help queue serves
		// from it what the statement serves
		QueueFront kept = this.requests.queueFront(big);
		assertThat(kept.allQueued()).isFalse();
		assertThat(kept.queued().stream().map(RequestView::id).toList()).startsWith(front.toArray(Long[]::new))
			.hasSize(QueueFront.SIZE);
		assertThat(this.helpQueue.view(helper, List.of(big), List.of(front.get(0))).next()).extracting(RequestView::id)
			.isEqualTo(front.get(1));
		// the ones passed over are skipped, and it still stops at the next
		assertThat(this.queries.nextFor(helper, List.of(big), Set.of(), List.of(front.get(0), front.get(1)), now))
			.contains(front.get(2));
		// a boost comes first, in any of the groups
		long boosted = this.jdbc.queryForObject(
				"select max(id) from help_requests where group_id = ? and status = 'OPEN'", Long.class, small);
		this.jdbc.update("update help_requests set boosted_until = now() + interval '1 hour' where id = ?", boosted);
		assertThat(this.queries.nextFor(helper, List.of(big, small), Set.of(), List.of(), now)).contains(boosted);

		MapSqlParameterSource params = HelpQueries.nextForParams(helper, List.of(big), Set.of("pdd-orchard"),
				List.of(front.get(0)), now);
		String plan = String.join("\n",
				this.named.queryForList("explain (analyze, costs off) " + HelpQueries.NEXT_FOR, params, String.class));
		assertStopsAtTheFront(plan);

		// PostgreSQL plans it for each call's values: the statement stays prepared on its
		// connection (the driver prepares it from the fifth call on), but never with a
		// generic plan, which sorts the whole group (48 ms here)
		String plans = this.transactions.execute((status) -> {
			for (int i = 0; i < 12; i++) {
				this.queries.nextFor(helper, List.of(big, small), Set.of(), List.of(), now);
			}
			return this.jdbc.queryForObject("""
					select count(*) || ' prepared, ' || coalesce(sum(generic_plans), 0) || ' generic, '
					  || coalesce(sum(custom_plans), 0) || ' custom'
					from pg_prepared_statements where statement like '%with picks as%'""", String.class);
		});
		assertThat(plans).startsWith("1 prepared, 0 generic, ");
	}

	/**
	 * The queue's probes read help_requests_queue from the front and stop after a few
	 * rows instead of reading 20 000.
	 */
	private static void assertStopsAtTheFront(String plan) {
		assertThat(plan).contains("help_requests_queue").doesNotContain("Seq Scan on help_requests");
		java.util.regex.Matcher rows = java.util.regex.Pattern
			.compile("Index Scan using help_requests_queue[^\n]*rows=(\\d+)")
			.matcher(plan);
		assertThat(rows.find()).as(plan).isTrue();
		do {
			assertThat(Integer.parseInt(rows.group(1))).as(plan).isLessThanOrEqualTo(5);
		}
		while (rows.find());
	}

}
