package com.helpboard.request;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.helpboard.request.spi.CampaignCompletion;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The feed pages that look the same to everyone (no "hide the ones I helped"), kept for
 * {@link FeedSettings#pageLife()} per instance with their cards drawn once per language
 * (docs/feed-order.md "Cost"): under load, a group's page 1 is read and drawn a few times
 * a second instead of on every view, by anonymous visitors, members and the API alike.
 * <p>
 * A change made on this instance (a post, a close, a boost, a confirmed help or a raised
 * count) starts a new generation of the group's pages after it commits, so its author and
 * everyone else on this instance see it at the next view; a change made on another
 * instance shows here within the page's life. Hostile paging cannot grow the cache: it
 * holds at most {@link FeedSettings#maxCachedPages()} pages, least recently used dropped
 * first.
 */
@Component
class FeedPages {

	private final @Nullable Cache<Key, Entry> pages;

	/**
	 * Per group, bumped by every change; a page of an older generation is never served.
	 */
	private final Map<Long, AtomicLong> generations = new ConcurrentHashMap<>();

	private final CampaignCompletion completion;

	FeedPages(FeedSettings settings, CampaignCompletion completion) {
		this.completion = completion;
		Duration life = settings.pageLife();
		this.pages = (life.isZero() || life.isNegative()) ? null
				: Caffeine.newBuilder().expireAfterWrite(life).maximumSize(settings.maxCachedPages()).build();
	}

	/** A page; the completion rates' version too, as every card shows its rate. */
	record Key(long groupId, long generation, long rates, @Nullable String campaign, long rotation, long offset,
			int size) {
	}

	/**
	 * A page and, once drawn, what was made of it: its cards' HTML per language, its API
	 * items.
	 */
	static final class Entry {

		final Requests.FeedPage page;

		private final Map<Object, Object> drawn = new ConcurrentHashMap<>(4);

		Entry(Requests.FeedPage page) {
			this.page = page;
		}

		/** What {@code draw} makes of the page, made once per {@code kind}. */
		@SuppressWarnings("unchecked")
		<T> T drawn(Object kind, Function<Requests.FeedPage, T> draw) {
			return (T) this.drawn.computeIfAbsent(kind, (k) -> draw.apply(this.page));
		}

	}

	/**
	 * The page, from the cache when a view of the same generation made it within its
	 * life; concurrent first views of a page wait for one read instead of each reading
	 * it.
	 */
	Entry get(long groupId, @Nullable String campaign, long rotation, long offset, int size,
			Supplier<Requests.FeedPage> read) {
		if (this.pages == null) {
			return new Entry(read.get());
		}
		return this.pages.get(
				new Key(groupId, generation(groupId), this.completion.version(), campaign, rotation, offset, size),
				(key) -> new Entry(read.get()));
	}

	/**
	 * The group's current generation: it changes with every change made on this instance
	 * ({@link #changed}), so what was kept under an older one is not served.
	 */
	long generation(long groupId) {
		return this.generations.computeIfAbsent(groupId, (g) -> new AtomicLong()).get();
	}

	/**
	 * The group changed (called after the change committed): its cached pages are not
	 * served again and age out.
	 */
	void changed(long groupId) {
		this.generations.computeIfAbsent(groupId, (g) -> new AtomicLong()).incrementAndGet();
	}

}
