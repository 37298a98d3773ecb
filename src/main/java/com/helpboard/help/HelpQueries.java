package com.helpboard.help;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.helpboard.request.Reciprocity;
import com.helpboard.request.RequestView;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The help queue's and reciprocity's SQL. The queue reads the request module's table by
 * plain SQL (one statement, no N+1) and hands the chosen id back to its facade.
 */
@Component
class HelpQueries {

	private final NamedParameterJdbcTemplate jdbc;

	private final KeptHelperAnswers kept;

	HelpQueries(NamedParameterJdbcTemplate jdbc, KeptHelperAnswers kept) {
		this.jdbc = jdbc;
		this.kept = kept;
	}

	/**
	 * The next request the helper can help in the given groups: boosted ones first, then
	 * the closest to done, then the oldest. {@link HelpQueue} asks it only where the kept
	 * fronts cannot tell ({@link FrontPick}). One statement of two index-ordered probes
	 * per group (the boosted few, then the open requests in queue order, index
	 * {@code help_requests_queue}), each stopping at its first request that passes the
	 * filters; so its cost depends on the number of groups and on the requests the helper
	 * passed over (claimed, skipped, blocked), not on how many are open.
	 * <p>
	 * The groups, the excluded campaigns and the skipped ids are array parameters, so the
	 * statement is one, and planning it costs the same whatever the member's groups (it
	 * was two probes per group in the text: 2.6 ms of planning for five groups, 0.8 ms
	 * now). PostgreSQL plans it for each call's values (custom plans: the driver prepares
	 * it on the connection, so it is parsed once, and PostgreSQL keeps planning it per
	 * call because a plan for any values, a generic plan, costs more by its own
	 * estimates). That generic plan must not be used: it cannot know how few requests a
	 * member's filters pass over, and sorts a whole group instead of reading the front of
	 * its index (48 ms against 0.2 ms with 20 000 open; docs/performance.md).
	 * HelpQueueAtScaleIntegrationTests checks that it is not.
	 */
	Optional<Long> nextFor(long helperId, Collection<Long> groupIds, Set<String> excludedCampaigns,
			Collection<Long> skip, Instant now) {
		if (groupIds.isEmpty()) {
			return Optional.empty();
		}
		List<Long> ids = this.jdbc.queryForList(NEXT_FOR,
				nextForParams(helperId, groupIds, excludedCampaigns, skip, now), Long.class);
		return ids.stream().findFirst();
	}

	/** {@link #nextFor}'s parameters, named as {@link #NEXT_FOR} names them. */
	static MapSqlParameterSource nextForParams(long helperId, Collection<Long> groupIds, Set<String> excludedCampaigns,
			Collection<Long> skip, Instant now) {
		return new MapSqlParameterSource("me", helperId).addValue("now", now.atOffset(ZoneOffset.UTC))
			.addValue("groups", groupIds.toArray(Long[]::new))
			.addValue("excluded", excludedCampaigns.toArray(String[]::new))
			.addValue("skip", skip.toArray(Long[]::new));
	}

	/**
	 * Open by time, not mine, not a capped campaign, not skipped, not helped, not
	 * blocked.
	 */
	private static final String ELIGIBLE = """
			r.expires_at > :now and r.author_id <> :me
			  and r.campaign <> all(cast(:excluded as varchar array)) and r.id <> all(cast(:skip as bigint array))
			  and not exists (select 1 from claims c where c.request_id = r.id and c.helper_id = :me)
			  and not exists (select 1 from member_blocks b where b.member_id = :me and b.blocked_id = r.author_id)""";

	/**
	 * {@link #nextFor}'s statement: per group, the first boosted and the first of the
	 * queue that the helper may help; of those, a boosted one first, then queue order.
	 * (Where a group's queue front is itself boosted, the group's boosted probe found it
	 * or one before it, so ordering the picks by "boosted now" is the two probes' order.)
	 */
	static final String NEXT_FOR = """
			with picks as (
			  select
			    (select r.id from help_requests r
			     where r.group_id = g.id and r.status = 'OPEN' and r.boosted_until > :now and %1$s
			     order by r.helps_needed - r.helps_confirmed, r.created_at, r.id limit 1) as boosted,
			    (select r.id from help_requests r
			     where r.group_id = g.id and r.status = 'OPEN' and %1$s
			     order by r.helps_needed - r.helps_confirmed, r.created_at, r.id limit 1) as queued
			  from unnest(cast(:groups as bigint array)) as g(id))
			select r.id from help_requests r
			where r.id in (select boosted from picks union all select queued from picks)
			order by case when r.boosted_until > :now then 0 else 1 end, r.helps_needed - r.helps_confirmed,
			  r.created_at, r.id
			limit 1""".formatted(ELIGIBLE);

