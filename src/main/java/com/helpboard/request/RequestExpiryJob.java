package com.helpboard.request;

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

	RequestExpiryJob(Requests requests) {
		this.requests = requests;
	}

	@Scheduled(fixedDelayString = "${helpboard.scheduler.interval:PT1M}", initialDelayString = "PT10S")
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
		if (total > 0) {
			log.info("Expired {} requests", total);
		}
	}

}
