package com.helpboard.request;

import java.net.URI;
import java.time.Instant;

/** A help request as pages and the API show it. */
public record RequestView(long id, long groupId, String group, long authorId, String author, String platform,
		String campaign, String canonicalUrl, String shareText, String token, String note, int helpsNeeded,
		int helpsConfirmed, RequestStatus status, Instant createdAt, Instant expiresAt, Instant boostedUntil,
		Reciprocity authorReciprocity) {

	public boolean isOpen() {
		return this.status == RequestStatus.OPEN;
	}

	public boolean boostedAt(Instant now) {
		return this.boostedUntil != null && this.boostedUntil.isAfter(now);
	}

	public int percentDone() {
		return (int) Math.min(100, Math.round(100.0 * this.helpsConfirmed / this.helpsNeeded));
	}

	private static final java.util.regex.Pattern URL = java.util.regex.Pattern
		.compile("(?i)(https?://)?[a-z0-9.-]+\\.(com|to|cn)(/\\S*)?");

	/**
	 * What a card is called: the member's note, else the words of the share text without
	 * its link, else the link's host.
	 */
	public String title() {
		if (this.note != null && !this.note.isBlank()) {
			return this.note;
		}
		String words = URL.matcher(this.shareText).replaceAll(" ").replaceAll("\\s+", " ").strip();
		if (words.codePointCount(0, words.length()) >= 4) {
			return words;
		}
		String host = host();
		return (host != null) ? host : this.shareText;
	}

	/** The real host the "open in app" link goes to, shown beside it. */
	public String host() {
		if (this.canonicalUrl == null) {
			return null;
		}
		try {
			return URI.create(this.canonicalUrl).getHost();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	RequestView withGroup(String slug) {
		return new RequestView(this.id, this.groupId, slug, this.authorId, this.author, this.platform, this.campaign,
				this.canonicalUrl, this.shareText, this.token, this.note, this.helpsNeeded, this.helpsConfirmed,
				this.status, this.createdAt, this.expiresAt, this.boostedUntil, this.authorReciprocity);
	}

	RequestView withReciprocity(Reciprocity reciprocity) {
		return new RequestView(this.id, this.groupId, this.group, this.authorId, this.author, this.platform,
				this.campaign, this.canonicalUrl, this.shareText, this.token, this.note, this.helpsNeeded,
				this.helpsConfirmed, this.status, this.createdAt, this.expiresAt, this.boostedUntil, reciprocity);
	}

}
