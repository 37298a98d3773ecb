package com.helpboard.request;

import java.util.List;
import java.util.SortedSet;

import com.helpboard.system.RowLocks;

import org.springframework.jdbc.core.JdbcTemplate;

class RequestLocksImpl implements RequestLocks {

	private final JdbcTemplate jdbc;

	RequestLocksImpl(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Long> lockAll(SortedSet<Long> ids) {
		return RowLocks.lockIds(this.jdbc, "help_requests", ids);
	}

}
