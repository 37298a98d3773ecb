/**
 * Statistics: the daily rows the {@code daily-stats} job keeps (docs/stats.md), the
 * site's and each group's stats pages and API, the weekly helpers' leaderboard, and the
 * campaigns' completion rates the request cards show (through
 * {@link com.helpboard.request.spi.CampaignCompletion}). Its facade is
 * {@link com.helpboard.stats.Statistics}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Statistics",
		allowedDependencies = { "account", "group", "request", "request::spi", "system" })
@org.jspecify.annotations.NullMarked
package com.helpboard.stats;
