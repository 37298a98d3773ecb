package com.helpboard.credit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Serialises the assignment of one group's boost slots: whoever counts and fills them (a
 * member boosting, a scheduler run on any instance, the listener of a closed request)
 * first locks the group's row in {@code boost_group_locks} until the transaction ends.
 * Taken before any member's credit account row, always, so the two locks cannot deadlock.
 */
@Component
class BoostSlotLock {

	private static final String UNIQUE_VIOLATION = "23505";

	private final JdbcTemplate jdbc;

	BoostSlotLock(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Locks the group's slots for the current transaction; the caller must be in one. */
	void lock(long groupId) {
		if (!lockRow(groupId)) {
			// the group's first boost: make its row (or find a racing writer made it)
			insertIfAbsent(groupId);
			if (!lockRow(groupId)) {
				throw new IllegalStateException("no lock row for group " + groupId);
			}
		}
	}

	private boolean lockRow(long groupId) {
		return !this.jdbc
			.queryForList("select group_id from boost_group_locks where group_id = ? for update", Long.class, groupId)
			.isEmpty();
	}

	/**
	 * Inside a savepoint, as in {@link CreditAccountOpeningImpl}: a duplicate key rolls
	 * back only the savepoint, where PostgreSQL would otherwise abort the transaction.
	 */
	private void insertIfAbsent(long groupId) {
		this.jdbc.execute((ConnectionCallback<Void>) (connection) -> {
			Savepoint savepoint = connection.setSavepoint();
			try (PreparedStatement insert = connection
				.prepareStatement("insert into boost_group_locks (group_id) values (?)")) {
				insert.setLong(1, groupId);
				insert.executeUpdate();
				connection.releaseSavepoint(savepoint);
			}
			catch (SQLException ex) {
				connection.rollback(savepoint);
				if (!UNIQUE_VIOLATION.equals(ex.getSQLState())) {
					throw ex;
				}
			}
			return null;
		});
	}

}
