package com.helpboard.stats;

import java.time.LocalDate;
import java.util.List;

import com.helpboard.system.JobRun;
import com.helpboard.system.ScheduledJob;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Keeps the statistics rows current: each run computes today and yesterday (China time)
 * anew, and any day of the last {@link StatsSettings#maxDays()} never computed
 * (docs/stats.md). Once per tick across the cluster (ShedLock); computing a day twice
 * gives the same rows, so a lapsed lock doubles nothing.
 */
@Component
class DailyStatsJob implements ScheduledJob {

	private final DailyStats daily;

	private final CompletionRates rates;

	private final StatsSettings settings;

	private final JobRun run;

	DailyStatsJob(DailyStats daily, CompletionRates rates, StatsSettings settings, MeterRegistry meters) {
		this.daily = daily;
		this.rates = rates;
		this.settings = settings;
		this.run = new JobRun("daily-stats", meters);
	}

	@Override
	public String name() {
		return "daily-stats";
	}

	@Override
	public void run() {
		List<LocalDate> days = this.daily.daysToCompute(this.settings.maxDays());
		days.forEach(this.daily::compute);
		this.rates.reload();
		this.run.record(days.size());
	}

}
