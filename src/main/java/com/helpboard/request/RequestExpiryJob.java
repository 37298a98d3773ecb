package com.helpboard.request;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Marks open requests past their time as expired, in bounded batches. */
@Component
class RequestExpiryJob {

	private static final Logger log = LoggerFactory.getLogger(RequestExpiryJob.class);

	static final int BATCH = 200;

	static final int MAX_BATCHES = 50;

	private final Requests requests;

	private final Counter processed;

	RequestExpiryJob(Requests requests, MeterRegistry meters) {
		this.requests = requests;
		// one counter per job: summed over instances it shows each item processed once
		this.processed = Counter.builder("helpboard.jobs.processed")
			.tag("job", "expire-requests")
			.description("Items the job changed")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${helpboard.scheduler.interval:PT1M}",
			initialDelayString = "${helpboard.scheduler.initial-delay:PT10S}")
	@SchedulerLock(name = "expire-requests", lockAtMostFor = "PT5M", lockAtLeastFor = "PT10S")
	void run() {
		int total = 0;
		for (int i = 0; i < MAX_BATCHES; i++) {
			int done = this.requests.expireOverdue(BATCH);
			total += done;
			if (done < BATCH) {
				break;
			}
		}
		this.processed.increment(total);
		log.info("Expired {} requests (job expire-requests)", total);
	}

}
