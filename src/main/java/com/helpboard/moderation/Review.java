package com.helpboard.moderation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A request hidden without a moderator's word, waiting for one: by its reports, or
 * because its author's phishing was upheld elsewhere. A moderator's hide or restore ends
 * it.
 */
@Entity
@Table(name = "moderation_reviews")
class Review {

	/** Why it waits. */
	enum Cause {

		REPORTS, AUTHOR_PHISHING

	}

	@Id
	private Long requestId;

	private Long groupId;

	@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
	@Column(columnDefinition = "varchar(24)")
	private Cause cause;

	private Instant since;

	protected Review() {
	}

	Review(long requestId, long groupId, Cause cause, Instant since) {
		this.requestId = requestId;
		this.groupId = groupId;
		this.cause = cause;
		this.since = since;
	}

	Long getRequestId() {
		return this.requestId;
	}

	Cause getCause() {
		return this.cause;
	}

}
