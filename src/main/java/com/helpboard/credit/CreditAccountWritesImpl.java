package com.helpboard.credit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One standard {@code MERGE} per few hundred accounts (PostgreSQL 15 and later, and H2),
 * instead of one {@code UPDATE} each.
 */
class CreditAccountWritesImpl implements CreditAccountWrites {

	private static final int PER_STATEMENT = 1000;

	private final JdbcTemplate jdbc;

	CreditAccountWritesImpl(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
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
