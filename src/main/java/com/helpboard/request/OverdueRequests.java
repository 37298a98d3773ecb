package com.helpboard.request;

import java.time.Instant;
import java.util.List;

import com.helpboard.system.JobRun;

/** The expiry job's lookup, in plain SQL: ids and times, no entities. */
interface OverdueRequests {

	/**
	 * The ids and expiry times of up to {@code limit} open requests past their time at
	 * {@code now}, after {@code after} in the order of the partial index
	 * {@code help_requests_overdue} (expiry, then id), locked; rows another transaction
	 * holds are skipped ({@code FOR UPDATE SKIP LOCKED}), so instances running the job at
	 * once each take rows of their own.
	 */
	List<Overdue> lockOverdue(Instant now, JobRun.Keyset after, int limit);

	/**
	 * How many open requests are past their time at {@code now}, locked or not, counted
	 * up to {@code atMost}.
	 */
	int countOverdue(Instant now, int atMost);

	record Overdue(long id, Instant expiresAt) {

	}

}
