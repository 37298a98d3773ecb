package com.helpboard.credit;

import com.helpboard.system.JobRun;
import com.helpboard.system.ScheduledJob;
import com.helpboard.system.SchedulerSettings;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Releases held help credits whose authors came of age (cancels them when the author was
 * suspended first), {@link CreditSettings#releaseBatch()} per transaction, until none is
 * left. Takes no cluster lock: each batch claims its rows with
 * {@code FOR UPDATE SKIP LOCKED} and moves them out of {@code HELD} in the transaction
 * that credits them, so instances running it at once never release one twice.
 */
@Component
class HeldCreditsReleaseJob implements ScheduledJob {

	private final Credits credits;

	private final int batch;

	private final JobRun run;

	HeldCreditsReleaseJob(Credits credits, CreditSettings settings, SchedulerSettings scheduler, MeterRegistry meters) {
		this.credits = credits;
		this.batch = settings.releaseBatch();
		this.run = new JobRun("release-held-credits", meters, scheduler.batchPause(), scheduler.lockedWait());
	}

	@Override
	public String name() {
		return "release-held-credits";
	}

	@Override
	public boolean clusterLocked() {
		return false;
	}

	@Override
	public void run() {
		this.run.drain(this.batch, (after, size) -> this.credits.releaseHeld(size), this.credits::heldBacklog);
	}

}
