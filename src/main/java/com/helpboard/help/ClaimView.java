package com.helpboard.help;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A claim as the author, the helper and the API see it; {@code rejectable} when its
 * author may still reject it (waiting, or confirmed by itself less than 72 h ago).
 *
 * @param rejectReason why its author rejected it, when they said
 * @param answer the helper's one answer to the rejection, if any
 * @param helperNickname the Pinduoduo / WeChat nickname the helper gave, if any
 */
public record ClaimView(long id, long requestId, long helperId, String helper, ClaimStatus status, Instant createdAt,
		Instant decidedAt, boolean autoConfirmed, boolean rejectable, @Nullable RejectReason rejectReason,
		@Nullable String answer, @Nullable String helperNickname) {

	/** Whether its helper may still answer: rejected and not answered yet. */
	public boolean answerable() {
		return this.status == ClaimStatus.REJECTED && this.answer == null;
	}

}
