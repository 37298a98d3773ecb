package com.helpboard.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.RowMapper;

/**
 * Locks many rows by id in one statement that binds the ids as one array
 * ({@code where id = any(?)}), for the jobs' batches: the same statement text and plan
 * for a batch of 3 or 5 000. A JPQL {@code where id in ?1} is expanded by Hibernate to a
 * parameter per id, a new SQL text each size, translated and allocated anew each time (a
 * quarter of what a 5 000-claim batch allocated, docs/performance.md).
 * <p>
 * Rows are locked in id order, the order every batch takes them in, so two batches
 * sharing rows wait for each other instead of deadlocking; on PostgreSQL
 * {@code for no key update}, as Hibernate's pessimistic write lock, so rows that merely
 * reference a locked one (claims, boosts, ledger entries) still insert meanwhile. H2
 * knows only {@code for update}.
 */
public final class RowLocks {

	private RowLocks() {
	}

	/**
	 * Locks the rows of {@code table} whose {@code id} is among {@code ids}, in the
	 * caller's transaction.
	 * @return the ids of the rows found and locked, in order
	 */
	public static List<Long> lockIds(JdbcOperations jdbc, String table, SortedSet<Long> ids) {
		return lock(jdbc, "select id from " + table + " where id = any(?) order by id", ids,
				(row, n) -> row.getLong(1));
	}

	/**
	 * Runs {@code select} (rows whose ids are the one array parameter, ordered by id)
	 * with the write lock this database knows, in the caller's transaction.
	 */
	public static <T> List<T> lock(JdbcOperations jdbc, String select, SortedSet<Long> ids, RowMapper<T> rows) {
		if (ids.isEmpty()) {
			return List.of();
		}
		String lock = jdbc.execute((ConnectionCallback<String>) RowLocks::writeLock);
		return jdbc.query(select + " " + lock, ids(ids), rows);
	}

	/**
	 * Binds the ids as the statement's one {@code bigint} array parameter
	 * ({@code = any(?)}), for statements that lock nothing too: one statement text
	 * whatever the number of ids, where an {@code in (…)} list has one per count.
	 */
	public static PreparedStatementSetter ids(Collection<Long> ids) {
		return (statement) -> statement.setArray(1, statement.getConnection().createArrayOf("bigint", ids.toArray()));
	}

	private static String writeLock(Connection connection) throws SQLException {
		return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()) ? "for no key update"
				: "for update";
	}

}
