package com.helpboard.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scheduled jobs' timing, batches and locks: every {@code helpboard.scheduler.*}
 * setting, each with its one default (README "Configuration", docs/jobs.md).
 *
 * @param enabled whether this instance runs the jobs at all
 * ({@code helpboard.scheduler.enabled}, default true; the tests switch it off and call
 * the jobs themselves)
 * @param interval the pause between the end of one run of a job and the start of its next
 * ({@code helpboard.scheduler.interval}, default 1 minute)
 * @param initialDelay how long after start-up the jobs first run
 * ({@code helpboard.scheduler.initial-delay}, default 10 seconds)
 * @param threads how many jobs one instance runs at once
 * ({@code helpboard.scheduler.threads}, default 4), so that a large backlog in one job
 * does not hold back the others
 * @param lockAtMostFor how long a job that runs once per tick across the cluster (boosts,
 * housekeeping, event resubmission) keeps its ShedLock lock when its instance dies
 * mid-run: the longest the job can stall ({@code helpboard.scheduler.lock-at-most-for},
 * default 30 seconds). Expiry and auto-confirmation take no such lock; they claim their
 * rows one by one ({@code FOR UPDATE SKIP LOCKED})
 * @param lockAtLeastFor how long such a lock is kept at least, so that instances whose
 * clocks differ a little do not run the job twice in one tick
 * ({@code helpboard.scheduler.lock-at-least-for}, default 5 seconds)
 * @param expiryBatch overdue requests expired per transaction
 * ({@code helpboard.scheduler.expiry-batch}, default 5000, at most 20000)
 * @param autoConfirmBatch stale claims confirmed, and their helpers paid, per transaction
 * ({@code helpboard.scheduler.auto-confirm-batch}, default 5000, at most 20000)
 * @param batchPause a pause after each batch of a backlog, so that pages keep their share
 * of the database and the CPU while it drains ({@code helpboard.scheduler.batch-pause},
 * default 0: none)
 * @param lockedWait how long a run of expiry, auto-confirmation or the release of held
 * credits goes on looking for due rows that another transaction holds (those of an
 * instance that died mid-batch, free once PostgreSQL notices its connection closed),
 * before it leaves them to the next tick ({@code helpboard.scheduler.locked-wait},
 * default 30 seconds)
 */
@ConfigurationProperties("helpboard.scheduler")
public record SchedulerSettings(@DefaultValue("true") boolean enabled, @DefaultValue("PT1M") Duration interval,
		@DefaultValue("PT10S") Duration initialDelay, @DefaultValue("4") int threads,
		@DefaultValue("PT30S") Duration lockAtMostFor, @DefaultValue("PT5S") Duration lockAtLeastFor,
		@DefaultValue("5000") int expiryBatch, @DefaultValue("5000") int autoConfirmBatch,
		@DefaultValue("PT0S") Duration batchPause, @DefaultValue("PT30S") Duration lockedWait) {

	/** A batch's rows go into statements of a few thousand parameters at most. */
	static final int MAX_BATCH = 20_000;

	public SchedulerSettings {
		require(!interval.isNegative() && !interval.isZero(), "interval must be positive");
		require(!initialDelay.isNegative(), "initial-delay must not be negative");
		require(threads >= 1, "threads must be at least 1");
		require(lockAtMostFor.compareTo(lockAtLeastFor) >= 0 && !lockAtMostFor.isZero(),
				"lock-at-most-for must be positive and at least lock-at-least-for");
		require(!lockAtLeastFor.isNegative(), "lock-at-least-for must not be negative");
		require(expiryBatch >= 1 && autoConfirmBatch >= 1 && expiryBatch <= MAX_BATCH && autoConfirmBatch <= MAX_BATCH,
				"batches must hold 1 to " + MAX_BATCH);
		require(!batchPause.isNegative(), "batch-pause must not be negative");
		require(!lockedWait.isNegative(), "locked-wait must not be negative");
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException("helpboard.scheduler: " + message);
		}
	}

}
