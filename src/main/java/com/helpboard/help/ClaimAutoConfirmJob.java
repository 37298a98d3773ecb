package com.helpboard.help;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Confirms claims their authors left unanswered for 24 hours, in bounded batches. */
@Component
class ClaimAutoConfirmJob {

	private static final Logger log = LoggerFactory.getLogger(ClaimAutoConfirmJob.class);

	static final int BATCH = 200;

	static final int MAX_BATCHES = 25;

	private final Helps helps;

	private final Counter processed;

	ClaimAutoConfirmJob(Helps helps, MeterRegistry meters) {
		this.helps = helps;
		// one counter per job: summed over instances it shows each item processed once
		this.processed = Counter.builder("helpboard.jobs.processed")
			.tag("job", "auto-confirm-claims")
			.description("Items the job changed")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${helpboard.scheduler.interval:PT1M}",
			initialDelayString = "${helpboard.scheduler.initial-delay:PT15S}")
	@SchedulerLock(name = "auto-confirm-claims", lockAtMostFor = "PT5M", lockAtLeastFor = "PT10S")
	void run() {
		int total = 0;
		for (int i = 0; i < MAX_BATCHES; i++) {
			int done = this.helps.autoConfirmOverdue(BATCH);
			total += done;
			if (done < BATCH) {
				break;
			}
		}
		this.processed.increment(total);
		log.info("Auto-confirmed {} claims (job auto-confirm-claims)", total);
	}

}
