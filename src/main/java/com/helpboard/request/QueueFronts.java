package com.helpboard.request;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Each group's {@link QueueFront}, kept per instance for {@link FeedSettings#pageLife()}
 * and per generation of the group's feed pages ({@link FeedPages#generation}): a change
 * made on this instance (a post, a close, a boost, a confirmed help) shows at the next
 * view, one made on another instance within the page's life. Under load a group's front
 * is read a few times a second instead of on every help-queue view; what each member may
 * help (their claims, blocks, caps) is still asked on every view, by the help module.
 * <p>
 * The cache holds at most {@link #MAX_REQUESTS} requests over all fronts, the least
 * recently used front dropped first, so however many groups are asked for it stays small.
 */
@Component
class QueueFronts {

	/** Over all kept fronts; a front weighs the requests it holds (at most 64). */
	static final long MAX_REQUESTS = 16_000;

	private final @Nullable Cache<Key, Held> fronts;

	private final FeedPages pages;

	private final RequestQueries queries;

	private final Clock clock;

	QueueFronts(FeedSettings settings, FeedPages pages, RequestQueries queries, Clock clock) {
		this.pages = pages;
		this.queries = queries;
		this.clock = clock;
		Duration life = settings.pageLife();
		this.fronts = (life.isZero() || life.isNegative()) ? null
				: Caffeine.newBuilder()
					.expireAfterWrite(life)
					.maximumWeight(MAX_REQUESTS)
					.<Key, Held>weigher((key, held) -> 1 + held.front.boosted().size() + held.front.queued().size())
					.build();
	}

	record Key(long groupId, long generation) {
	}

	/**
	 * A front and the views drawn of its requests (with their group and their author's
	 * reciprocity), drawn once per front.
	 */
	static final class Held {

		final QueueFront front;

		private final Map<Long, RequestView> views = new ConcurrentHashMap<>(4);

		Held(QueueFront front) {
			this.front = front;
		}

		boolean holds(long requestId) {
			return this.front.boosted().stream().anyMatch((r) -> r.id() == requestId)
					|| this.front.queued().stream().anyMatch((r) -> r.id() == requestId);
		}

		/**
		 * Drawn outside any lock: a caller may hold a database connection (inside a
		 * transaction's scope), so waiting here for another caller's draw could wait for
		 * a connection that the waiting callers hold. Two first views may both draw.
		 */
		RequestView view(RequestView request, Function<RequestView, RequestView> draw) {
			RequestView view = this.views.get(request.id());
			if (view == null) {
				view = draw.apply(request);
				RequestView first = this.views.putIfAbsent(request.id(), view);
				view = (first != null) ? first : view;
			}
			return view;
		}

	}

	/**
	 * The group's front: kept when a view of the same generation read it within its life;
	 * concurrent first views wait for one read.
	 */
	Held get(long groupId) {
		if (this.fronts == null) {
			return read(groupId);
		}
		return this.fronts.get(new Key(groupId, this.pages.generation(groupId)), (key) -> read(groupId));
	}

	private Held read(long groupId) {
		return new Held(this.queries.queueFront(groupId, this.clock.instant(), QueueFront.SIZE));
	}

}
