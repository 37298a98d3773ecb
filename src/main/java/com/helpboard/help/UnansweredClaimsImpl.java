package com.helpboard.help;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.helpboard.system.JobRun;

import org.springframework.jdbc.core.JdbcTemplate;

class UnansweredClaimsImpl implements UnansweredClaims {

	private final JdbcTemplate jdbc;

	UnansweredClaimsImpl(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Unanswered> lockUnanswered(Instant before, JobRun.Keyset after, int limit) {
		return this.jdbc.query("""
				select id, request_id, helper_id, author_id, created_at from claims
				where status = 'CLAIMED' and created_at <= ? and (created_at, id) > (?, ?)
				order by created_at, id
				limit ?
				for update skip locked""",
				(row, n) -> new Unanswered(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4),
						row.getObject(5, OffsetDateTime.class).toInstant()),
				before.atOffset(ZoneOffset.UTC), after.at().atOffset(ZoneOffset.UTC), after.id(), limit);
	}

	@Override
	public int countUnanswered(Instant before, int atMost) {
		Integer count = this.jdbc.queryForObject("""
				select count(*) from (select 1 from claims
				  where status = 'CLAIMED' and created_at <= ? limit ?) due""", Integer.class,
				before.atOffset(ZoneOffset.UTC), atMost);
		return count == null ? 0 : count;
	}

}
