package com.helpboard.credit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Collection;
import java.util.Set;

import com.helpboard.system.RowLocks;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The insert runs inside a savepoint on the transaction's own connection: a duplicate key
 * (another writer won) or a missing member rolls back only the savepoint, where
 * PostgreSQL would otherwise abort the whole transaction. Portable to H2, unlike
 * {@code ON CONFLICT DO NOTHING}, and needs no second connection, unlike
 * {@code REQUIRES_NEW}. Many accounts at once are opened with
 * {@code ON CONFLICT DO NOTHING}, which H2 understands too in its PostgreSQL mode, for
 * the members an anti-join finds without one: a batch's members mostly have theirs, and
 * each conflict is a speculative insertion PostgreSQL undoes (20 statements for 10 000
 * members each took 3.1 s of a backlog's run, docs/performance.md).
 */
class CreditAccountOpeningImpl implements CreditAccountOpening {

	private static final String UNIQUE_VIOLATION = "23505";

	// PostgreSQL says 23503 for a missing parent row, H2 says 23506
	private static final Set<String> NO_SUCH_MEMBER = Set.of("23503", "23506");

	private final JdbcTemplate jdbc;

	CreditAccountOpeningImpl(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void openAllAbsent(Collection<Long> memberIds) {
		if (memberIds.isEmpty()) {
			return;
		}
		this.jdbc.update("insert into credit_accounts (member_id, balance, earned_today, version)"
				+ " select m.id, 0, 0, 0 from members m where m.id = any(?)"
				+ " and not exists (select 1 from credit_accounts a where a.member_id = m.id)"
				+ " order by m.id on conflict do nothing", RowLocks.ids(memberIds));
	}

	@Override
	public boolean openIfAbsent(long memberId) {
		Boolean opened = this.jdbc.execute((ConnectionCallback<Boolean>) (connection) -> {
			Savepoint savepoint = connection.setSavepoint();
			try (PreparedStatement insert = connection.prepareStatement(
					"insert into credit_accounts (member_id, balance, earned_today, version) values (?, 0, 0, 0)")) {
				insert.setLong(1, memberId);
				insert.executeUpdate();
				connection.releaseSavepoint(savepoint);
				return true;
			}
			catch (SQLException ex) {
				connection.rollback(savepoint);
				if (UNIQUE_VIOLATION.equals(ex.getSQLState())) {
					return true;
				}
				if (NO_SUCH_MEMBER.contains(ex.getSQLState())) {
					return false;
				}
				throw ex;
			}
		});
		return Boolean.TRUE.equals(opened);
	}

}
