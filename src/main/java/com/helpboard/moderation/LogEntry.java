package com.helpboard.moderation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/** One line of the public moderation log; appended once per action, never changed. */
@Entity
@Table(name = "moderation_log")
class LogEntry {

	/** The actor of automatic actions. */
	static final String SYSTEM = "system";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Instant at;

	private Long actorId;

	private String actorName;

	@Enumerated(EnumType.STRING)
	@Column(columnDefinition = "varchar(24)")
	private LogAction action;

	private String target;

	private Long requestId;

	private Long memberId;

	private String reason;

	private Long groupId;

	protected LogEntry() {
	}

	LogEntry(Instant at, @Nullable Long actorId, String actorName, LogAction action, String target,
			@Nullable Long requestId, @Nullable Long memberId, @Nullable String reason, @Nullable Long groupId) {
		this.at = at;
		this.actorId = actorId;
		this.actorName = actorName;
		this.action = action;
		this.target = target;
		this.requestId = requestId;
		this.memberId = memberId;
		this.reason = reason;
		this.groupId = groupId;
	}

	Long getId() {
		return this.id;
	}

	Instant getAt() {
		return this.at;
	}

	String getActorName() {
		return this.actorName;
	}

	LogAction getAction() {
		return this.action;
	}

	String getTarget() {
		return this.target;
	}

	Long getRequestId() {
		return this.requestId;
	}

	String getReason() {
		return this.reason;
	}

	Long getGroupId() {
		return this.groupId;
	}

}
