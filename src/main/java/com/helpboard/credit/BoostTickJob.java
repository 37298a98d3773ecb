package com.helpboard.credit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends finished boosts, starts queued ones as slots free, refunds those that never
 * started.
 */
@Component
class BoostTickJob {

	private static final Logger log = LoggerFactory.getLogger(BoostTickJob.class);

	private final Boosts boosts;

	private final Counter processed;

	BoostTickJob(Boosts boosts, MeterRegistry meters) {
		this.boosts = boosts;
		this.processed = Counter.builder("helpboard.jobs.processed")
			.tag("job", "boost-tick")
			.description("Items the job changed")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${helpboard.scheduler.interval:PT1M}",
			initialDelayString = "${helpboard.scheduler.initial-delay:PT20S}")
	@SchedulerLock(name = "boost-tick", lockAtMostFor = "PT5M", lockAtLeastFor = "PT10S")
	void run() {
		int done = this.boosts.tick();
		this.processed.increment(done);
		log.info("Boosts ended, started or refunded: {} (job boost-tick)", done);
	}

}
