package com.helpboard.credit;

import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

class LedgerEntryInsertsImpl implements LedgerEntryInserts {

	private static final int PER_ROUND_TRIP = 500;

	private final JdbcTemplate jdbc;

	LedgerEntryInsertsImpl(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void insertAll(List<LedgerEntry> entries) {
		this.jdbc.batchUpdate(
				"insert into ledger_entries (member_id, amount, kind, idempotency_key, reference, balance_after,"
						+ " created_at) values (?, ?, ?, ?, ?, ?, ?)",
				entries, PER_ROUND_TRIP, (insert, entry) -> {
					insert.setLong(1, entry.memberId());
					insert.setLong(2, entry.amount());
					insert.setString(3, entry.kind().name());
					insert.setString(4, entry.idempotencyKey());
					insert.setString(5, entry.reference());
					insert.setLong(6, entry.balanceAfter());
					insert.setObject(7, entry.createdAt().atOffset(ZoneOffset.UTC));
				});
	}

}
