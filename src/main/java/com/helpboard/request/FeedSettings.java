package com.helpboard.request;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How each instance keeps its groups' fair orders (docs/feed-order.md "Cost").
 *
 * @param refreshAfter a cached order older than this is rebuilt in the background on its
 * next use, while the old one is still served; so a post, close or boost made on another
 * instance shows in this instance's order within about this time
 * ({@code helpboard.feed.refresh-after}, default 15 s). Changes made on this instance
 * show at once.
 * @param maxCachedRequests how many request ids all cached orders of this instance may
 * hold together, least recently used dropped first
 * ({@code helpboard.feed.max-cached-requests}, default 1 000 000, about 30 MB)
 * @param pageLife how long a feed page that looks the same to everyone is served from
 * this instance's memory ({@link FeedPages}); changes made on this instance show at once,
 * those made on another within this time ({@code helpboard.feed.page-life}, default 2 s;
 * zero turns the cache off)
 * @param maxCachedPages how many such pages an instance keeps, least recently used
 * dropped first ({@code helpboard.feed.max-cached-pages}, default 500, at most about 50
 * KB each)
 */
@ConfigurationProperties("helpboard.feed")
record FeedSettings(@DefaultValue("PT15S") Duration refreshAfter, @DefaultValue("1000000") long maxCachedRequests,
		@DefaultValue("PT2S") Duration pageLife, @DefaultValue("500") long maxCachedPages) {

}
