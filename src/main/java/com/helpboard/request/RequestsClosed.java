package com.helpboard.request;

import java.time.Instant;
import java.util.List;

/**
 * Many requests left the board at once, all the same way: a batch of the expiry job
 * expired them, or a batch of auto-confirmed claims fulfilled them. It stands for one
 * {@link RequestClosed} per id (same status, same moment), published once per batch
 * instead of thousands of times, and goes through the event publication registry like it;
 * a listener treats it as those events, one after the other.
 */
public record RequestsClosed(RequestStatus status, Instant at, List<Long> requestIds) {

	public RequestsClosed {
		requestIds = List.copyOf(requestIds);
	}

}
