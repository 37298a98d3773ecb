package com.helpboard.help;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.helpboard.request.QueueFront;
import com.helpboard.request.RequestView;
import org.jspecify.annotations.Nullable;

/**
 * The help queue's next request picked from its groups' kept fronts
 * ({@link com.helpboard.request.Requests#queueFront}): the request
 * {@link HelpQueries#nextFor}'s statement would pick on the same rows, asking the
 * database only whether the helper claimed the few nearest the front or blocked their
 * authors.
 * <p>
 * The statement picks, per group, the first boosted and the first of the queue the helper
 * may help, and of those the least by (boosted now first, fewest helps left, oldest, id).
 * That is the least by that order of all the open requests of the groups the helper may
 * help, so here every front's requests are walked in that order and the first the helper
 * may help is the pick. A front that was cut hides what lies past its last request, whose
 * place in the order is known: a request of the walk past the earliest such place might
 * come after one it hides, so the walk stops there without an answer ({@link #unknown})
 * and the caller asks the statement.
 *
 * @param next the request to help; null when there is none or it is unknown
 * @param known false when the fronts cannot tell and the statement must be asked
 */
record FrontPick(@Nullable RequestView next, boolean known) {

	/** How many requests one question to the database asks about. */
	static final int BATCH = 16;

	static FrontPick unknown() {
		return new FrontPick(null, false);
	}

	/**
	 * @param refused asks the database which of a few requests the helper may not help
	 * (claimed, or their author blocked)
	 */
	static FrontPick of(List<QueueFront> fronts, long helperId, Set<String> excludedCampaigns, Collection<Long> skip,
			Instant now, Function<List<RequestView>, HelpQueries.Refused> refused) {
		return of(Walk.of(fronts, now), helperId, excludedCampaigns, skip, now, refused);
	}

	static FrontPick of(Walk walk, long helperId, Set<String> excludedCampaigns, Collection<Long> skip, Instant now,
			Function<List<RequestView>, HelpQueries.Refused> refused) {
		Cut limit = walk.limit();
		Set<Long> skipped = new HashSet<>(skip);
		List<RequestView> batch = new ArrayList<>(BATCH);
		for (RequestView request : walk.requests()) {
			if (limit != null && limit.isBefore(request, now)) {
				RequestView next = firstHelpable(batch, refused);
				return (next != null) ? new FrontPick(next, true) : unknown();
			}
			if (mayAsk(request, helperId, skipped, now) && !excludedCampaigns.contains(request.campaign())) {
				batch.add(request);
				if (batch.size() == BATCH) {
					RequestView next = firstHelpable(batch, refused);
					if (next != null) {
						return new FrontPick(next, true);
					}
					batch.clear();
				}
			}
		}
		// every request the fronts hold was walked: past them lie only those a cut list
		// hides, if any
		RequestView next = firstHelpable(batch, refused);
		return (next != null || limit == null) ? new FrontPick(next, true) : unknown();
	}

	/**
	 * The first requests of the walk a pick asks about whatever the helper's day: open,
	 * not theirs, not skipped, in the walk's order and before any cut; the day's caps may
	 * pass over some of them. Asking about these with the day
	 * ({@link HelpQueries#dayAndRefused}) answers most views' pick in one statement.
	 */
	static List<RequestView> likelyAsked(Walk walk, long helperId, Collection<Long> skip, Instant now, int count) {
		Set<Long> skipped = new HashSet<>(skip);
		List<RequestView> asked = new ArrayList<>(count);
		for (RequestView request : walk.requests()) {
			if (asked.size() == count || (walk.limit() != null && walk.limit().isBefore(request, now))) {
				break;
			}
			if (mayAsk(request, helperId, skipped, now)) {
				asked.add(request);
			}
		}
		return asked;
	}

	/**
	 * Open, not the helper's own and not skipped: what a pick asks the database about.
	 */
	private static boolean mayAsk(RequestView request, long helperId, Set<Long> skipped, Instant now) {
		return request.expiresAt().isAfter(now) && request.authorId() != helperId && !skipped.contains(request.id());
	}

	/**
	 * All the fronts' requests in {@link #order}, and where the first cut stops knowing:
	 * made once per view.
	 */
	record Walk(List<RequestView> requests, @Nullable Cut limit) {

		static Walk of(List<QueueFront> fronts, Instant now) {
			Map<Long, RequestView> all = new LinkedHashMap<>();
			Cut limit = null;
			for (QueueFront front : fronts) {
				front.boosted().forEach((r) -> all.putIfAbsent(r.id(), r));
				front.queued().forEach((r) -> all.putIfAbsent(r.id(), r));
				// past a cut list's last request lie more of its kind (boosted, or
				// any) further back: the earliest such place bounds the walk
				limit = Cut.earlier(limit, Cut.of(front.boosted(), front.allBoosted(), 0));
				limit = Cut.earlier(limit, Cut.of(front.queued(), front.allQueued(), 1));
			}
			List<RequestView> walk = new ArrayList<>(all.values());
			walk.sort(order(now));
			return new Walk(walk, limit);
		}

	}

	/**
	 * The order of {@link HelpQueries#NEXT_FOR}: boosted now first, then queue order
	 * ({@link QueueFront#ORDER}).
	 */
	static Comparator<RequestView> order(Instant now) {
		return Comparator.comparingInt((RequestView r) -> tierOf(r, now)).thenComparing(QueueFront.ORDER);
	}

	private static int tierOf(RequestView request, Instant now) {
		return request.boostedAt(now) ? 0 : 1;
	}

	/**
	 * Where a cut list stops knowing, in {@link #order}: at its last request, in the tier
	 * of what it hides (0 for the boosted list: what it hides was boosted when read, and
	 * may still be; 1 for the queue).
	 */
	private record Cut(int tier, RequestView last) {

		static @Nullable Cut of(List<RequestView> list, boolean whole, int tier) {
			return (whole || list.isEmpty()) ? null : new Cut(tier, list.get(list.size() - 1));
		}

		static @Nullable Cut earlier(@Nullable Cut a, @Nullable Cut b) {
			if (a == null || b == null) {
				return (a != null) ? a : b;
			}
			return (a.compareTo(b.tier, b.last) <= 0) ? a : b;
		}

		/** Whether the request lies past this place, where the fronts no longer know. */
		boolean isBefore(RequestView request, Instant now) {
			return compareTo(tierOf(request, now), request) < 0;
		}

		private int compareTo(int otherTier, RequestView other) {
			int byTier = Integer.compare(this.tier, otherTier);
			return (byTier != 0) ? byTier : QueueFront.ORDER.compare(this.last, other);
		}

	}

	private static @Nullable RequestView firstHelpable(List<RequestView> batch,
			Function<List<RequestView>, HelpQueries.Refused> refused) {
		if (batch.isEmpty()) {
			return null;
		}
		HelpQueries.Refused answer = refused.apply(batch);
		return batch.stream().filter((r) -> !answer.refuses(r)).findFirst().orElse(null);
	}

}
