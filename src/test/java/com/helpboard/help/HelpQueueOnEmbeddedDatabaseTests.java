package com.helpboard.help;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import com.helpboard.request.QueueFront;
import com.helpboard.request.Requests;
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

	@Autowired
	Requests requests;

	@Autowired
	HelpQueue helpQueue;

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

	/**
	 * The kept fronts pick what the statement picks: random groups (one far longer than a
	 * front holds, with more boosted requests than a front holds), random claims, blocks,
	 * skips, capped campaigns and requests past their time; where the fronts cannot tell
	 * they say so, and the help queue then asks the statement.
	 */
	@Test
	void theKeptFrontsPickWhatTheStatementPicks() {
		String tag = "h2f" + UUID.randomUUID().toString().substring(0, 8);
		Random random = new Random(20261204);
		long helper = Rows.member(this.jdbc, tag + "h");
		List<Long> authors = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			authors.add(Rows.member(this.jdbc, tag + "a" + i));
		}
		authors.add(helper);
		List<String> campaigns = List.of("pdd-bargain", "pdd-orchard", "pdd-cash-wheel");
		List<Long> groups = List.of(Rows.group(this.jdbc, tag + "big"), Rows.group(this.jdbc, tag + "mid"),
				Rows.group(this.jdbc, tag + "few"));
		int[] sizes = { 3 * QueueFront.SIZE, 2 * QueueFront.SIZE, 5 };
		int own = QueueFront.SIZE + 8;
		Instant now = Instant.now();
		List<Long> all = new ArrayList<>();
		for (int g = 0; g < groups.size(); g++) {
			for (int i = 0; i < sizes[g]; i++) {
				int needed = 1 + random.nextInt(5);
				long id;
				if (g == 0 && i < own) {
					// the big group's front, boosted and not, is the helper's own: what
					// they may help lies past both of its cut lists
					id = request(groups.get(g), helper, tag + g + "r" + i, 1, 0, "pdd-bargain", now.minusSeconds(600));
					this.jdbc.update("update help_requests set boosted_until = ? where id = ?",
							Timestamp.from(now.plusSeconds(3600)), id);
					continue;
				}
				id = request(groups.get(g), authors.get(random.nextInt(authors.size())), tag + g + "r" + i, needed,
						random.nextInt(needed), campaigns.get(random.nextInt(campaigns.size())),
						now.minusSeconds(random.nextInt(3) * 60L));
				all.add(id);
				int kind = random.nextInt(10);
				if (kind < 3) {
					// boosted, or a boost that ended
					this.jdbc.update("update help_requests set boosted_until = ? where id = ?",
							Timestamp.from(now.plusSeconds((kind == 0) ? -60 : 3600)), id);
				}
				else if (kind == 3) {
					// past its time, not yet closed by the expiry job
					this.jdbc.update("update help_requests set expires_at = ? where id = ?",
							Timestamp.from(now.minusSeconds(1)), id);
				}
			}
		}
		List<QueueFront> fronts = groups.stream().map(this.requests::queueFront).toList();
		assertThat(fronts.get(0).allQueued()).isFalse();
		assertThat(fronts.get(0).allBoosted()).isFalse();
		assertThat(fronts.get(1).allQueued()).isFalse();
		assertThat(fronts.get(2).allQueued()).isTrue();

		int known = 0;
		int unknown = 0;
		for (int round = 0; round < 60; round++) {
			// the helper's claims and blocks grow from round to round
			long claimed = all.get(random.nextInt(all.size()));
			this.jdbc.update("""
					insert into claims (request_id, helper_id, author_id, campaign, status, created_at, helper_day)
					select id, ?, author_id, campaign, 'CLAIMED', ?, current_date from help_requests r
					where id = ? and author_id <> ?
					  and not exists (select 1 from claims c where c.request_id = r.id and c.helper_id = ?)""", helper,
					Timestamp.from(now), claimed, helper, helper);
			if (round % 15 == 7) {
				this.jdbc.update("insert into member_blocks (member_id, blocked_id, created_at) values (?, ?, ?)",
						helper, authors.get(round % 12), Timestamp.from(now));
			}
			List<Long> skip = new ArrayList<>();
			for (int i = random.nextInt(4) * 5; i > 0; i--) {
				skip.add(all.get(random.nextInt(all.size())));
			}
			Set<String> excluded = (round % 3 == 0) ? Set.of(campaigns.get(round % campaigns.size())) : Set.of();
			List<Long> chosen = switch (round % 4) {
				case 0 -> groups;
				case 1 -> List.of(groups.get(0));
				case 2 -> List.of(groups.get(1), groups.get(2));
				default -> List.of(groups.get(2));
			};
			FrontPick pick = FrontPick.of(chosen.stream().map(this.requests::queueFront).toList(), helper, excluded,
					skip, now, (batch) -> this.queries.refused(helper, batch));
			Long statement = this.queries.nextFor(helper, chosen, excluded, skip, now).orElse(null);
			if (pick.known()) {
				known++;
				assertThat((pick.next() != null) ? pick.next().id() : null).as("round %d", round).isEqualTo(statement);
			}
			else {
				unknown++;
				assertThat(chosen).contains(groups.get(0));
			}
			// and the help queue answers what the statement answers, either way (it
			// leaves out the campaigns whose cap the helper's claims of the day reached)
			if (chosen.size() == 1) {
				HelpQueue.View view = this.helpQueue.view(helper, List.of(chosen.get(0)), skip);
				Set<String> capped = new HashSet<>();
				view.today()
					.campaigns()
					.stream()
					.filter(HelperDay.CampaignCount::capped)
					.forEach((c) -> capped.add(c.campaign()));
				assertThat((view.next() != null) ? view.next().id() : null).as("round %d", round)
					.isEqualTo(this.queries.nextFor(helper, chosen, capped, skip, now).orElse(null));
			}
		}
		assertThat(known).isGreaterThan(25);
		assertThat(unknown).isGreaterThan(10);
	}

	@Test
	void aPickPastTheRequestsAskedWithTheDayAsksAgain() {
		// a view asks about the first 32 requests of its walk with the member's day; over
		// two whole fronts (56 requests) where the member helped the first 36, what it
		// serves must come from a second question
		String tag = "h2p" + UUID.randomUUID().toString().substring(0, 8);
		long helper = Rows.member(this.jdbc, tag + "h");
		long author = Rows.member(this.jdbc, tag + "a");
		List<Long> groups = List.of(Rows.group(this.jdbc, tag + "g1"), Rows.group(this.jdbc, tag + "g2"));
		Instant now = Instant.now();
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 56; i++) {
			// alternating groups, each request older than the next: queue order is this
			// order
			ids.add(request(groups.get(i % 2), author, tag + "r" + i, 1, 0, "pdd-bargain", now.minusSeconds(3600 - i)));
		}
		for (long group : groups) {
			this.jdbc.update("insert into group_members (group_id, member_id, joined_at) values (?, ?, ?)", group,
					helper, Timestamp.from(now.minus(Duration.ofDays(30))));
		}
		int helped = 2 * FrontPick.BATCH + 4;
		for (long id : ids.subList(0, helped)) {
			// helped on an earlier day: no cap is reached today
			this.jdbc.update("""
					insert into claims (request_id, helper_id, author_id, campaign, status, created_at, helper_day)
					values (?, ?, ?, 'pdd-bargain', 'CLAIMED', ?, ?)""", id, helper, author,
					Timestamp.from(now.minus(Duration.ofDays(1))), java.sql.Date.valueOf(LocalDate.now().minusDays(1)));
		}
		assertThat(groups.stream().map(this.requests::queueFront)).allMatch(QueueFront::allQueued);

		HelpQueue.View view = this.helpQueue.view(helper, groups, List.of());

		assertThat(this.queries.nextFor(helper, groups, Set.of(), List.of(), now)).contains(ids.get(helped));
		assertThat(view.next()).isNotNull();
		assertThat(view.next().id()).isEqualTo(ids.get(helped));
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
