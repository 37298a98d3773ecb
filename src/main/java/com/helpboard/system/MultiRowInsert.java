package com.helpboard.system;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * Many rows in one {@code INSERT … VALUES (…), (…), …} statement per chunk, instead of
 * one statement each: PostgreSQL plans, executes and answers a statement once for up to a
 * thousand rows. A JDBC batch sends its statements together but PostgreSQL still runs
 * them one by one: 320 500 one-row notification inserts cost it 26 s of a job backlog's
 * run (docs/performance.md). A value may be a {@link SqlParameterValue} to give a
 * {@code null} its SQL type.
 * <p>
 * Rows go in full chunks, and what is left in chunks of a power of two (700 rows: 512,
 * 128, 32, 16, 8, 4): a table's inserts have a dozen statement texts at most, however the
 * row counts vary. pgjdbc keeps each connection's parsed and server-prepared statements
 * by their text (256 of them, 5 MiB); a text per row count, each up to 30 KB, would push
 * the pages' statements out of it while a job works a backlog.
 */
public final class MultiRowInsert {

	/** Bind values per statement at most (PostgreSQL allows 65 535). */
	static final int MAX_VALUES = 8000;

	private MultiRowInsert() {
	}

	/**
	 * Inserts the rows.
	 * @param into {@code insert into table (column, …)}
	 * @param columns how many values each row has
	 * @param rest what follows the values, such as {@code on conflict do nothing}, or ""
	 * @return how many rows were inserted (those a conflict skipped not counted)
	 */
	public static int insert(JdbcOperations jdbc, String into, int columns, String rest, List<Object[]> rows) {
		int perStatement = Math.max(1, MAX_VALUES / columns);
		String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
		int inserted = 0;
		for (int from = 0, size; from < rows.size(); from += size) {
			int left = rows.size() - from;
			size = (left >= perStatement) ? perStatement : Integer.highestOneBit(left);
			List<Object[]> chunk = rows.subList(from, from + size);
			List<Object> values = new ArrayList<>(chunk.size() * columns);
			for (Object[] one : chunk) {
				if (one.length != columns) {
					throw new IllegalArgumentException(one.length + " values for " + columns + " columns");
				}
				Collections.addAll(values, one);
			}
			inserted += jdbc.update(into + " values " + String.join(", ", Collections.nCopies(chunk.size(), row))
					+ (rest.isEmpty() ? "" : " " + rest), values.toArray());
		}
		return inserted;
	}

}
