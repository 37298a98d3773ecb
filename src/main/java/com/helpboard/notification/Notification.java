package com.helpboard.notification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happened, for one member: its kind and parameters, not a sentence (the
 * text is made when read, in the reader's language). Written only by
 * {@link NotificationInserts} (insert-if-absent); read here, and marked read by the
 * repository's updates.
 */
@Entity
@Table(name = "notifications")
class Notification {

	@Id
	private Long id;

	private long memberId;

	@Enumerated(EnumType.STRING)
	@Column(columnDefinition = "varchar(32)")
	private NotificationKind kind;

	private long subjectId;

	private Long requestId;

	private Long claimId;

	private Long actorId;

	private String detail;

	private Instant createdAt;

	private Instant readAt;

	protected Notification() {
	}

	Long getId() {
		return this.id;
	}

	long getMemberId() {
		return this.memberId;
	}

	NotificationKind getKind() {
		return this.kind;
	}

	long getSubjectId() {
		return this.subjectId;
	}

	@Nullable Long getRequestId() {
		return this.requestId;
	}

	@Nullable Long getClaimId() {
		return this.claimId;
	}

	@Nullable Long getActorId() {
		return this.actorId;
	}

	@Nullable String getDetail() {
		return this.detail;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	@Nullable Instant getReadAt() {
		return this.readAt;
	}

}
