package com.helpboard.request;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.helpboard.system.JobRun;

import org.springframework.jdbc.core.JdbcTemplate;

class OverdueRequestsImpl implements OverdueRequests {

	private final JdbcTemplate jdbc;

	OverdueRequestsImpl(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Overdue> lockOverdue(Instant now, JobRun.Keyset after, int limit) {
		return this.jdbc.query("""
				select id, expires_at from help_requests
				where status = 'OPEN' and expires_at <= ? and (expires_at, id) > (?, ?)
				order by expires_at, id
				limit ?
				for update skip locked""",
				(row, n) -> new Overdue(row.getLong(1), row.getObject(2, OffsetDateTime.class).toInstant()),
				now.atOffset(ZoneOffset.UTC), after.at().atOffset(ZoneOffset.UTC), after.id(), limit);
	}

	@Override
	public int countOverdue(Instant now, int atMost) {
		Integer count = this.jdbc.queryForObject("""
				select count(*) from (select 1 from help_requests
				  where status = 'OPEN' and expires_at <= ? limit ?) due""", Integer.class,
				now.atOffset(ZoneOffset.UTC), atMost);
		return count == null ? 0 : count;
	}

}
