package com.helpboard.credit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;

import com.helpboard.system.RowLocks;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads and locks the accounts in one statement whatever their number, and writes them
 * with one standard {@code MERGE} per thousand (PostgreSQL 15 and later, and H2), instead
 * of one {@code UPDATE} each.
 */
class CreditAccountWritesImpl implements CreditAccountWrites {

	private static final int PER_STATEMENT = 1000;

	private final JdbcTemplate jdbc;

	CreditAccountWritesImpl(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<CreditAccount> lockAll(SortedSet<Long> memberIds) {
		return RowLocks.lock(this.jdbc,
				"select member_id, balance, earned_today, earned_day, debt, version from credit_accounts"
						+ " where member_id = any(?) order by member_id",
				memberIds, (row, n) -> CreditAccount.read(row.getLong(1), row.getLong(2), row.getLong(3),
						row.getObject(4, LocalDate.class), row.getLong(5), row.getLong(6)));
	}

	@Override
	public void writeAll(Collection<CreditAccount> accounts) {
		List<CreditAccount> all = new ArrayList<>(accounts);
		for (int from = 0; from < all.size(); from += PER_STATEMENT) {
			List<CreditAccount> chunk = all.subList(from, Math.min(all.size(), from + PER_STATEMENT));
			String rows = String.join(", ", Collections.nCopies(chunk.size(),
					"(cast(? as bigint), cast(? as bigint), cast(? as bigint), cast(? as date), cast(? as bigint))"));
			List<Object> values = new ArrayList<>();
			for (CreditAccount account : chunk) {
				values.add(account.memberId());
				values.add(account.balance().value());
				values.add(account.earnedToday().value());
				values.add(account.earnedDay());
				values.add(account.debt());
			}
			this.jdbc.update("merge into credit_accounts a using (values " + rows
					+ ") as v (member_id, balance, earned_today, earned_day, debt) on a.member_id = v.member_id"
					+ " when matched then update set balance = v.balance, earned_today = v.earned_today,"
					+ " earned_day = v.earned_day, debt = v.debt, version = a.version + 1", values.toArray());
		}
	}

}
