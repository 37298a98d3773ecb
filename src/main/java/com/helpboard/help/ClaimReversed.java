package com.helpboard.help;

import java.time.Instant;

/**
 * The author rejected a claim that had confirmed itself (within
 * {@code helpboard.help.reject-auto-confirmed-within}): what it paid its helper is taken
 * back. Published with the claim's {@link ClaimRejected}.
 */
public record ClaimReversed(long claimId, long requestId, long helperId, long authorId, Instant at) {

}
