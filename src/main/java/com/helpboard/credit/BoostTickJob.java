package com.helpboard.credit;

import com.helpboard.system.JobRun;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends finished boosts, starts queued ones as slots free, refunds those that never
 * started.
 */
@Component
class BoostTickJob {

	private final Boosts boosts;

	private final JobRun run;

	BoostTickJob(Boosts boosts, MeterRegistry meters) {
		this.boosts = boosts;
		this.run = new JobRun("boost-tick", meters);
	}

	@Scheduled(fixedDelayString = "${helpboard.scheduler.interval:PT1M}",
			initialDelayString = "${helpboard.scheduler.initial-delay:PT20S}")
	@SchedulerLock(name = "boost-tick", lockAtMostFor = "PT5M", lockAtLeastFor = "PT10S")
	void run() {
		// tick() bounds its own work: groups and queued boosts per run
		this.run.record(this.boosts.tick());
	}

}
