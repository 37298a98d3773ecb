package com.helpboard.request;

import java.time.Instant;

/** A request left the board: fulfilled, expired, withdrawn or hidden. */
public record RequestClosed(long requestId, long groupId, RequestStatus status, Instant at) {

}
