package com.helpboard.credit;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** One multi-row {@code INSERT} per few hundred entries, instead of one each. */
class LedgerEntryInsertsImpl implements LedgerEntryInserts {

	private static final int PER_STATEMENT = 1000;

	private final JdbcTemplate jdbc;

	LedgerEntryInsertsImpl(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void insertAll(List<LedgerEntry> entries) {
		for (int from = 0; from < entries.size(); from += PER_STATEMENT) {
			List<LedgerEntry> chunk = entries.subList(from, Math.min(entries.size(), from + PER_STATEMENT));
			List<Object> values = new ArrayList<>();
			for (LedgerEntry entry : chunk) {
				values.add(entry.memberId());
				values.add(entry.amount());
				values.add(entry.kind().name());
				values.add(entry.idempotencyKey());
				values.add(entry.reference());
				values.add(entry.balanceAfter());
				values.add(entry.debtAfter());
				values.add(entry.createdAt().atOffset(ZoneOffset.UTC));
			}
			this.jdbc.update(
					"insert into ledger_entries (member_id, amount, kind, idempotency_key, reference,"
							+ " balance_after, debt_after, created_at) values "
							+ String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?, ?, ?)")),
					values.toArray());
		}
	}

}
