package com.helpboard.request;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.helpboard.request.spi.HelpHistory;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each group's fair order per rotation, computed once per instance and kept for a short
 * time, so a feed page costs the same with 20 or 20 000 open requests (docs/feed-order.md
 * "Cost").
 * <p>
 * An order is built from every open request of the group (two statements: the light
 * candidate rows, then their authors' reciprocity) and held as a few parallel arrays. A
 * page then only cuts its ids out of the array and reads those rows fresh, so what a card
 * shows (progress, status, time left) is never stale; a request that closed since the
 * order was built is left out when its row is read. What may be stale, for at most
 * {@link FeedSettings#refreshAfter()}, is the order itself on an instance that did not
 * make the change: a post or boost made elsewhere shows up there on the next refresh.
 * Changes made on this instance count at once: a post or a boost starting or ending drops
 * the group's orders (the next view builds anew), a close refreshes them in the
 * background.
 */
@Component
@EnableConfigurationProperties(FeedSettings.class)
class FeedOrders {

	/**
	 * Authors per reciprocity statement, well below the drivers' bind-variable limits.
	 */
	static final int AUTHORS_PER_STATEMENT = 5_000;

	private final RequestQueries queries;

	private final HelpHistory helpHistory;

	private final Clock clock;

	private final LoadingCache<Key, Ordered> orders;

	private final long refreshAfterNanos;

	private final FeedPages pages;

	private volatile @Nullable Counts counts;

	FeedOrders(RequestQueries queries, HelpHistory helpHistory, Clock clock, FeedSettings settings, FeedPages pages) {
		this.pages = pages;
		this.queries = queries;
		this.helpHistory = helpHistory;
		this.clock = clock;
		this.refreshAfterNanos = settings.refreshAfter().toNanos();
		this.orders = Caffeine.newBuilder()
			.maximumWeight(settings.maxCachedRequests())
			.weigher((Key key, Ordered order) -> order.size() + 1)
			.refreshAfterWrite(settings.refreshAfter())
			// a rotation is viewed for its ten minutes and by those still paging in it
			.expireAfterAccess(FairOrder.ROTATION.multipliedBy(2))
			.build(this::build);
	}

	record Key(long groupId, long rotation) {
	}

	/** The ids of one page, with their authors' reciprocity, and the group's size. */
	record Page(List<Long> ids, Map<Long, Reciprocity> reciprocity, boolean hasNext, int open, Set<String> campaigns) {

	}

	/**
	 * The ids of the page at {@code offset} in the group's order for {@code rotation}, of
	 * the given campaign only (when not null) and without the {@code hidden} ones. No
	 * statement when the order is cached; the walk over the order is in memory.
	 */
	Page page(long groupId, long rotation, @Nullable String campaign, Set<Long> hidden, long offset, int size) {
		Ordered order = this.orders.get(new Key(groupId, rotation));
		List<Long> ids = new ArrayList<>(size);
		Map<Long, Reciprocity> reciprocity = new HashMap<>();
		long skipped = 0;
		boolean hasNext = false;
		for (int i = 0; i < order.ids.length; i++) {
			if ((campaign != null && !campaign.equals(order.campaigns[i])) || hidden.contains(order.ids[i])) {
				continue;
			}
			if (skipped < offset) {
				skipped++;
				continue;
			}
			if (ids.size() == size) {
				hasNext = true;
				break;
			}
			ids.add(order.ids[i]);
			reciprocity.put(order.authors[i], new Reciprocity(order.given[i], order.received[i]));
		}
		return new Page(ids, reciprocity, hasNext, order.size(), order.present);
	}

	/**
	 * Open requests per group for the group listings (home page, /g): counted once and
	 * kept until a post or close on this instance or {@link FeedSettings#refreshAfter()}
	 * passes, as the orders are.
	 */
	Map<Long, Long> openCounts() {
		Counts current = this.counts;
		long nanos = System.nanoTime();
		if (current == null || nanos - current.countedAt() > this.refreshAfterNanos) {
			current = new Counts(this.queries.openCountsByGroup(this.clock.instant()), nanos);
			this.counts = current;
		}
		return current.byGroup();
	}

	private record Counts(Map<Long, Long> byGroup, long countedAt) {
	}

	/** Open requests in the group's current order (as of its last build). */
	int openCount(long groupId) {
		return this.orders.get(new Key(groupId, FairOrder.rotationAt(this.clock.instant()))).size();
	}

	/** A post in the group: the next view of it builds its order anew. */
	@EventListener
	void on(RequestPosted posted) {
		afterCommit(posted.groupId(), DROP);
	}

	/**
	 * A close: pages leave the request out already (its row is read fresh), so the order
	 * is only refreshed in the background, which keeps a mass expiry from stalling views.
	 */
	@EventListener
	void on(RequestClosed closed) {
		// a hidden request leaves the order at once: nobody should be shown it again
		afterCommit(closed.groupId(), (closed.status() == RequestStatus.HIDDEN) ? DROP : REFRESH);
	}

	/** A restored request: back in the order at the next view. */
	@EventListener
	void on(RequestRestored restored) {
		afterCommit(restored.groupId(), DROP);
	}

	/** A boost started or ended in the group: its requests change places. */
	void boostChanged(long groupId) {
		afterCommit(groupId, DROP);
	}

	/**
	 * What a card of the group shows changed (its progress), not the order: only the
	 * cached pages ({@link FeedPages}) are dropped.
	 */
	void cardChanged(long groupId) {
		afterCommit(groupId, PAGES);
	}

	/**
	 * What a change does after it commits, the larger of a transaction's changes kept.
	 */
	private static final int PAGES = 0;

	private static final int REFRESH = 1;

	private static final int DROP = 2;

	private void afterCommit(long groupId, int what) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			forget(groupId, what);
			return;
		}
		// one synchronization per transaction, however many requests it changed
		@SuppressWarnings("unchecked")
		Map<Long, Integer> groups = (Map<Long, Integer>) TransactionSynchronizationManager.getResource(this);
		if (groups == null) {
			Map<Long, Integer> changed = new LinkedHashMap<>();
			groups = changed;
			TransactionSynchronizationManager.bindResource(this, changed);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(FeedOrders.this);
					if (status == STATUS_COMMITTED) {
						changed.forEach(FeedOrders.this::forget);
					}
				}
			});
		}
		groups.merge(groupId, what, Math::max);
	}

	private void forget(long groupId, int what) {
		if (what != PAGES) {
			this.counts = null;
			List<Key> keys = this.orders.asMap().keySet().stream().filter((key) -> key.groupId() == groupId).toList();
			if (what == DROP) {
				this.orders.invalidateAll(keys);
			}
			else {
				keys.forEach(this.orders::refresh);
			}
		}
		// last: a page made in between would be cut from the old order
		this.pages.changed(groupId);
	}

	private Ordered build(Key key) {
		Instant now = this.clock.instant();
		List<RequestQueries.FeedCandidate> rows = this.queries.feedCandidates(key.groupId(), now);
		Map<Long, String> campaigns = new HashMap<>();
		Set<Long> authors = new HashSet<>();
		List<FairOrder.Candidate> candidates = new ArrayList<>(rows.size());
		for (RequestQueries.FeedCandidate row : rows) {
			candidates.add(row.candidate());
			campaigns.put(row.candidate().id(), row.campaign());
			authors.add(row.candidate().authorId());
		}
		Map<Long, Reciprocity> reciprocity = reciprocity(authors);
		List<FairOrder.Candidate> ordered = FairOrder.orderCandidates(candidates, reciprocity, key.rotation(), now);
		return new Ordered(ordered, campaigns, reciprocity);
	}

	private Map<Long, Reciprocity> reciprocity(Collection<Long> authors) {
		if (authors.size() <= AUTHORS_PER_STATEMENT) {
			return authors.isEmpty() ? Map.of() : this.helpHistory.reciprocity(authors);
		}
		Map<Long, Reciprocity> all = new HashMap<>();
		List<Long> list = new ArrayList<>(authors);
		for (int from = 0; from < list.size(); from += AUTHORS_PER_STATEMENT) {
			all.putAll(this.helpHistory
				.reciprocity(list.subList(from, Math.min(list.size(), from + AUTHORS_PER_STATEMENT))));
		}
		return all;
	}

	/**
	 * One group's open requests in feed order as parallel arrays: about 40 bytes a
	 * request, so 20 000 open requests take under a megabyte.
	 */
	static final class Ordered {

		final long[] ids;

		final String[] campaigns;

		final long[] authors;

		final long[] given;

		final long[] received;

		/** The campaigns of the open requests, for the feed's filter. */
		final Set<String> present;

		Ordered(List<FairOrder.Candidate> ordered, Map<Long, String> campaignOf, Map<Long, Reciprocity> reciprocity) {
			int n = ordered.size();
			this.ids = new long[n];
			this.campaigns = new String[n];
			this.authors = new long[n];
			this.given = new long[n];
			this.received = new long[n];
			// one String per campaign code, not one per request
			Map<String, String> codes = new HashMap<>();
			for (int i = 0; i < n; i++) {
				FairOrder.Candidate candidate = ordered.get(i);
				this.ids[i] = candidate.id();
				String code = campaignOf.get(candidate.id());
				this.campaigns[i] = (code != null) ? codes.computeIfAbsent(code, (c) -> c) : null;
				this.authors[i] = candidate.authorId();
				Reciprocity r = reciprocity.getOrDefault(candidate.authorId(), Reciprocity.NONE);
				this.given[i] = r.given();
				this.received[i] = r.received();
			}
			this.present = Set.copyOf(codes.keySet());
		}

		int size() {
			return this.ids.length;
		}

	}

}
