package com.helpboard.credit;

import com.helpboard.system.JobRun;
import com.helpboard.system.ScheduledJob;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Ends finished boosts, starts queued ones as slots free, refunds those that never
 * started. Once per tick across the cluster (ShedLock); each group is settled under its
 * own lock, so a lapsed lock doubles nothing.
 */
@Component
class BoostTickJob implements ScheduledJob {

	private final Boosts boosts;

	private final JobRun run;

	BoostTickJob(Boosts boosts, MeterRegistry meters) {
		this.boosts = boosts;
		this.run = new JobRun("boost-tick", meters);
	}

	@Override
	public String name() {
		return "boost-tick";
	}

	@Override
	public void run() {
		// tick() bounds its own work: groups and queued boosts per run
		this.run.record(this.boosts.tick());
	}

}