	/**
	 * Of these requests, the ones the helper may not help for who they are: those they
	 * claimed and those whose author they blocked. One statement, by index, whatever the
	 * helper's history; for {@link FrontPick}, which asks it of a few requests at a time.
	 */
	Refused refused(long helperId, Collection<RequestView> requests) {
		return ask(helperId, null, requests).refused();
	}

	/** What {@link #refused} found: claimed request ids, blocked author ids. */
	record Refused(Set<Long> claimed, Set<Long> blockedAuthors) {

		boolean refuses(RequestView request) {
			return this.claimed.contains(request.id()) || this.blockedAuthors.contains(request.authorId());
		}

	}

	/**
	 * The helper's day in one statement: when they joined (null for an unknown member)
	 * and their claims of the day per campaign.
	 */
	MemberDay day(long helperId, LocalDate day) {
		return ask(helperId, day, List.of()).day();
	}

	/** {@link #day}'s answer. */
	record MemberDay(@Nullable Instant joinedAt, Map<String, Long> counts) {
	}

	/**
	 * {@link #day} and {@link #refused} for a few requests in one statement, so a queue
	 * view whose pick lies among them asks the database once; not at all when this
	 * instance kept the answers since the helper's last change
	 * ({@link KeptHelperAnswers}).
	 */
	DayAndRefused dayAndRefused(long helperId, LocalDate day, Collection<RequestView> requests) {
		DayAndRefused kept = this.kept.answer(helperId, day, requests);
		if (kept != null) {
			return kept;
		}
		long mark = this.kept.mark();
		DayAndRefused read = ask(helperId, day, requests);
		this.kept.keep(mark, helperId, day, read);
		return read;
	}

	/** The helper's join date and claims of the day per campaign: rows of kind D. */
	private static final String DAY = """
			select 'D' as kind, m.created_at as at, d.campaign as campaign, d.n as n from members m
			left join (select c.campaign, count(*) as n from claims c
			           where c.helper_id = :me and c.helper_day = :day group by c.campaign) d on true
			where m.id = :me""";

	/**
	 * Which of some requests the helper claimed (C) and whose authors they blocked (B).
	 */
	private static final String CLAIMS_AND_BLOCKS = """
			select 'C' as kind, null as at, null as campaign, c.request_id as n from claims c
			where c.helper_id = :me and c.request_id = any(cast(:ids as bigint array))
			union all
			select 'B', null, null, b.blocked_id from member_blocks b
			where b.member_id = :me and b.blocked_id = any(cast(:authors as bigint array))""";

	/**
	 * The helper's day (when {@code day} is given) and the claims and blocks among these
	 * requests (when there are any), in one statement: {@link #day}, {@link #refused} and
	 * {@link #dayAndRefused} are this one reading.
	 */
	private DayAndRefused ask(long helperId, @Nullable LocalDate day, Collection<RequestView> requests) {
		Map<String, Long> counts = new HashMap<>();
		Instant[] joined = new Instant[1];
		Set<Long> ids = new HashSet<>();
		Set<Long> authors = new HashSet<>();
		requests.forEach((r) -> {
			ids.add(r.id());
			authors.add(r.authorId());
		});
		Set<Long> claimed = new HashSet<>();
		Set<Long> blocked = new HashSet<>();
		List<String> parts = new ArrayList<>(2);
		if (day != null) {
			parts.add(DAY);
		}
		if (!requests.isEmpty()) {
			parts.add(CLAIMS_AND_BLOCKS);
		}
		if (!parts.isEmpty()) {
			MapSqlParameterSource params = new MapSqlParameterSource("me", helperId).addValue("day", day)
				.addValue("ids", ids.toArray(Long[]::new))
				.addValue("authors", authors.toArray(Long[]::new));
			this.jdbc.query(String.join("\nunion all\n", parts), params, (rs) -> {
				switch (rs.getString("kind")) {
					case "D" -> {
						joined[0] = rs.getObject("at", OffsetDateTime.class).toInstant();
						String campaign = rs.getString("campaign");
						if (campaign != null) {
							counts.put(campaign, rs.getLong("n"));
						}
					}
					case "C" -> claimed.add(rs.getLong("n"));
					default -> blocked.add(rs.getLong("n"));
				}
			});
		}
		return new DayAndRefused(new MemberDay(joined[0], counts), ids, authors, new Refused(claimed, blocked));
	}

	/**
	 * {@link #dayAndRefused}'s answer: the day, and which of the requests asked about
	 * ({@code ids}, by {@code authors}) the helper may not help.
	 */
	record DayAndRefused(MemberDay day, Set<Long> ids, Set<Long> authors, Refused refused) {

