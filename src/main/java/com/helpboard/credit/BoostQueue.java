package com.helpboard.credit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * A group's boosts waiting for one of its slots, oldest first: which take the slots that
 * are free, which go back to their buyers because their request closed, and when each
 * would start. Plain Java, like the feed's {@code FairOrder}: the facade reads the boosts
 * and carries out what the queue decides.
 */
final class BoostQueue {

	/** A queued boost, as far as its place in the queue goes. */
	record Waiting(long boostId, long requestId, long memberId, Duration length) {

	}

	/**
	 * What one pass over the queue decided: the boosts started, in queue order, and those
	 * to refund, in member order (then id) — the order every sweep locks credit accounts
	 * in, so two sweeps of different groups cannot deadlock.
	 */
	record Turn(List<Waiting> started, List<Waiting> refunds) {

	}

	private static final Comparator<Waiting> REFUND_ORDER = Comparator.comparingLong(Waiting::memberId)
		.thenComparingLong(Waiting::boostId);

	private final int slots;

	private final List<Waiting> waiting;

	/**
	 * @param waiting the queue, oldest first
	 */
	BoostQueue(int slots, List<Waiting> waiting) {
		this.slots = slots;
		this.waiting = List.copyOf(waiting);
	}

	/**
	 * Gives the slots that {@code running} boosts leave free to the oldest boosts whose
	 * request is open. {@code start} starts one and may refuse (its request has just
	 * closed): then it is refunded and the slot goes to the next. A boost whose request
	 * closed is refunded wherever it waits.
	 */
	Turn take(int running, Predicate<Waiting> requestClosed, Predicate<Waiting> start) {
		List<Waiting> started = new ArrayList<>();
		List<Waiting> refunds = new ArrayList<>();
		for (Waiting boost : this.waiting) {
			if (requestClosed.test(boost)) {
				refunds.add(boost);
			}
			else if (running + started.size() < this.slots) {
				if (start.test(boost)) {
					started.add(boost);
				}
				else {
					refunds.add(boost);
				}
			}
		}
		refunds.sort(REFUND_ORDER);
		return new Turn(List.copyOf(started), List.copyOf(refunds));
	}

	/**
	 * When each waiting boost would start if every boost ahead of it ran its full time:
	 * it takes the first slot to free up, in queue order.
	 * @param runningEnds when the boosts holding a slot now end
	 * @return boost id to estimated start
	 */
	Map<Long, Instant> estimatedStarts(Collection<Instant> runningEnds, Instant now) {
		PriorityQueue<Instant> slotEnds = new PriorityQueue<>(runningEnds);
		Map<Long, Instant> starts = new HashMap<>();
		Instant earliest = now;
		for (Waiting boost : this.waiting) {
			while (slotEnds.size() >= this.slots) {
				Instant freed = slotEnds.poll();
				if (freed.isAfter(earliest)) {
					earliest = freed;
				}
			}
			starts.put(boost.boostId(), earliest);
			slotEnds.add(earliest.plus(boost.length()));
		}
		return starts;
	}

}
