package com.helpboard.help;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An author rejected a claim; {@code reason} is a {@link RejectReason}'s name, null when
 * none was given.
 */
public record ClaimRejected(long claimId, long requestId, long helperId, long authorId, Instant at,
		@Nullable String reason) {

	public ClaimRejected(long claimId, long requestId, long helperId, long authorId, Instant at) {
		this(claimId, requestId, helperId, authorId, at, null);
	}

}
