package com.helpboard.group;

import java.time.Instant;

/** A ban in force: the member may not post, claim or report in the group until then. */
public record BanView(long groupId, long memberId, Instant until, String reason) {

}
