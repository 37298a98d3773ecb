package com.helpboard.system.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import com.helpboard.system.JobRun;
import com.helpboard.system.ScheduledJob;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Deletes what security keeps only for a while: Idempotency-Keys after a day, remember-me
 * logins past their time, rate-limit buckets that have refilled. Once per tick across the
 * cluster (ShedLock); each delete is bounded and safe to run twice.
 */
@Component
class SecurityHousekeeping implements ScheduledJob {

	static final Duration KEEP_IDEMPOTENCY_KEYS = Duration.ofHours(24);

	static final int BATCH = 5_000;

	private final JdbcTemplate jdbc;

	private final RememberMeLogins rememberMe;

	private final Throttle throttle;

	private final Clock clock;

	private final JobRun run;

	SecurityHousekeeping(JdbcTemplate jdbc, RememberMeLogins rememberMe, Throttle throttle, Clock clock,
			MeterRegistry meters) {
		this.jdbc = jdbc;
		this.rememberMe = rememberMe;
		this.throttle = throttle;
		this.clock = clock;
		this.run = new JobRun("security-housekeeping", meters);
	}

	@Override
	public String name() {
		return "security-housekeeping";
	}

	@Override
	public void run() {
		this.run.record(purge());
	}

	int purge() {
		Timestamp before = Timestamp.from(this.clock.instant().minus(KEEP_IDEMPOTENCY_KEYS));
		int keys = this.jdbc.update("delete from idempotency_keys where (scope, idem_key) in "
				+ "(select scope, idem_key from idempotency_keys where created_at < ? order by created_at limit "
				+ BATCH + ")", before);
		return keys + this.rememberMe.purgeExpired() + this.throttle.purge(BATCH);
	}

}
