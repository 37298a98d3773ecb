package com.helpboard.share;

import java.time.Instant;

/**
 * What a share of one request shows, in the reader's language: everything a poster draws
 * (so equal cards draw equal posters, and the card is the poster's cache key) and what
 * the share text and tags say.
 *
 * @param id the request
 * @param platform the platform's name (拼多多, Temu)
 * @param temu whether it is a Temu request (its badge is orange)
 * @param campaign the campaign's name
 * @param title what the request is, as its card says ({@code RequestView.title()})
 * @param confirmed helps confirmed so far
 * @param needed helps asked for
 * @param open whether it still takes help
 * @param status the status' name in the reader's language
 * @param expiresAt when it ends
 * @param author the author's username
 * @param group the group's name
 * @param url the request's page on this board
 */
record ShareCard(long id, String platform, boolean temu, String campaign, String title, int confirmed, int needed,
		boolean open, String status, Instant expiresAt, String author, String group, String url) {

	/** Helps still missing, never below zero. */
	int remaining() {
		return Math.max(0, this.needed - this.confirmed);
	}

	/** {@code text} cut to {@code max} characters (code points), with "…" when cut. */
	static String cut(String text, int max) {
		String flat = text.replaceAll("\\s+", " ").strip();
		if (flat.codePointCount(0, flat.length()) <= max) {
			return flat;
		}
		return flat.substring(0, flat.offsetByCodePoints(0, max - 1)).strip() + "…";
	}

}
