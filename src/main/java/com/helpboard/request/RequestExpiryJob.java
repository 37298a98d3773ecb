package com.helpboard.request;

import com.helpboard.system.JobRun;
import com.helpboard.system.ScheduledJob;
import com.helpboard.system.SchedulerSettings;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Marks open requests past their time as expired, {@link SchedulerSettings#expiryBatch()}
 * per transaction, until none is left. Takes no cluster lock: each batch claims its rows
 * with {@code FOR UPDATE SKIP LOCKED}, so every instance may run it at once, and the rows
 * of an instance that dies are free again when its connection closes.
 */
@Component
class RequestExpiryJob implements ScheduledJob {

	private final Requests requests;

	private final int batch;

	private final JobRun run;

	RequestExpiryJob(Requests requests, SchedulerSettings settings, MeterRegistry meters) {
		this.requests = requests;
		this.batch = settings.expiryBatch();
		this.run = new JobRun("expire-requests", meters, settings.batchPause(), settings.lockedWait());
	}

	@Override
	public String name() {
		return "expire-requests";
	}

	@Override
	public boolean clusterLocked() {
		return false;
	}

	@Override
	public void run() {
		this.run.drain(this.batch, this.requests::expireOverdue, this.requests::overdueBacklog);
	}

}