		/** Whether {@link #refused} answers for all of these requests. */
		boolean answers(List<RequestView> requests) {
			return requests.stream().allMatch((r) -> this.ids.contains(r.id()) && this.authors.contains(r.authorId()));
		}

	}

	void block(long memberId, long blockedId, Instant at) {
		MapSqlParameterSource params = new MapSqlParameterSource("me", memberId).addValue("them", blockedId)
			.addValue("at", at.atOffset(ZoneOffset.UTC));
		// insert once; blocking again is fine
		this.jdbc.update("insert into member_blocks (member_id, blocked_id, created_at)"
				+ " select :me, :them, :at where not exists"
				+ " (select 1 from member_blocks where member_id = :me and blocked_id = :them)", params);
	}

	void unblock(long memberId, long blockedId) {
		this.jdbc.update("delete from member_blocks where member_id = :me and blocked_id = :them",
				new MapSqlParameterSource("me", memberId).addValue("them", blockedId));
	}

	boolean blocks(long memberId, long otherId) {
		Integer count = this.jdbc.queryForObject(
				"select count(*) from member_blocks where member_id = :me and blocked_id = :them",
				new MapSqlParameterSource("me", memberId).addValue("them", otherId), Integer.class);
		return count != null && count > 0;
	}

	Map<Long, Reciprocity> reciprocity(Collection<Long> memberIds) {
		Map<Long, long[]> counts = new HashMap<>();
		this.jdbc.query("""
				select helper_id as member_id, 'G' as kind, count(*) as n from claims
				where status = 'CONFIRMED' and helper_id in (:ids) group by helper_id
				union all
				select author_id as member_id, 'R' as kind, count(*) as n from claims
				where status = 'CONFIRMED' and author_id in (:ids) group by author_id""",
				new MapSqlParameterSource("ids", memberIds), (rs) -> {
					long[] pair = counts.computeIfAbsent(rs.getLong("member_id"), (id) -> new long[2]);
					pair["G".equals(rs.getString("kind")) ? 0 : 1] = rs.getLong("n");
				});
		Map<Long, Reciprocity> result = new HashMap<>();
		counts.forEach((id, pair) -> result.put(id, new Reciprocity(pair[0], pair[1])));
		return result;
	}

	/**
	 * Of these helpers and authors, the (helper, author) pairs with a help confirmed
	 * since {@code since}: one statement for a batch.
	 */
	Set<Helps.Counterparts> confirmedPairsSince(Collection<Long> helperIds, Collection<Long> authorIds, Instant since) {
		Set<Helps.Counterparts> pairs = new java.util.HashSet<>();
		if (helperIds.isEmpty() || authorIds.isEmpty()) {
			return pairs;
		}
		this.jdbc.query("""
				select distinct helper_id, author_id from claims
				where helper_id in (:helpers) and author_id in (:authors)
				  and status = 'CONFIRMED' and decided_at > :since""",
				new MapSqlParameterSource("helpers", helperIds).addValue("authors", authorIds)
					.addValue("since", since.atOffset(ZoneOffset.UTC)),
				(row) -> {
					pairs.add(new Helps.Counterparts(row.getLong(1), row.getLong(2)));
				});
		return pairs;
	}

	/**
	 * Whether the helper had a help other than {@code claimId} confirmed by this author
	 * since {@code since}.
	 */
	boolean confirmedBetweenSince(long helperId, long authorId, Instant since, long claimId) {
		Long count = this.jdbc.queryForObject("""
				select count(*) from claims
				where helper_id = :helper and author_id = :author and status = 'CONFIRMED'
				  and decided_at > :since and id <> :claim""",
				new MapSqlParameterSource("helper", helperId).addValue("author", authorId)
					.addValue("since", since.atOffset(ZoneOffset.UTC))
					.addValue("claim", claimId),
				Long.class);
		return count != null && count > 0;
	}

	/** See {@link Helps#answersOf}: index {@code claims_helper_decided}. */
	Map<Long, HelperAnswers> answersOf(Collection<Long> helperIds, int last) {
		Map<Long, HelperAnswers> answers = new HashMap<>();
		this.jdbc.query("""
				select helper_id, count(*), sum(case when status = 'CONFIRMED' then 1 else 0 end) from (
				  select helper_id, status,
				         row_number() over (partition by helper_id order by decided_at desc, id desc) as n
				  from claims
				  where helper_id in (:helpers) and decided_at is not null
				    and (status = 'REJECTED' or auto_confirmed = false)
				) answered
				where n <= :last
				group by helper_id""", new MapSqlParameterSource("helpers", helperIds).addValue("last", last),
				(row) -> {
					answers.put(row.getLong(1), new HelperAnswers(row.getInt(2), row.getInt(3)));
				});
		return answers;
	}

}
