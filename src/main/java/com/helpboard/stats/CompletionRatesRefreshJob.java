package com.helpboard.stats;

import com.helpboard.system.ScheduledJob;

import org.springframework.stereotype.Component;

/**
 * Reloads this instance's completion rates from the daily rows each tick: on every
 * instance (no cluster lock), since each holds its own copy. One statement a minute.
 */
@Component
class CompletionRatesRefreshJob implements ScheduledJob {

	private final CompletionRates rates;

	CompletionRatesRefreshJob(CompletionRates rates) {
		this.rates = rates;
	}

	@Override
	public String name() {
		return "completion-rates";
	}

	@Override
	public void run() {
		this.rates.reload();
	}

	@Override
	public boolean clusterLocked() {
		return false;
	}

}
