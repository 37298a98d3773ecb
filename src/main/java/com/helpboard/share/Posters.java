package com.helpboard.share;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.helpboard.system.FieldRejection;
import com.helpboard.system.MemberIdentity;
import com.helpboard.system.RenderLimits;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Posters, drawn at most twice at once and kept in a small cache by what they show (a new
 * help or a new state draws a new one). Only a drawing counts against the
 * {@link RenderLimits}; a cached poster is free.
 */
@Service
class Posters {

	/** What the cache may hold: about a hundred posters. */
	static final long MAX_CACHED_BYTES = 12L * 1024 * 1024;

	private static final int MAX_DRAWING = 2;

	private final Cache<PosterText, byte[]> cache = Caffeine.newBuilder()
		.maximumWeight(MAX_CACHED_BYTES)
		.<PosterText, byte[]>weigher((text, png) -> png.length)
		.expireAfterAccess(Duration.ofHours(6))
		.build();

	private final Semaphore drawing = new Semaphore(MAX_DRAWING, true);

	private final RenderLimits limits;

	private final MessageSource messages;

	private final PosterPainter painter;

	@Autowired
	Posters(RenderLimits limits, MessageSource messages) {
		this(limits, messages, PosterPainter.DEFAULT);
	}

	Posters(RenderLimits limits, MessageSource messages, PosterPainter painter) {
		this.painter = painter;
		this.limits = limits;
		this.messages = messages;
	}

	/** A drawn poster and its entity tag. */
	record Poster(byte[] png, String etag) {
	}

	/** The words of the poster of {@code card}, which is also its cache key. */
	PosterText text(ShareCard card, Locale locale) {
		String ends = this.messages.getMessage("share.poster.ends",
				new Object[] { ShareTime.format(card.expiresAt(), locale) }, locale);
		String remaining = card.open()
				? this.messages.getMessage("share.poster.remaining", new Object[] { card.remaining() }, locale)
				: card.status();
		return new PosterText(message("app.name", locale), message("app.tagline", locale), card.platform(), card.temu(),
				card.campaign(), card.title(), card.confirmed(), card.needed(),
				this.messages.getMessage("share.poster.progress", new Object[] { card.confirmed(), card.needed() },
						locale),
				remaining, ends,
				this.messages.getMessage("share.poster.byline", new Object[] { card.author(), card.group() }, locale),
				message("share.poster.scan", locale), card.url());
	}

	/** The entity tag of a poster showing {@code text}, known without drawing it. */
	static String etag(PosterText text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((PosterPainter.FAMILY + "\n" + text).getBytes(StandardCharsets.UTF_8));
			return "\"p-" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The poster showing {@code text}: from the cache, else drawn once the viewer's
	 * render limit allows and a drawing slot is free.
	 * @throws com.helpboard.system.LimitReached past the viewer's render limit
	 * @throws FieldRejection (busy) when no slot frees within two seconds
	 */
	Poster poster(PosterText text, String address, @Nullable MemberIdentity viewer) {
		byte[] cached = this.cache.getIfPresent(text);
		if (cached != null) {
			return new Poster(cached, etag(text));
		}
		this.limits.take(address, viewer);
		try {
			if (!this.drawing.tryAcquire(2, TimeUnit.SECONDS)) {
				throw new FieldRejection(FieldRejection.Kind.BUSY, "poster", "share.poster.busy");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FieldRejection(FieldRejection.Kind.BUSY, "poster", "share.poster.busy");
		}
		try {
			return new Poster(this.cache.get(text, this.painter::png), etag(text));
		}
		finally {
			this.drawing.release();
		}
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}
