package com.helpboard.system;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JobRun}'s passes: when a run ends, and when it looks again for rows another
 * transaction held.
 */
class JobRunTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void aPassThatChangedSomethingIsFollowedByAnotherFromTheStart() {
		Deque<JobRun.Batch> batches = new ArrayDeque<>();
		batches.add(new JobRun.Batch(2, 2, key(2)));
		batches.add(new JobRun.Batch(1, 1, key(3)));
		// the second pass finds what the first skipped
		batches.add(new JobRun.Batch(1, 1, key(1)));
		batches.add(JobRun.Batch.NONE);
		AtomicInteger calls = new AtomicInteger();
		int done = new JobRun("test", this.meters).drain(2, (after, size) -> {
			calls.incrementAndGet();
			return batches.isEmpty() ? JobRun.Batch.NONE : batches.poll();
		});
		assertThat(done).isEqualTo(4);
		assertThat(calls).hasValue(4);
		assertThat(this.meters.counter("helpboard.jobs.processed", "job", "test").count()).isEqualTo(4);
	}

	@Test
	void rowsTheBacklogCountsButNoPassTookAreLookedForAgainUntilTheyAreFree() {
		AtomicInteger held = new AtomicInteger(3);
		AtomicInteger passes = new AtomicInteger();
		JobRun run = new JobRun("test", this.meters, Duration.ZERO, Duration.ofSeconds(30));
		long started = System.nanoTime();
		int done = run.drain(10, (after, size) -> {
			// another transaction holds three rows for the first two passes
			if (passes.incrementAndGet() <= 2) {
				return JobRun.Batch.NONE;
			}
			int free = held.getAndSet(0);
			return (free == 0) ? JobRun.Batch.NONE : new JobRun.Batch(free, free, key(free));
		}, (atMost) -> Math.min(atMost, held.get()));
		assertThat(done).isEqualTo(3);
		// two empty passes, the one that took the rows, and one that found nothing more
		assertThat(passes).hasValue(4);
		assertThat(Duration.ofNanos(System.nanoTime() - started))
			.isGreaterThanOrEqualTo(JobRun.LOOK_AGAIN.multipliedBy(2));
	}

	@Test
	void rowsAPassTookAndFailedOnDoNotKeepTheRunWaiting() {
		AtomicInteger passes = new AtomicInteger();
		int done = new JobRun("test", this.meters, Duration.ZERO, Duration.ofSeconds(30)).drain(10, (after, size) -> {
			passes.incrementAndGet();
			// two rows taken, both failed: they stay due
			return new JobRun.Batch(0, 2, key(2));
		}, (atMost) -> Math.min(atMost, 2));
		assertThat(done).isZero();
		assertThat(passes).hasValue(1);
	}

	@Test
	void rowsHeldForLongerThanTheWaitAreLeftToTheNextRun() {
		AtomicInteger passes = new AtomicInteger();
		Duration wait = Duration.ofMillis(600);
		long started = System.nanoTime();
		int done = new JobRun("test", this.meters, Duration.ZERO, wait).drain(10, (after, size) -> {
			passes.incrementAndGet();
			return JobRun.Batch.NONE;
		}, (atMost) -> Math.min(atMost, 5));
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertThat(done).isZero();
		// it looked again, for the wait and not much longer, then gave up
		assertThat(took).isGreaterThanOrEqualTo(wait).isLessThan(wait.plusSeconds(5));
		// one pass, then one every LOOK_AGAIN until the wait is over
		assertThat(passes.get()).isBetween(3, 5);
	}

	@Test
	void withoutABacklogARunNeverWaits() {
		AtomicInteger passes = new AtomicInteger();
		int done = new JobRun("test", this.meters, Duration.ZERO, Duration.ofSeconds(30)).drain(10, (after, size) -> {
			passes.incrementAndGet();
			return JobRun.Batch.NONE;
		});
		assertThat(done).isZero();
		assertThat(passes).hasValue(1);
	}

	private static JobRun.Keyset key(long id) {
		return new JobRun.Keyset(java.time.Instant.EPOCH.plusSeconds(id), id);
	}

}
