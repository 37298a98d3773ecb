package com.helpboard.credit;

import java.time.Instant;

/**
 * A boost took its slot: its request is pinned at the top of its group until
 * {@code endsAt}.
 */
public record BoostStarted(long boostId, long requestId, long groupId, long memberId, int hours, Instant endsAt,
		Instant at) {

}
