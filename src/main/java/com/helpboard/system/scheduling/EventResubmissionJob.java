package com.helpboard.system.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.helpboard.system.JobRun;
import com.helpboard.system.ScheduledJob;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Gives a failed event listener (e.g. the one that pays credit for a confirmed help)
 * another go: publications still incomplete after a few minutes are resubmitted, once per
 * tick across the cluster. Listeners are idempotent (the ledger's keys), so a listener
 * that was merely slow and runs twice pays nothing twice. Completed publications are
 * deleted as they complete ({@code spring.modulith.events.completion-mode=delete}).
 */
@Component
@EnableConfigurationProperties(EventSettings.class)
public class EventResubmissionJob implements ScheduledJob {

	private final IncompleteEventPublications incomplete;

	private final Duration olderThan;

	private final JobRun run;

	EventResubmissionJob(IncompleteEventPublications incomplete, EventSettings settings, MeterRegistry meters) {
		this.incomplete = incomplete;
		this.olderThan = settings.resubmitAfter();
		this.run = new JobRun("resubmit-events", meters);
	}

	@Override
	public String name() {
		return "resubmit-events";
	}

	/** Once per tick across the cluster (ShedLock). */
	@Override
	public void run() {
		resubmit();
	}

	int resubmit() {
		return resubmit(this.olderThan);
	}

	/** Resubmits incomplete publications older than {@code age}; returns how many. */
	public int resubmit(Duration age) {
		Instant before = Instant.now().minus(age);
		AtomicInteger count = new AtomicInteger();
		this.incomplete.resubmitIncompletePublications((publication) -> {
			boolean stale = publication.getPublicationDate().isBefore(before);
			if (stale) {
				count.incrementAndGet();
			}
			return stale;
		});
		this.run.record(count.get());
		return count.get();
	}

}
