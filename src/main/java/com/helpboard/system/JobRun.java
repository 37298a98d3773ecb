package com.helpboard.system;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scheduled job's bookkeeping: works a backlog batch after batch, then logs one line
 * with the count and adds it to the {@code helpboard.jobs.processed{job}} counter (summed
 * over instances, it shows each item handled once).
 *
 * <p>
 * A backlog is worked in passes over its rows in their order (a time, then the id): each
 * batch takes the rows after the last one the previous batch took ({@link Keyset}), so a
 * batch never reads again what an earlier one passed over, and a row that failed is left
 * for the next run instead of being retried forever. A pass ends at the first batch that
 * takes less than asked. Rows held by another instance were skipped, so while a pass
 * changed anything another pass starts from the beginning: rows an instance that died was
 * holding are taken at once, not a tick later. The run ends after a pass that changed
 * nothing.
 */
public final class JobRun {

	private static final Logger log = LoggerFactory.getLogger(JobRun.class);

	private final String job;

	private final Counter processed;

	private final Duration pause;

	public JobRun(String job, MeterRegistry meters) {
		this(job, meters, Duration.ZERO);
	}

	/**
	 * As {@link #JobRun(String, MeterRegistry)}, resting {@code pause} after each batch.
	 */
	public JobRun(String job, MeterRegistry meters, Duration pause) {
		this.job = job;
		this.pause = pause;
		this.processed = Counter.builder("helpboard.jobs.processed")
			.tag("job", job)
			.description("Items the job changed")
			.register(meters);
	}

	/**
	 * Calls {@code work} with batches of {@code batchSize}, in passes as the class says,
	 * until a pass changes nothing or the thread is interrupted (the scheduler shutting
	 * down); returns how many items were changed.
	 */
	public int drain(int batchSize, BatchWork work) {
		long started = System.nanoTime();
		int total = 0;
		try {
			Keyset after = Keyset.START;
			boolean changed = false;
			while (!Thread.currentThread().isInterrupted()) {
				long batchStarted = System.nanoTime();
				Batch batch = work.next(after, batchSize);
				if (log.isDebugEnabled()) {
					log.debug("Job {}: batch after {} took {}, changed {} in {} ms", this.job, after, batch.taken(),
							batch.done(), Duration.ofNanos(System.nanoTime() - batchStarted).toMillis());
				}
				total += batch.done();
				changed |= batch.done() > 0;
				if (batch.taken() < batchSize || batch.last() == null) {
					if (!changed) {
						break;
					}
					after = Keyset.START;
					changed = false;
				}
				else {
					after = batch.last();
				}
				rest();
			}
		}
		finally {
			record(total, started);
		}
		return total;
	}

	/** For a job that does its own batching: count and log what it did. */
	public void record(int done) {
		record(done, System.nanoTime());
	}

	private void record(int done, long started) {
		this.processed.increment(done);
		long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
		if (done > 0) {
			log.info("Job {}: {} items in {} ms", this.job, done, millis);
		}
		else {
			log.debug("Job {}: nothing to do", this.job);
		}
	}

	private void rest() {
		if (this.pause.isZero()) {
			return;
		}
		try {
			Thread.sleep(this.pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Where a pass over a backlog has got to: the sort key (a time, then the id) of the
	 * last row a batch took. A batch takes rows strictly after it.
	 */
	public record Keyset(Instant at, long id) {

		/** Before every row. */
		public static final Keyset START = new Keyset(Instant.EPOCH, 0);

	}

	/**
	 * What one batch did.
	 *
	 * @param done the rows it changed
	 * @param taken the rows it took (locked, or looked at): fewer than asked ends a pass
	 * @param last the key of the last row taken, where the next batch starts; null when
	 * it took none
	 */
	public record Batch(int done, int taken, @Nullable Keyset last) {

		public static final Batch NONE = new Batch(0, 0, null);

	}

	/** One batch of a job: up to {@code size} rows after {@code after}. */
	@FunctionalInterface
	public interface BatchWork {

		Batch next(Keyset after, int size);

	}

}
