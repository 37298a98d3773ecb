package com.helpboard.stats;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.helpboard.support.EmbeddedDatabaseTest;
import com.helpboard.system.ChinaTime;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics statements on the embedded H2 default (PostgreSQL mode): a day's
 * computation (its {@code on conflict}, {@code extract(epoch …)} buckets) and the reads.
 */
@EmbeddedDatabaseTest
class StatsOnEmbeddedDatabaseTests {

	@Autowired
	DailyStats daily;

	@Autowired
	Statistics statistics;

	@Autowired
	CompletionRates rates;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	@Test
	void aDayIsComputedAndReadOnH2Too() {
		String tag = "h2s" + UUID.randomUUID().toString().substring(0, 8);
		this.jdbc.update("insert into members (username, username_key, password_hash, created_at) "
				+ "values (?, ?, '{noop}x', current_timestamp)", tag, tag);
		long author = this.jdbc.queryForObject("select id from members where username_key = ?", Long.class, tag);
		this.jdbc.update(
				"insert into topic_groups (slug, name_zh, name_en, created_at) values (?, ?, ?, current_timestamp)",
				tag, tag, tag);
		long group = this.jdbc.queryForObject("select id from topic_groups where slug = ?", Long.class, tag);
		LocalDate day = ChinaTime.day(this.clock.instant()).minusDays(2);
		Instant created = day.atTime(8, 0).atZone(ChinaTime.ZONE).toInstant();
		for (int i = 0; i < 3; i++) {
			// fulfilled after 2 h 15 min: bucket 13
			this.jdbc.update("""
					insert into help_requests (group_id, author_id, author_name, platform, campaign, share_text,
					  dedupe_key, helps_needed, status, created_at, expires_at, closed_at)
					values (?, ?, 'h2', 'PINDUODUO', 'pdd-bargain', 'x', ?, 1, 'FULFILLED', ?, ?, ?)""", group, author,
					tag + i, Timestamp.from(created), Timestamp.from(created.plus(Duration.ofDays(1))),
					Timestamp.from(created.plus(Duration.ofMinutes(135))));
		}

		this.daily.compute(day);
		this.daily.compute(day);
		assertThat(this.jdbc.queryForList("select bucket from stats_fulfil_times where group_id = ?", Integer.class,
				group))
			.containsExactly(13);
		StatsReport report = this.statistics.group(tag, null, 30).report();
		assertThat(report.days()).hasSize(30);
		assertThat(report.campaigns()).singleElement().satisfies((c) -> {
			assertThat(c.posted()).isEqualTo(3);
			assertThat(c.completionRate()).isEqualTo(1.0);
			assertThat(c.medianHoursToFulfil()).isEqualTo(2.3);
		});
		assertThat(this.statistics.site(7).days()).hasSize(7);
		this.rates.reload();
	}

}
