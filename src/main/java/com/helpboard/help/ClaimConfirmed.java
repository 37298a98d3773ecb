package com.helpboard.help;

import java.time.Instant;

/**
 * A helper's claim was confirmed (by the author, or by itself after 24 h): they earn
 * credit.
 */
public record ClaimConfirmed(long claimId, long requestId, long helperId, long authorId, boolean automatic,
		Instant at) {

}
