package com.helpboard.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import com.helpboard.request.spi.CampaignCompletion;
import com.helpboard.system.ChinaTime;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every group's campaign completion rates, held in memory on each instance so that a feed
 * page's cards cost no statement: one statement over the daily rows loads them all, at
 * start-up and then each tick ({@link CompletionRatesRefreshJob} on every instance, and
 * {@link DailyStatsJob} right after it computed). Only rates over the threshold are kept;
 * the rest answer null.
 */
@Component
class CompletionRates implements CampaignCompletion {

	private final JdbcTemplate jdbc;

	private final StatsSettings settings;

	private final Clock clock;

	private volatile Map<Key, Double> rates = Map.of();

	private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

	private record Key(long groupId, String campaign) {
	}

	CompletionRates(JdbcTemplate jdbc, StatsSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public @Nullable Double rate(long groupId, String campaign) {
		return this.rates.get(new Key(groupId, campaign));
	}

	@EventListener(ApplicationReadyEvent.class)
	void reload() {
		LocalDate today = ChinaTime.day(this.clock.instant());
		Map<Key, Double> loaded = new HashMap<>();
		this.jdbc.query("""
				select group_id, campaign, sum(fulfilled) as fulfilled, sum(fulfilled + expired) as closed
				from stats_daily
				where on_day > ? and on_day <= ?
				group by group_id, campaign
				having sum(fulfilled + expired) >= ?""", (row) -> {
			loaded.put(new Key(row.getLong(1), row.getString(2)), (double) row.getLong(3) / row.getLong(4));
		}, today.minusDays(this.settings.rateWindowDays()), today, this.settings.minClosedForRate());
		Map<Key, Double> fresh = Map.copyOf(loaded);
		if (!fresh.equals(this.rates)) {
			this.rates = fresh;
			this.version.incrementAndGet();
		}
	}

	@Override
	public long version() {
		return this.version.get();
	}

}
