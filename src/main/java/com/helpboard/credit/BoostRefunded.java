package com.helpboard.credit;

import java.time.Instant;

/** A boost's request closed before it started: its credits went back to the member. */
public record BoostRefunded(long boostId, long requestId, long groupId, long memberId, int hours, Instant at) {

}
