package com.helpboard.system.scheduling;

import java.time.Instant;

import javax.sql.DataSource;

import com.helpboard.system.ScheduledJob;
import com.helpboard.system.SchedulerSettings;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The jobs' settings ({@link SchedulerSettings}, bound whether or not jobs run here: they
 * read their batch sizes from it) and, unless {@code helpboard.scheduler.enabled=false},
 * their scheduling: every {@link ScheduledJob} bean runs every
 * {@link SchedulerSettings#interval()} (after the previous run ended) on a pool of
 * {@link SchedulerSettings#threads()}. A job that is {@link ScheduledJob#clusterLocked()}
 * runs under a ShedLock lock in the {@code shedlock} table, so once per tick across all
 * instances, held at most {@link SchedulerSettings#lockAtMostFor()}; the others claim
 * their rows with {@code FOR UPDATE SKIP LOCKED} and run on every instance at once. Every
 * job is also safe to run twice (row locks and state checks), so a lock that lapses loses
 * nothing and doubles nothing.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulerSettings.class)
class SchedulingConfiguration {

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	@ConditionalOnBooleanProperty(name = "helpboard.scheduler.enabled", matchIfMissing = true)
	static class JobScheduling implements SchedulingConfigurer {

		private final ObjectProvider<ScheduledJob> jobs;

		private final SchedulerSettings settings;

		private final LockingTaskExecutor locks;

		JobScheduling(ObjectProvider<ScheduledJob> jobs, SchedulerSettings settings, DataSource dataSource) {
			this.jobs = jobs;
			this.settings = settings;
			this.locks = new DefaultLockingTaskExecutor(
					new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
						.withJdbcTemplate(new JdbcTemplate(dataSource))
						.usingDbTime()
						.build()));
		}

		/**
		 * The jobs' threads, on Boot's scheduler (also Spring Session's cleanup's): one
		 * job's long backlog does not hold back the others. Not a scheduler of our own: a
		 * second {@code Executor} bean would make Boot drop its
		 * {@code applicationTaskExecutor}, and the asynchronous event listeners would run
		 * on these threads. Shutting down interrupts them; a job stops between two
		 * batches.
		 */
		@Bean
		ThreadPoolTaskSchedulerCustomizer jobThreads() {
			return (scheduler) -> {
				scheduler.setPoolSize(this.settings.threads());
				scheduler.setThreadNamePrefix("job-");
			};
		}

		@Override
		public void configureTasks(ScheduledTaskRegistrar registrar) {
			this.jobs.orderedStream()
				.forEach((job) -> registrar.addFixedDelayTask(
						new FixedDelayTask(task(job), this.settings.interval(), this.settings.initialDelay())));
		}

		private Runnable task(ScheduledJob job) {
			if (!job.clusterLocked()) {
				return job::run;
			}
			return () -> this.locks.executeWithLock((Runnable) job::run, new LockConfiguration(Instant.now(),
					job.name(), this.settings.lockAtMostFor(), this.settings.lockAtLeastFor()));
		}

	}

}
