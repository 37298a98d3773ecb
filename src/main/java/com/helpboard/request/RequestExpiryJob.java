package com.helpboard.request;

import com.helpboard.system.JobRun;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Marks open requests past their time as expired, in bounded batches. */
@Component
class RequestExpiryJob {

	static final int BATCH = 200;

	static final int MAX_BATCHES = 50;

	private final Requests requests;

	private final JobRun run;

	RequestExpiryJob(Requests requests, MeterRegistry meters) {
		this.requests = requests;
		this.run = new JobRun("expire-requests", meters);
	}

	@Scheduled(fixedDelayString = "${helpboard.scheduler.interval:PT1M}",
			initialDelayString = "${helpboard.scheduler.initial-delay:PT10S}")
	@SchedulerLock(name = "expire-requests", lockAtMostFor = "PT5M", lockAtLeastFor = "PT10S")
	void run() {
		this.run.drain(BATCH, MAX_BATCHES, this.requests::expireOverdue);
	}

}
