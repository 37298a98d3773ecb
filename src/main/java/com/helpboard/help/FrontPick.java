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
		Comparator<RequestView> order = order(now);
		Map<Long, RequestView> all = new LinkedHashMap<>();
		RequestView limit = null;
		for (QueueFront front : fronts) {
			front.boosted().forEach((r) -> all.putIfAbsent(r.id(), r));
			front.queued().forEach((r) -> all.putIfAbsent(r.id(), r));
			// past a cut list's last request come requests of its kind (boosted, or any)
			// further back in the queue: the earliest of those places bounds the walk
			limit = earlier(limit, cutAt(front.boosted(), front.allBoosted(), true), order);
			limit = earlier(limit, cutAt(front.queued(), front.allQueued(), false), order);
		}
		List<RequestView> walk = new ArrayList<>(all.values());
		walk.sort(order);
		Set<Long> skipped = new HashSet<>(skip);
		List<RequestView> batch = new ArrayList<>(BATCH);
		for (RequestView request : walk) {
			if (limit != null && order.compare(request, limit) > 0) {
				RequestView next = firstHelpable(batch, refused);
				return (next != null) ? new FrontPick(next, true) : unknown();
			}
			if (request.expiresAt().isAfter(now) && request.authorId() != helperId
					&& !excludedCampaigns.contains(request.campaign()) && !skipped.contains(request.id())) {
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
	 * The order of {@link HelpQueries#NEXT_FOR}: boosted now first, then fewest helps
	 * left, oldest, id.
	 */
	static Comparator<RequestView> order(Instant now) {
		return Comparator.comparingInt((RequestView r) -> r.boostedAt(now) ? 0 : 1)
			.thenComparingInt((r) -> r.helpsNeeded() - r.helpsConfirmed())
			.thenComparing(RequestView::createdAt)
			.thenComparingLong(RequestView::id);
	}

	/**
	 * Where a cut list stops knowing, as a request at that place in {@link #order}: its
	 * last request, boosted now when the list is the boosted one (what it hides was
	 * boosted when read, and may still be); null for a list that holds everything.
	 */
	private static @Nullable RequestView cutAt(List<RequestView> list, boolean whole, boolean boosted) {
		if (whole || list.isEmpty()) {
			return null;
		}
		RequestView last = list.get(list.size() - 1);
		Instant boostedUntil = boosted ? Instant.MAX : null;
		return new RequestView(last.id(), last.groupId(), last.group(), last.authorId(), last.author(), last.platform(),
				last.campaign(), last.canonicalUrl(), last.shareText(), last.token(), last.note(), last.memberTitle(),
				last.helpsNeeded(), last.helpsConfirmed(), last.status(), last.createdAt(), last.expiresAt(),
				boostedUntil, last.authorReciprocity());
	}

	private static @Nullable RequestView earlier(@Nullable RequestView a, @Nullable RequestView b,
			Comparator<RequestView> order) {
		if (a == null) {
			return b;
		}
		if (b == null) {
			return a;
		}
		return (order.compare(a, b) <= 0) ? a : b;
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
