package com.helpboard.system;

import java.util.function.IntUnaryOperator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scheduled job's bookkeeping: works a backlog in bounded batches, then logs one line
 * with the count and adds it to the {@code helpboard.jobs.processed{job}} counter (summed
 * over instances, it shows each item handled once).
 */
public final class JobRun {

	private static final Logger log = LoggerFactory.getLogger(JobRun.class);

	private final String job;

	private final Counter processed;

	public JobRun(String job, MeterRegistry meters) {
		this.job = job;
		this.processed = Counter.builder("helpboard.jobs.processed")
			.tag("job", job)
			.description("Items the job changed")
			.register(meters);
	}

	/**
	 * Calls {@code batch} with {@code batchSize} until it does less than a full batch, at
	 * most {@code maxBatches} times; returns the total.
	 */
	public int drain(int batchSize, int maxBatches, IntUnaryOperator batch) {
		int total = 0;
		for (int i = 0; i < maxBatches; i++) {
			int done = batch.applyAsInt(batchSize);
			total += done;
			if (done < batchSize) {
				break;
			}
		}
		record(total);
		return total;
	}

	/** For a job that does its own batching: count and log what it did. */
	public void record(int done) {
		this.processed.increment(done);
		log.info("Job {}: {} items", this.job, done);
	}

}
