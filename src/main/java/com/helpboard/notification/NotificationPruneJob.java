package com.helpboard.notification;

import com.helpboard.system.JobRun;
import com.helpboard.system.ScheduledJob;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Deletes notifications read more than {@code helpboard.notifications.keep-read-days}
 * ago, a bounded batch per statement until none is left; unread ones stay. Under the
 * cluster lock; deleting twice deletes nothing more.
 */
@Component
class NotificationPruneJob implements ScheduledJob {

	private final Notifications notifications;

	private final JobRun run;

	NotificationPruneJob(Notifications notifications, MeterRegistry meters) {
		this.notifications = notifications;
		this.run = new JobRun(name(), meters);
	}

	@Override
	public String name() {
		return "prune-notifications";
	}

	@Override
	public void run() {
		int total = 0;
		int deleted;
		do {
			deleted = this.notifications.pruneRead();
			total += deleted;
		}
		while (deleted == Notifications.PRUNE_BATCH && !Thread.currentThread().isInterrupted());
		this.run.record(total);
	}

}
