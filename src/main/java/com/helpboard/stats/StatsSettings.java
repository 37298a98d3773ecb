package com.helpboard.stats;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The statistics' windows and thresholds: every {@code helpboard.stats.*} setting.
 *
 * @param maxDays the most days a stats page or {@code ?days=} may ask for, and how far
 * back the job fills in days it never computed ({@code helpboard.stats.max-days}, default
 * 90)
 * @param rateWindowDays the days over which a card's completion rate is measured
 * ({@code helpboard.stats.rate-window-days}, default 30, as API.md says)
 * @param minClosedForRate how many of a campaign's requests must have closed in a group
 * over that window before its cards show the rate
 * ({@code helpboard.stats.min-closed-for-rate}, default 10)
 * @param leaderboardSize helpers on a group's weekly leaderboard
 * ({@code helpboard.stats.leaderboard-size}, default 10)
 */
@ConfigurationProperties("helpboard.stats")
public record StatsSettings(@DefaultValue("90") int maxDays, @DefaultValue("30") int rateWindowDays,
		@DefaultValue("10") int minClosedForRate, @DefaultValue("10") int leaderboardSize) {

	public StatsSettings {
		if (maxDays < 1 || rateWindowDays < 1 || rateWindowDays > maxDays || minClosedForRate < 1
				|| leaderboardSize < 1) {
			throw new IllegalArgumentException(
					"helpboard.stats: max-days, rate-window-days (at most max-days), min-closed-for-rate and leaderboard-size must be positive");
		}
	}

}
