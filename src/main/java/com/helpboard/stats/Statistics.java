package com.helpboard.stats;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

import com.helpboard.group.GroupView;
import com.helpboard.group.Groups;
import com.helpboard.request.Campaigns;
import com.helpboard.system.ChinaTime;
import com.helpboard.system.HelpBoardException;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statistics of the site and of each group, read from the daily rows the
 * {@code daily-stats} job keeps (docs/stats.md), and the members' choice to stay off the
 * helpers' leaderboards.
 */
@Service
@EnableConfigurationProperties(StatsSettings.class)
public class Statistics {

	private final StatsQueries queries;

	private final Groups groups;

	private final Campaigns campaigns;

	private final JdbcTemplate jdbc;

	private final StatsSettings settings;

	private final Clock clock;

	Statistics(StatsQueries queries, Groups groups, Campaigns campaigns, JdbcTemplate jdbc, StatsSettings settings,
			Clock clock) {
		this.queries = queries;
		this.groups = groups;
		this.campaigns = campaigns;
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	/** The most days a report covers. */
	public int maxDays() {
		return this.settings.maxDays();
	}

	/** The site's last {@code days} China days (today included): its public groups'. */
	@Transactional(readOnly = true)
	public StatsReport site(int days) {
		LocalDate today = today(days);
		return this.queries.report(null, today.minusDays(days - 1), today, this.campaigns.byCode());
	}

	/**
	 * A group's last {@code days} days and its weekly leaderboard; not found for whoever
	 * may not read the group (a private group's outsiders).
	 */
	@Transactional(readOnly = true)
	public GroupStats group(String slug, @Nullable Long viewerId, int days) {
		LocalDate today = today(days);
		// a private group is not there for outsiders: not found, as its page
		GroupView group = this.groups.visit(slug, viewerId, null).group();
		LocalDate weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		return new GroupStats(group,
				this.queries.report(group.id(), today.minusDays(days - 1), today, this.campaigns.byCode()),
				this.queries.leaders(group.id(), weekStart, today, this.settings.leaderboardSize()), weekStart);
	}

	/** Whether the member keeps their name off the helpers' leaderboards. */
	@Transactional(readOnly = true)
	public boolean leavesLeaderboards(long memberId) {
		return this.jdbc.queryForObject("select count(*) from leaderboard_opt_outs where member_id = ?", Long.class,
				memberId) > 0;
	}

	/** Keeps the member's name off the leaderboards, or puts it back. Idempotent. */
	@Transactional
	public void leaveLeaderboards(long memberId, boolean leave) {
		if (leave) {
			this.jdbc.update("insert into leaderboard_opt_outs (member_id, opted_out_at) values (?, ?)"
					+ " on conflict do nothing", memberId, this.clock.instant().atOffset(ZoneOffset.UTC));
		}
		else {
			this.jdbc.update("delete from leaderboard_opt_outs where member_id = ?", memberId);
		}
	}

	private LocalDate today(int days) {
		if (days < 1 || days > this.settings.maxDays()) {
			throw HelpBoardException.badRequest("stats.days.invalid", this.settings.maxDays());
		}
		return ChinaTime.day(this.clock.instant());
	}

}
