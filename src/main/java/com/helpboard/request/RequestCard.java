package com.helpboard.request;

import org.jspecify.annotations.Nullable;

/**
 * A request card as pages draw it, every text ready-made: a feed page draws twenty, so
 * the template only reads fields (no formatting, message lookups or method calls per
 * card). Built by {@link RequestCards}.
 *
 * @param id the request's id
 * @param boosted pinned now
 * @param temu a Temu request (its badge has its own colour)
 * @param platform the platform's name in the page's language
 * @param campaign the campaign's name in the page's language
 * @param open still open, so the countdown shows
 * @param expiresAt the expiry as ISO-8601, for the live countdown
 * @param expiresAtText the expiry in China time, for pages without JavaScript
 * @param title what the card is called, at most 80 characters: what the member said it
 * is, else the product its share text names, else its note, else the campaign's name and
 * "助力" (never a host or the app's boilerplate)
 * @param helpsNeeded helps asked for
 * @param helpsConfirmed helps confirmed so far
 * @param progress "confirmed/needed"
 * @param left "还差 3 次" while open and short of helps, else null
 * @param author the author's name
 * @param reciprocity the author's given and received helps, as a sentence
 * @param completion how often the campaign's requests complete in the group, as a
 * sentence; null (not shown) while too few closed to say
 * @param labels the texts every card shares
 */
public record RequestCard(long id, boolean boosted, boolean temu, String platform, String campaign, boolean open,
		String expiresAt, String expiresAtText, String title, int helpsNeeded, int helpsConfirmed, String progress,
		@Nullable String left, String author, String reciprocity, @Nullable String completion, Labels labels) {

	/** The words every card of a page shares, looked up once per language. */
	public record Labels(String boosted, String expiresIn, String endsAt, String expired, String reciprocityTitle,
			String report) {
	}

}
