package com.helpboard.help;

import java.time.Instant;
import java.util.List;

import com.helpboard.system.JobRun;

/** The auto-confirm job's lookup, in plain SQL: ids and times, no entities. */
interface UnansweredClaims {

	/**
	 * Up to {@code limit} claims waiting since {@code before} or earlier, after
	 * {@code after} in the order of the partial index {@code claims_unanswered} (made,
	 * then id), locked; rows another transaction holds are skipped
	 * ({@code FOR UPDATE SKIP LOCKED}), so instances running the job at once each take
	 * claims of their own.
	 */
	List<Unanswered> lockUnanswered(Instant before, JobRun.Keyset after, int limit);

	/**
	 * How many claims have waited since {@code before} or earlier, locked or not, counted
	 * up to {@code atMost}.
	 */
	int countUnanswered(Instant before, int atMost);

	record Unanswered(long id, long requestId, long helperId, long authorId, Instant createdAt) {

	}

}
