package com.helpboard.notification;

import java.sql.Types;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import com.helpboard.system.MultiRowInsert;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;

/**
 * Writes notifications if absent: {@code INSERT … ON CONFLICT DO NOTHING} on the unique
 * (member, kind, subject), so a replayed event, a listener retried after a crash or a job
 * run twice leaves exactly one row (PostgreSQL, and H2 in its PostgreSQL mode). Many rows
 * go in one statement per thousand ({@link MultiRowInsert}): a job's batch of 200 expired
 * requests is one statement, not 200.
 */
@Component
class NotificationInserts {

	private static final String INTO = """
			insert into notifications (member_id, kind, subject_id, request_id, claim_id, actor_id, detail, created_at)""";

	/**
	 * Rows go in in key order, so two transactions writing overlapping notifications (an
	 * event republished while its first run still works) wait for one another rather than
	 * deadlock.
	 */
	private static final Comparator<NewNotification> KEY_ORDER = Comparator.comparingLong(NewNotification::memberId)
		.thenComparing(NewNotification::kind)
		.thenComparingLong(NewNotification::subjectId);

	private final JdbcTemplate jdbc;

	NotificationInserts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts those not there yet; returns how many were new. */
	int insertIfAbsent(List<NewNotification> notifications) {
		return MultiRowInsert.insert(this.jdbc, INTO, 8, "on conflict do nothing",
				notifications.stream()
					.sorted(KEY_ORDER)
					.map((n) -> new Object[] { n.memberId(), n.kind().name(), n.subjectId(), bigint(n.requestId()),
							bigint(n.claimId()), bigint(n.actorId()), new SqlParameterValue(Types.VARCHAR, n.detail()),
							n.at().atOffset(ZoneOffset.UTC) })
					.toList());
	}

	private static SqlParameterValue bigint(@Nullable Long value) {
		return new SqlParameterValue(Types.BIGINT, value);
	}

}
