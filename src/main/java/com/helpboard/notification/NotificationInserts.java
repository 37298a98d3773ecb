package com.helpboard.notification;

import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes notifications if absent: {@code INSERT … ON CONFLICT DO NOTHING} on the unique
 * (member, kind, subject), so a replayed event, a listener retried after a crash or a job
 * run twice leaves exactly one row (PostgreSQL, and H2 in its PostgreSQL mode). Many rows
 * go in JDBC batches of one statement.
 */
@Component
class NotificationInserts {

	private static final String INSERT = """
			insert into notifications (member_id, kind, subject_id, request_id, claim_id, actor_id, detail, created_at)
			values (?, ?, ?, ?, ?, ?, ?, ?)
			on conflict do nothing""";

	private static final int BATCH = 1000;

	private final JdbcTemplate jdbc;

	NotificationInserts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts those not there yet; returns how many were new. */
	int insertIfAbsent(List<NewNotification> notifications) {
		int inserted = 0;
		for (int from = 0; from < notifications.size(); from += BATCH) {
			List<NewNotification> batch = notifications.subList(from, Math.min(from + BATCH, notifications.size()));
			int[][] counts = this.jdbc.batchUpdate(INSERT, batch, batch.size(), (statement, n) -> {
				statement.setLong(1, n.memberId());
				statement.setString(2, n.kind().name());
				statement.setLong(3, n.subjectId());
				setNullable(statement, 4, n.requestId());
				setNullable(statement, 5, n.claimId());
				setNullable(statement, 6, n.actorId());
				if (n.detail() != null) {
					statement.setString(7, n.detail());
				}
				else {
					statement.setNull(7, Types.VARCHAR);
				}
				statement.setTimestamp(8, Timestamp.from(n.at()));
			});
			for (int[] chunk : counts) {
				for (int count : chunk) {
					inserted += Math.max(count, 0);
				}
			}
		}
		return inserted;
	}

	private static void setNullable(java.sql.PreparedStatement statement, int index, Long value)
			throws java.sql.SQLException {
		if (value != null) {
			statement.setLong(index, value);
		}
		else {
			statement.setNull(index, Types.BIGINT);
		}
	}

}
