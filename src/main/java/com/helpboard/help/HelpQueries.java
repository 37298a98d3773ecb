package com.helpboard.help;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.helpboard.request.Reciprocity;

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

	HelpQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The next request the helper can help in the given groups: boosted ones first, then
	 * the closest to done, then the oldest. One statement of two index-ordered probes per
	 * group (the boosted few, then the open requests in queue order, index
	 * {@code help_requests_queue}), each stopping at its first request that passes the
	 * filters; so its cost depends on the number of groups and on the requests the helper
	 * passed over (claimed, skipped, blocked), not on how many are open.
	 */
	Optional<Long> nextFor(long helperId, Collection<Long> groupIds, Set<String> excludedCampaigns,
			Collection<Long> skip, Instant now) {
		List<String> excluded = new ArrayList<>(excludedCampaigns);
		excluded.add("");
		List<Long> skipped = new ArrayList<>(skip);
		skipped.add(-1L);
		MapSqlParameterSource params = new MapSqlParameterSource("me", helperId)
			.addValue("now", now.atOffset(ZoneOffset.UTC))
			.addValue("excluded", excluded)
			.addValue("skip", skipped);
		int i = 0;
		for (Long groupId : groupIds) {
			params.addValue("g" + i++, groupId);
		}
		List<Long> ids = this.jdbc.queryForList(nextForSql(groupIds.size()), params, Long.class);
		return ids.stream().findFirst();
	}

	/** {@link #nextFor}'s statement for that many groups, named {@code :g0, :g1, …}. */
	static String nextForSql(int groups) {
		StringBuilder sql = new StringBuilder("select id from (");
		for (int i = 0; i < groups; i++) {
			String group = ":g" + i;
			if (i > 0) {
				sql.append(" union all ");
			}
			sql.append("(select r.id, 0 as tier, r.helps_needed - r.helps_confirmed as remaining, r.created_at")
				.append(" from help_requests r where r.group_id = ")
				.append(group)
				.append(" and r.status = 'OPEN' and r.boosted_until > :now and ")
				.append(ELIGIBLE)
				.append(" order by r.helps_needed - r.helps_confirmed, r.created_at, r.id limit 1)")
				.append(" union all (select r.id, 1 as tier, r.helps_needed - r.helps_confirmed as remaining,")
				.append(" r.created_at from help_requests r where r.group_id = ")
				.append(group)
				.append(" and r.status = 'OPEN' and ")
				.append(ELIGIBLE)
				.append(" order by r.helps_needed - r.helps_confirmed, r.created_at, r.id limit 1)");
		}
		return sql.append(") as candidates order by tier, remaining, created_at, id limit 1").toString();
	}

	/**
	 * Open by time, not mine, not a capped campaign, not skipped, not helped, not
	 * blocked.
	 */
	private static final String ELIGIBLE = "r.expires_at > :now and r.author_id <> :me"
			+ " and r.campaign not in (:excluded) and r.id not in (:skip)"
			+ " and not exists (select 1 from claims c where c.request_id = r.id and c.helper_id = :me)"
			+ " and not exists (select 1 from member_blocks b where b.member_id = :me and b.blocked_id = r.author_id)";

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
