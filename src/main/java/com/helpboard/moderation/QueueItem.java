package com.helpboard.moderation;

import java.time.Instant;
import java.util.List;

import com.helpboard.request.RequestView;
import org.jspecify.annotations.Nullable;

/**
 * A request in the moderation queue: reported (reports pending) or hidden and waiting for
 * a moderator, with its reports.
 *
 * @param request the request as it is now
 * @param group its group's slug
 * @param awaitingReview hidden without a moderator's word, and why
 * @param weight what its pending reports weigh together
 * @param threshold the weight at which its group hides a request
 * @param reports every report of it, oldest first
 */
public record QueueItem(RequestView request, @Nullable String group, @Nullable String awaitingReview, double weight,
		int threshold, List<Line> reports) {

	/** One report, as moderators see it (with the reporter's name). */
	public record Line(String reporter, ReportReason reason, @Nullable String detail, double weight,
			ReportStatus status, Instant at) {
	}

}
