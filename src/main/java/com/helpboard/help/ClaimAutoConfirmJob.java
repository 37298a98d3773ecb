package com.helpboard.help;

import com.helpboard.system.JobRun;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Confirms claims their authors left unanswered for 24 hours, in bounded batches. */
@Component
class ClaimAutoConfirmJob {

	static final int BATCH = 200;

	static final int MAX_BATCHES = 25;

	private final Helps helps;

	private final JobRun run;

	ClaimAutoConfirmJob(Helps helps, MeterRegistry meters) {
		this.helps = helps;
		this.run = new JobRun("auto-confirm-claims", meters);
	}

	@Scheduled(fixedDelayString = "${helpboard.scheduler.interval:PT1M}",
			initialDelayString = "${helpboard.scheduler.initial-delay:PT15S}")
	@SchedulerLock(name = "auto-confirm-claims", lockAtMostFor = "PT5M", lockAtLeastFor = "PT10S")
	void run() {
		this.run.drain(BATCH, MAX_BATCHES, this.helps::autoConfirmOverdue);
	}

}
