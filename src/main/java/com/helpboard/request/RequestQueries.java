package com.helpboard.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
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
import java.util.Set;

import com.helpboard.system.RowLocks;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The feed's read model: one SQL statement a page, whatever its length. Open means open
 * by status AND by time, so an expired request never shows between scheduler runs.
 */
@Component
class RequestQueries {

	static final String COLUMNS = "r.id, r.group_id, r.author_id, r.author_name, r.platform, r.campaign, "
			+ "r.canonical_url, r.share_text, r.token, r.note, r.title, r.helps_needed, r.helps_confirmed, r.status, "
			+ "r.created_at, r.expires_at, r.boosted_until";

	/** No campaign keeps a request open longer (campaign_types_ttl_check: 168 hours). */
	static final Duration LONGEST_OPEN = Duration.ofHours(168);

	private final NamedParameterJdbcTemplate jdbc;

	RequestQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A light row of the group's open requests: what ordering and filtering need. */
	record FeedCandidate(FairOrder.Candidate candidate, String campaign) {
	}

	/**
	 * Every open request of the group, light: what ordering needs, not what cards show.
	 * Only {@link FeedOrders} calls it, once per group and rotation and then on refresh.
	 */
	List<FeedCandidate> feedCandidates(long groupId, Instant now) {
		return this.jdbc.query(
				"select r.id, r.author_id, r.campaign, r.helps_confirmed, r.helps_needed,"
						+ " r.created_at, r.boosted_until, r.boost_started_at from help_requests r"
						+ " where r.group_id = :group and r.status = 'OPEN' and r.expires_at > :now",
				new MapSqlParameterSource("group", groupId).addValue("now", at(now)),
				(rs, n) -> new FeedCandidate(new FairOrder.Candidate(rs.getLong("id"), rs.getLong("author_id"),
						rs.getInt("helps_confirmed"), rs.getInt("helps_needed"), instant(rs, "created_at"),
						instant(rs, "boosted_until"), instant(rs, "boost_started_at")), rs.getString("campaign")));
	}

	/**
	 * The open requests of the group the member has claimed. A claim is made while its
	 * request is open and no request stays open longer than {@link #LONGEST_OPEN}, so
	 * only the member's recent claims are read, whatever their history.
	 */
	Set<Long> claimedOpenIn(long groupId, long memberId, Instant now) {
		MapSqlParameterSource params = new MapSqlParameterSource("group", groupId).addValue("me", memberId)
			.addValue("now", at(now))
			.addValue("since", LocalDate.ofInstant(now.minus(LONGEST_OPEN), ZoneOffset.UTC).minusDays(1));
		return new HashSet<>(this.jdbc.queryForList("select c.request_id from claims c"
				+ " join help_requests r on r.id = c.request_id where c.helper_id = :me and c.helper_day >= :since"
				+ " and r.group_id = :group and r.status = 'OPEN' and r.expires_at > :now", params, Long.class));
	}

