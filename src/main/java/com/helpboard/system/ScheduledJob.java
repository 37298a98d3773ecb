package com.helpboard.system;

/**
 * A job the scheduler runs every {@link SchedulerSettings#interval()} on every instance
 * (system/scheduling registers each bean of this type; none runs when
 * {@code helpboard.scheduler.enabled=false}).
 */
public interface ScheduledJob {

	/** Its name: the ShedLock lock's and the {@code helpboard.jobs.processed} tag's. */
	String name();

	/** One run; an exception ends the run, and the next tick tries again. */
	void run();

	/**
	 * Whether a run takes the cluster-wide ShedLock lock, so that one instance runs it
	 * per tick (held at most {@link SchedulerSettings#lockAtMostFor()} if its instance
	 * dies). False for a job that claims its rows one by one
	 * ({@code FOR UPDATE SKIP LOCKED}): it runs on every instance at once, each working
	 * rows no other holds, and a dead instance stalls nothing.
	 */
	default boolean clusterLocked() {
		return true;
	}

}
