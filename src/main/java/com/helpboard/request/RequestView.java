package com.helpboard.request;

import java.net.URI;
import java.time.Instant;

import com.helpboard.link.ProductPhrase;
import org.jspecify.annotations.Nullable;

/** A help request as pages and the API show it. */
public record RequestView(long id, long groupId, String group, long authorId, String author, String platform,
		String campaign, String canonicalUrl, String shareText, String token, String note, @Nullable String memberTitle,
		int helpsNeeded, int helpsConfirmed, RequestStatus status, Instant createdAt, Instant expiresAt,
		Instant boostedUntil, Reciprocity authorReciprocity) {

	public boolean isOpen() {
		return this.status == RequestStatus.OPEN;
	}

	public boolean boostedAt(Instant now) {
		return this.boostedUntil != null && this.boostedUntil.isAfter(now);
	}

	public int percentDone() {
		return (int) Math.min(100, Math.round(100.0 * this.helpsConfirmed / this.helpsNeeded));
	}

	/**
	 * What the request is about in a few words: what the member said, else the product
	 * its share text names ({@link ProductPhrase}); null when neither says anything.
	 * Never a host or the app's boilerplate.
	 */
	public @Nullable String what() {
		if (this.memberTitle != null && !this.memberTitle.isBlank()) {
			return this.memberTitle;
		}
		return ProductPhrase.of(this.shareText);
	}

	/**
	 * What a request is called where no campaign name is at hand: {@link #what()}, else
	 * the member's note, else its number ("#12").
	 */
	public String title() {
		String what = what();
		if (what != null) {
			return what;
		}
		return (this.note != null && !this.note.isBlank()) ? this.note : "#" + this.id;
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
				this.canonicalUrl, this.shareText, this.token, this.note, this.memberTitle, this.helpsNeeded,
				this.helpsConfirmed, this.status, this.createdAt, this.expiresAt, this.boostedUntil,
				this.authorReciprocity);
	}

	RequestView withReciprocity(Reciprocity reciprocity) {
		return new RequestView(this.id, this.groupId, this.group, this.authorId, this.author, this.platform,
				this.campaign, this.canonicalUrl, this.shareText, this.token, this.note, this.memberTitle,
				this.helpsNeeded, this.helpsConfirmed, this.status, this.createdAt, this.expiresAt, this.boostedUntil,
				reciprocity);
	}

}
