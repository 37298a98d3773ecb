package com.helpboard.help;

import java.time.Instant;

/**
 * A claim as the author, the helper and the API see it; {@code rejectable} when its
 * author may still reject it (waiting, or confirmed by itself less than 72 h ago).
 */
public record ClaimView(long id, long requestId, long helperId, String helper, ClaimStatus status, Instant createdAt,
		Instant decidedAt, boolean autoConfirmed, boolean rejectable) {

}
