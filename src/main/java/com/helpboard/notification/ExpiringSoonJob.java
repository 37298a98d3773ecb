package com.helpboard.notification;

import com.helpboard.system.JobRun;
import com.helpboard.system.ScheduledJob;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Warns authors an hour before their open requests expire
 * ({@link Notifications#warnExpiring}): each run reads only the requests whose expiry
 * entered the window since the last run. Runs under the cluster lock; the cursor's row
 * lock and the one-row-per-request key make a second run at once harmless anyway.
 */
@Component
class ExpiringSoonJob implements ScheduledJob {

	private final Notifications notifications;

	private final JobRun run;

	ExpiringSoonJob(Notifications notifications, MeterRegistry meters) {
		this.notifications = notifications;
		this.run = new JobRun(name(), meters);
	}

	@Override
	public String name() {
		return "notify-expiring";
	}

	@Override
	public void run() {
		this.run.record(this.notifications.warnExpiring());
	}

}
