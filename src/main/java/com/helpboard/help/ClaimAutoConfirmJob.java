package com.helpboard.help;

import com.helpboard.system.JobRun;
import com.helpboard.system.ScheduledJob;
import com.helpboard.system.SchedulerSettings;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Confirms claims their authors left unanswered for 24 hours, and pays their helpers,
 * {@link SchedulerSettings#autoConfirmBatch()} per transaction, until none is left. Takes
 * no cluster lock: each batch claims its rows with {@code FOR UPDATE SKIP LOCKED}, so
 * every instance may run it at once, and the rows of an instance that dies are free again
 * when its connection closes.
 */
@Component
class ClaimAutoConfirmJob implements ScheduledJob {

	private final Helps helps;

	private final int batch;

	private final JobRun run;

	ClaimAutoConfirmJob(Helps helps, SchedulerSettings settings, MeterRegistry meters) {
		this.helps = helps;
		this.batch = settings.autoConfirmBatch();
		this.run = new JobRun("auto-confirm-claims", meters, settings.batchPause(), settings.lockedWait());
	}

	@Override
	public String name() {
		return "auto-confirm-claims";
	}

	@Override
	public boolean clusterLocked() {
		return false;
	}

	@Override
	public void run() {
		this.run.drain(this.batch, this.helps::autoConfirmOverdue, this.helps::unansweredBacklog);
	}

}
