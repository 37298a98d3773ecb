package com.helpboard.help;

import java.time.Instant;

public record ClaimRejected(long claimId, long requestId, long helperId, long authorId, Instant at) {

}
