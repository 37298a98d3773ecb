package com.helpboard.request;

import java.util.Comparator;
import java.util.List;

/**
 * The front of a group's help queue as this instance last read it
 * ({@link Requests#queueFront}): the open requests in queue order (fewest helps left,
 * then oldest, then id), and apart the boosted ones in the same order, each cut at
 * {@link #SIZE}. A list that was cut says so: what lies past its end is unknown here.
 *
 * @param boosted the group's boosted open requests, in queue order, at most {@link #SIZE}
 * @param allBoosted whether {@code boosted} holds every one of them
 * @param queued the group's open requests, in queue order, at most {@link #SIZE}
 * @param allQueued whether {@code queued} holds every one of them
 */
public record QueueFront(List<RequestView> boosted, boolean allBoosted, List<RequestView> queued, boolean allQueued) {

	/** How many requests each list holds at most. */
	public static final int SIZE = 32;

	/**
	 * Queue order, the order of index {@code help_requests_queue}: fewest helps left,
	 * then oldest, then id.
	 */
	public static final Comparator<RequestView> ORDER = Comparator
		.comparingInt((RequestView r) -> r.helpsNeeded() - r.helpsConfirmed())
		.thenComparing(RequestView::createdAt)
		.thenComparingLong(RequestView::id);

	public QueueFront {
		boosted = List.copyOf(boosted);
		queued = List.copyOf(queued);
	}

}
