package com.helpboard.credit;

import java.sql.Types;
import java.time.ZoneOffset;
import java.util.List;

import com.helpboard.system.MultiRowInsert;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;

/** One multi-row {@code INSERT} per thousand entries, instead of one each. */
class LedgerEntryInsertsImpl implements LedgerEntryInserts {

	private final JdbcTemplate jdbc;

	LedgerEntryInsertsImpl(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void insertAll(List<LedgerEntry> entries) {
		MultiRowInsert.insert(this.jdbc,
				"insert into ledger_entries (member_id, amount, kind, idempotency_key, reference,"
						+ " balance_after, debt_after, created_at)",
				8, "",
				entries.stream()
					.map((entry) -> new Object[] { entry.memberId(), entry.amount(), entry.kind().name(),
							new SqlParameterValue(Types.VARCHAR, entry.idempotencyKey()),
							new SqlParameterValue(Types.VARCHAR, entry.reference()), entry.balanceAfter(),
							entry.debtAfter(), entry.createdAt().atOffset(ZoneOffset.UTC) })
					.toList());
	}

}
