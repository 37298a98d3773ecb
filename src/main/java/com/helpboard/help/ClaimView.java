package com.helpboard.help;

import java.time.Instant;

/** A claim as the author, the helper and the API see it. */
public record ClaimView(long id, long requestId, long helperId, String helper, ClaimStatus status, Instant createdAt,
		Instant decidedAt, boolean autoConfirmed) {

}