	/**
	 * The authors of those of the requests that exist, by request id: one statement, the
	 * ids bound as one array (a job's batch names thousands).
	 */
	Map<Long, Long> authors(Collection<Long> ids) {
		Map<Long, Long> authors = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.getJdbcOperations()
				.query("select r.id, r.author_id from help_requests r where r.id = any(?)", RowLocks.ids(ids),
						(RowCallbackHandler) (rs) -> authors.put(rs.getLong(1), rs.getLong(2)));
		}
		return authors;
	}

	/**
	 * The given requests that are still open, in the given order: one statement. A page
	 * cut from a cached order may name requests that closed since; they are left out.
	 */
	List<RequestView> openByIds(List<Long> ids, Instant now) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, RequestView> byId = new HashMap<>();
		this.jdbc.query(
				"select " + COLUMNS + " from help_requests r where r.id in (:ids)"
						+ " and r.status = 'OPEN' and r.expires_at > :now",
				new MapSqlParameterSource("ids", ids).addValue("now", at(now)), (rs) -> {
					RequestView row = ROW.mapRow(rs, 0);
					byId.put(row.id(), row);
				});
		return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
	}

	/**
	 * The front of the group's help queue ({@link QueueFront}): its boosted and all its
	 * open requests in queue order, each cut at {@code size}, in one statement of two
	 * probes (the boosted few by {@code help_requests_feed}, the rest from the front of
	 * {@code help_requests_queue}) that stop after {@code size} rows each.
	 * <p>
	 * Open by status only: asked for those open by time too, PostgreSQL read all of a 20
	 * 000-open group by {@code help_requests_open_by_group} and sorted them (40 ms
	 * instead of 0.2). A request past its time that the expiry job has not closed yet
	 * stays in the front, and the help queue passes over it.
	 */
	QueueFront queueFront(long groupId, Instant now, int size) {
		String open = " from help_requests r where r.group_id = :group and r.status = 'OPEN'";
		String order = " order by r.helps_needed - r.helps_confirmed, r.created_at, r.id limit :size";
		List<RequestView> boosted = new ArrayList<>();
		List<RequestView> queued = new ArrayList<>();
		this.jdbc.query(
				"select * from ((select " + COLUMNS + ", 1 as front" + open + " and r.boosted_until > :now" + order
						+ ") union all (select " + COLUMNS + ", 2 as front" + open + order + ")) f",
				new MapSqlParameterSource("group", groupId).addValue("now", at(now)).addValue("size", size + 1),
				(rs) -> {
					RequestView row = ROW.mapRow(rs, 0);
					(rs.getInt("front") == 1 ? boosted : queued).add(row);
				});
		boosted.sort(QueueFront.ORDER);
		queued.sort(QueueFront.ORDER);
		return new QueueFront(boosted.subList(0, Math.min(size, boosted.size())), boosted.size() <= size,
				queued.subList(0, Math.min(size, queued.size())), queued.size() <= size);
	}

	/**
	 * The open requests across the given groups that most need help soon: boosted first,
	 * then the soonest to expire. Two index-ordered probes (the boosted few, then the
	 * open requests by expiry, index {@code help_requests_open_expiry}) each stop after
	 * {@code limit} rows, so the cost does not grow with the open requests.
	 */
	List<RequestView> hottest(Collection<Long> groupIds, Instant now, int limit) {
		if (groupIds.isEmpty()) {
			return List.of();
		}
		MapSqlParameterSource params = new MapSqlParameterSource("groups", groupIds).addValue("now", at(now))
			.addValue("limit", limit);
		String open = " from help_requests r where r.group_id in (:groups) and r.status = 'OPEN'"
				+ " and r.expires_at > :now";
		List<RequestView> rows = this.jdbc.query("select * from ((select " + COLUMNS + ", 0 as tier" + open
				+ " and r.boosted_until > :now order by r.expires_at, r.id desc limit :limit) union all (select "
				+ COLUMNS + ", 1 as tier" + open + " order by r.expires_at, r.id desc limit :limit)) as hot"
				+ " order by tier, expires_at, id desc", params, ROW);
		// a boosted request comes in both probes: keep its first place
		Map<Long, RequestView> unique = new java.util.LinkedHashMap<>();
		rows.forEach((row) -> unique.putIfAbsent(row.id(), row));
		return unique.values().stream().limit(limit).toList();
	}

	/** Open requests per group, for the group listings (groups without any left out). */
	Map<Long, Long> openCountsByGroup(Instant now) {
		Map<Long, Long> counts = new HashMap<>();
		this.jdbc.query(
				"select r.group_id, count(*) as n from help_requests r"
						+ " where r.status = 'OPEN' and r.expires_at > :now group by r.group_id",
				new MapSqlParameterSource("now", at(now)), (rs) -> {
					counts.put(rs.getLong("group_id"), rs.getLong("n"));
				});
		return counts;
	}

	Slice<RequestView> byAuthor(long authorId, Instant now, Pageable page) {
		MapSqlParameterSource params = new MapSqlParameterSource("author", authorId).addValue("now", at(now));
		StringBuilder sql = new StringBuilder("select ").append(COLUMNS)
			.append(" from help_requests r where r.author_id = :author order by r.created_at desc, r.id desc");
		return slice(sql, params, page);
	}

	private Slice<RequestView> slice(StringBuilder sql, MapSqlParameterSource params, Pageable page) {
		sql.append(" limit :limit offset :offset");
		params.addValue("limit", page.getPageSize() + 1).addValue("offset", page.getOffset());
		List<RequestView> rows = new ArrayList<>(this.jdbc.query(sql.toString(), params, ROW));
		boolean hasNext = rows.size() > page.getPageSize();
		if (hasNext) {
			rows.remove(rows.size() - 1);
		}
		return new SliceImpl<>(rows, page, hasNext);
	}

	static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	static final RowMapper<RequestView> ROW = (rs, n) -> new RequestView(rs.getLong("id"), rs.getLong("group_id"), null,
			rs.getLong("author_id"), rs.getString("author_name"), rs.getString("platform"), rs.getString("campaign"),
			rs.getString("canonical_url"), rs.getString("share_text"), rs.getString("token"), rs.getString("note"),
			rs.getString("title"), rs.getInt("helps_needed"), rs.getInt("helps_confirmed"),
			RequestStatus.valueOf(rs.getString("status")), instant(rs, "created_at"), instant(rs, "expires_at"),
			instant(rs, "boosted_until"), Reciprocity.NONE);

}
