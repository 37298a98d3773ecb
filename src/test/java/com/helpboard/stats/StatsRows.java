package com.helpboard.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.helpboard.support.TestMembers.TestMember;
import com.helpboard.system.ChinaTime;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Requests and claims written straight into the tables at chosen times, for the stats
 * tests.
 */
public final class StatsRows {

	private final JdbcTemplate jdbc;

	public StatsRows(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** An instant on a China day at a China wall-clock time. */
	public static Instant at(LocalDate day, int hour, int minute) {
		return day.atTime(LocalTime.of(hour, minute)).atZone(ChinaTime.ZONE).toInstant();
	}

	/**
	 * A request in the group, posted at {@code created} and closed with {@code status} at
	 * {@code closed} (null and OPEN for an open one).
	 */
	public long request(long groupId, TestMember author, String campaign, String status, Instant created,
			Instant closed) {
		String key = "stats:" + UUID.randomUUID();
		return this.jdbc.queryForObject("""
				insert into help_requests (group_id, author_id, author_name, platform, campaign, share_text,
				    dedupe_key, open_key, helps_needed, status, created_at, expires_at, closed_at)
				values (?, ?, ?, 'PINDUODUO', ?, 'x', ?, ?, 1, ?, ?, ?, ?) returning id""", Long.class, groupId,
				author.id(), author.username(), campaign, key, "OPEN".equals(status) ? key : null, status,
				created.atOffset(ZoneOffset.UTC), created.plusSeconds(86_400).atOffset(ZoneOffset.UTC),
				(closed != null) ? closed.atOffset(ZoneOffset.UTC) : null);
	}

	/**
	 * A claim on the request by the helper, decided ({@code status}) at {@code decided}.
	 */
	public void claim(long requestId, TestMember helper, String status, Instant decided) {
		Map<String, Object> request = this.jdbc
			.queryForMap("select author_id, campaign, created_at from help_requests where id = ?", requestId);
		this.jdbc.update("""
				insert into claims (request_id, helper_id, author_id, campaign, status, created_at, decided_at,
				    helper_day)
				values (?, ?, ?, ?, ?, ?, ?, ?)""", requestId, helper.id(), request.get("author_id"),
				request.get("campaign"), status, decided.minusSeconds(60).atOffset(ZoneOffset.UTC),
				decided.atOffset(ZoneOffset.UTC), ChinaTime.day(decided));
	}

	/**
	 * Computes the days from {@code first} to {@code last} anew, as the daily-stats job
	 * does with today and yesterday, and reloads the completion rates: for tests outside
	 * this package, whose days an earlier test may have computed already.
	 */
	public static void compute(org.springframework.context.ApplicationContext context, LocalDate first,
			LocalDate last) {
		DailyStats daily = context.getBean(DailyStats.class);
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			daily.compute(day);
		}
		context.getBean(CompletionRates.class).reload();
	}

	/** The group's rows of a day in all three tables, as text, in key order. */
	public List<String> rowsOf(long groupId, LocalDate day) {
		List<String> rows = new java.util.ArrayList<>(this.jdbc.query(
				"select campaign, posted, helps_confirmed, fulfilled, expired from stats_daily"
						+ " where group_id = ? and on_day = ? order by campaign",
				(r, n) -> "daily " + r.getString(1) + " posted=" + r.getInt(2) + " helps=" + r.getInt(3) + " fulfilled="
						+ r.getInt(4) + " expired=" + r.getInt(5),
				groupId, day));
		rows.addAll(this.jdbc.query(
				"select campaign, bucket, requests from stats_fulfil_times where group_id = ? and on_day = ?"
						+ " order by campaign, bucket",
				(r, n) -> "fulfil " + r.getString(1) + " bucket=" + r.getInt(2) + " requests=" + r.getInt(3), groupId,
				day));
		rows.addAll(this.jdbc.query(
				"select m.username, s.helps from stats_helper_daily s join members m on m.id = s.helper_id"
						+ " where s.group_id = ? and s.on_day = ? order by m.username",
				(r, n) -> "helper " + r.getString(1) + " helps=" + r.getInt(2), groupId, day));
		return rows;
	}

}
