package com.helpboard.help;

import java.time.Instant;

/** A helper said "I helped": the claim waits for the author's confirmation. */
public record ClaimMade(long claimId, long requestId, long helperId, long authorId, String campaign, Instant at) {

}
