package com.helpboard.credit;

import java.time.Instant;

/**
 * A boost as pages, the API and other modules see it. A {@code QUEUED} boost's
 * {@code startsAt} and {@code endsAt} are estimates: when the slots ahead of it free up
 * if everything ahead runs its full time.
 */
public record BoostView(long id, long requestId, long cost, String status, Instant startsAt, Instant endsAt,
		int hours) {

	public boolean isEstimate() {
		return "QUEUED".equals(this.status);
	}

}
