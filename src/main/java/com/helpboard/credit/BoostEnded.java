package com.helpboard.credit;

import java.time.Instant;

/** A boost freed its slot: its time was up, or its request closed while it ran. */
public record BoostEnded(long boostId, long requestId, long groupId, long memberId, int hours, Instant at) {

}
