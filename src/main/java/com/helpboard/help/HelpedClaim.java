package com.helpboard.help;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One claim the member made, with its request as it is now ("我帮过的"): what the claim
 * record knows. The credit it earned is the ledger's ({@code claim:<id>}).
 *
 * @param requestTitle the request's title, null when the request is gone
 * @param group the request's group slug, null when unknown
 * @param rejectReason why the author rejected it, when they said
 * @param answer the member's answer to the rejection, if they gave one
 */
public record HelpedClaim(long id, long requestId, @Nullable String requestTitle, @Nullable String group,
		String campaign, String author, ClaimStatus status, Instant createdAt, @Nullable Instant decidedAt,
		boolean autoConfirmed, @Nullable RejectReason rejectReason, @Nullable String answer) {

	/** Whether the member may still answer: rejected and not answered yet. */
	public boolean answerable() {
		return this.status == ClaimStatus.REJECTED && this.answer == null;
	}

}
