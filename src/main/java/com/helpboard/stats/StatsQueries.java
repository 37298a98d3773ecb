package com.helpboard.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.helpboard.request.Campaign;
import com.helpboard.system.LocalizedText;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Reads the statistics rows, never the requests: three statements a report, one a
 * leaderboard, whatever the number of requests behind them.
 */
@Component
class StatsQueries {

	/** The site's figures are those of its public groups. */
	private static final String PUBLIC_GROUPS = "group_id in (select id from topic_groups where visibility = 'PUBLIC')";

	private final JdbcTemplate jdbc;

	StatsQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The public groups' report, or one group's when {@code groupId} is given. */
	StatsReport report(@Nullable Long groupId, LocalDate first, LocalDate last, Map<String, Campaign> campaigns) {
		String where = "on_day >= ? and on_day <= ? and " + ((groupId != null) ? "group_id = ?" : PUBLIC_GROUPS);
		Object[] args = (groupId != null) ? new Object[] { first, last, groupId } : new Object[] { first, last };

		Map<LocalDate, StatsReport.Day> byDay = new HashMap<>();
		this.jdbc
			.query("select on_day, sum(posted), sum(helps_confirmed), sum(fulfilled), sum(expired) from stats_daily"
					+ " where " + where + " group by on_day", (row) -> {
						LocalDate day = row.getObject(1, LocalDate.class);
						byDay.put(day, new StatsReport.Day(day, row.getLong(2), row.getLong(3), row.getLong(4),
								row.getLong(5)));
					}, args);
		List<StatsReport.Day> days = new ArrayList<>();
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			days.add(byDay.getOrDefault(day, new StatsReport.Day(day, 0, 0, 0, 0)));
		}

		Map<String, FulfilTimes> times = new HashMap<>();
		this.jdbc.query(
				"select campaign, bucket, sum(requests) from stats_fulfil_times where " + where
						+ " group by campaign, bucket",
				(RowCallbackHandler) (row) -> times.computeIfAbsent(row.getString(1), (c) -> new FulfilTimes())
					.add(row.getInt(2), row.getLong(3)),
				args);

		Map<String, StatsReport.CampaignStats> byCampaign = new LinkedHashMap<>();
		this.jdbc.query("select campaign, sum(posted), sum(fulfilled), sum(expired) from stats_daily where " + where
				+ " group by campaign order by sum(posted) desc, campaign", (row) -> {
					String code = row.getString(1);
					long fulfilled = row.getLong(3);
					long closed = fulfilled + row.getLong(4);
					Campaign campaign = campaigns.get(code);
					FulfilTimes fulfilTimes = times.get(code);
					byCampaign.put(code, new StatsReport.CampaignStats(code,
							(campaign != null) ? campaign.name() : new LocalizedText(code, code), row.getLong(2),
							fulfilled, row.getLong(4), (closed > 0) ? (double) fulfilled / closed : null,
							(fulfilTimes != null) ? fulfilTimes.medianHours() : null));
				}, args);
		return new StatsReport(days, List.copyOf(byCampaign.values()));
	}

	/**
	 * The group's helpers with the most helps confirmed from {@code first} to
	 * {@code last}: neither the opted-out nor suspended accounts.
	 */
	List<Leader> leaders(long groupId, LocalDate first, LocalDate last, int size) {
		List<Leader> leaders = new ArrayList<>();
		this.jdbc.query("""
				select m.username, sum(s.helps) as helps
				from stats_helper_daily s join members m on m.id = s.helper_id
				where s.group_id = ? and s.on_day >= ? and s.on_day <= ? and m.suspended_at is null
				  and not exists (select 1 from leaderboard_opt_outs o where o.member_id = s.helper_id)
				group by m.username
				order by helps desc, m.username
				limit ?""", (row) -> {
			leaders.add(new Leader(leaders.size() + 1, row.getString(1), row.getLong(2)));
		}, groupId, first, last, size);
		return leaders;
	}

}
