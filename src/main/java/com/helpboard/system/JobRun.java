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
 * nothing, unless the job's {@link Backlog} still counts due rows that the pass did not
 * take: another transaction holds them (another instance's batch, or the open transaction
 * of an instance that just died, until PostgreSQL notices its connection closed). Then
 * the run looks again every {@link #LOOK_AGAIN} for up to its {@code lockedWait}, so a
 * dying instance's rows are taken within a second or so, not at the next tick.
 */
public final class JobRun {

	private static final Logger log = LoggerFactory.getLogger(JobRun.class);

	private final String job;

	private final Counter processed;

	/** How often a run looks again for due rows that another transaction held. */
	static final Duration LOOK_AGAIN = Duration.ofMillis(250);

	private final Duration pause;

	private final Duration lockedWait;

	public JobRun(String job, MeterRegistry meters) {
		this(job, meters, Duration.ZERO, Duration.ZERO);
	}

	/**
	 * As {@link #JobRun(String, MeterRegistry)}, resting {@code pause} after each batch,
	 * and waiting up to {@code lockedWait} for due rows another transaction holds (see
	 * the class).
	 */
	public JobRun(String job, MeterRegistry meters, Duration pause, Duration lockedWait) {
		this.job = job;
		this.pause = pause;
		this.lockedWait = lockedWait;
		this.processed = Counter.builder("helpboard.jobs.processed")
			.tag("job", job)
			.description("Items the job changed")
			.register(meters);
	}

	/**
	 * Calls {@code work} with batches of {@code batchSize}, in passes as the class says,
	 * until a pass changes nothing or the thread is interrupted (the scheduler shutting
	 * down); returns how many items were changed. Without a {@link Backlog}, rows another
	 * transaction held are left for the next run.
	 */
	public int drain(int batchSize, BatchWork work) {
		return drain(batchSize, work, Backlog.UNKNOWN);
	}

	/**
	 * As {@link #drain(int, BatchWork)}, and after a pass that changed nothing, asks
	 * {@code backlog} whether due rows remain that the pass did not take; while there
	 * are, and for at most the run's {@code lockedWait}, looks again every
	 * {@link #LOOK_AGAIN}.
	 */
	public int drain(int batchSize, BatchWork work, Backlog backlog) {
		long started = System.nanoTime();
		int total = 0;
		try {
			Keyset after = Keyset.START;
			boolean changed = false;
			int taken = 0;
			// when the passes began to change nothing; -1 while they change something
			long waitingSince = -1;
			while (!Thread.currentThread().isInterrupted()) {
				long batchStarted = System.nanoTime();
				Batch batch = work.next(after, batchSize);
				if (log.isDebugEnabled()) {
					log.debug("Job {}: batch after {} took {}, changed {} in {} ms", this.job, after, batch.taken(),
							batch.done(), Duration.ofNanos(System.nanoTime() - batchStarted).toMillis());
				}
				total += batch.done();
				changed |= batch.done() > 0;
				taken += batch.taken();
				if (batch.taken() < batchSize || batch.last() == null) {
					if (changed) {
						waitingSince = -1;
					}
					else {
						if (waitingSince < 0) {
							waitingSince = System.nanoTime();
						}
						if (System.nanoTime() - waitingSince >= this.lockedWait.toNanos()
								|| !heldElsewhere(backlog, taken)) {
							break;
						}
						sleep(LOOK_AGAIN);
					}
					after = Keyset.START;
					changed = false;
					taken = 0;
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

	/**
	 * Whether more rows are due than the pass took (those it took and left, it failed
	 * on): the rest another transaction held, or they fell due since.
	 */
	private boolean heldElsewhere(Backlog backlog, int taken) {
		int due = backlog.due(taken + 1);
		if (due > taken) {
			log.debug("Job {}: {} due rows were held elsewhere; looking again", this.job, due - taken);
			return true;
		}
		return false;
	}

	private void rest() {
		sleep(this.pause);
	}

	private static void sleep(Duration duration) {
		if (duration.isZero()) {
			return;
		}
		try {
			Thread.sleep(duration.toMillis());
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

	/**
	 * A job's backlog as it stands, locked rows included: what {@link BatchWork} would
	 * take were no other transaction holding any.
	 */
	@FunctionalInterface
	public interface Backlog {

		/** A backlog the job cannot count: the run never waits for held rows. */
		Backlog UNKNOWN = (atMost) -> 0;

		/** How many rows are due now, counted up to {@code atMost}. */
		int due(int atMost);

	}

	/** One batch of a job: up to {@code size} rows after {@code after}. */
	@FunctionalInterface
	public interface BatchWork {

		Batch next(Keyset after, int size);

	}

}
