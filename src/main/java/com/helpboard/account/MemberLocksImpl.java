package com.helpboard.account;

import java.util.List;
import java.util.SortedSet;

import com.helpboard.system.RowLocks;

import org.springframework.jdbc.core.JdbcTemplate;

class MemberLocksImpl implements MemberLocks {

	private final JdbcTemplate jdbc;

	MemberLocksImpl(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Long> lockAll(SortedSet<Long> ids) {
		return RowLocks.lockIds(this.jdbc, "members", ids);
	}

}
