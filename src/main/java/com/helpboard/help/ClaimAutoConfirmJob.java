package com.helpboard.help;

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

	ClaimAutoConfirmJob(Helps helps) {
		this.helps = helps;
	}

	@Scheduled(fixedDelayString = "${helpboard.scheduler.interval:PT1M}", initialDelayString = "PT15S")
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
		if (total > 0) {
			log.info("Auto-confirmed {} claims", total);
		}
	}

}
