package com.helpboard.notification;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A notification to write: one per (member, kind, subject), however often it is asked
 * for.
 *
 * @param subjectId the claim of a claim kind, the request of a request kind, the boost of
 * a boost kind
 */
record NewNotification(long memberId, NotificationKind kind, long subjectId, @Nullable Long requestId,
		@Nullable Long claimId, @Nullable Long actorId, @Nullable String detail, Instant at) {

	static NewNotification aboutClaim(long memberId, NotificationKind kind, long claimId, long requestId,
			@Nullable Long actorId, Instant at) {
		return new NewNotification(memberId, kind, claimId, requestId, claimId, actorId, null, at);
	}

	static NewNotification aboutRequest(long memberId, NotificationKind kind, long requestId, Instant at) {
		return new NewNotification(memberId, kind, requestId, requestId, null, null, null, at);
	}

	static NewNotification aboutBoost(long memberId, NotificationKind kind, long boostId, long requestId, int hours,
			Instant at) {
		return new NewNotification(memberId, kind, boostId, requestId, null, null, String.valueOf(hours), at);
	}

}
