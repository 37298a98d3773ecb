package com.helpboard.share;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * This board's absolute addresses, for links that leave the site (share texts, QR codes,
 * Open Graph tags): {@code helpboard.public-url} when set, else the current request's
 * scheme, host and port (forward headers from trusted proxies already applied, README).
 */
@Component
class BoardUrls {

	private final @Nullable String publicUrl;

	BoardUrls(@Value("${helpboard.public-url:}") String publicUrl) {
		this.publicUrl = normalize(publicUrl);
	}

	private static @Nullable String normalize(String url) {
		if (url == null || url.isBlank()) {
			return null;
		}
		String trimmed = url.strip().replaceAll("/+$", "");
		URI uri = URI.create(trimmed);
		if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
				|| uri.getQuery() != null || uri.getFragment() != null) {
			throw new IllegalStateException("helpboard.public-url must be an http(s) address like "
					+ "https://board.example.com (no query or fragment): " + url);
		}
		return trimmed;
	}

	/**
	 * The board's root, without a trailing slash, e.g. {@code https://board.example.com}.
	 */
	String base() {
		if (this.publicUrl != null) {
			return this.publicUrl;
		}
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

	/** The request's page, what a share points at. */
	String request(long id) {
		return base() + "/r/" + id;
	}

	String poster(long id) {
		return request(id) + "/poster.png";
	}

}
