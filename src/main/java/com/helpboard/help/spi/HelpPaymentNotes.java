package com.helpboard.help.spi;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * What a member's confirmed helps paid and why, in words, for "我帮过的" (the page and
 * {@code GET /api/v1/me/claims}). Implemented by the credit module, which decides it.
 */
public interface HelpPaymentNotes {

	/** For those of the claims whose payment was decided: what it paid and why. */
	Map<Long, Paid> of(Collection<Long> claimIds, Locale locale);

	/**
	 * @param credits what the help paid or holds (0 when it paid nothing)
	 * @param state {@code PAID}, {@code HELD}, {@code RELEASED}, {@code NONE} or
	 * {@code REVERSED}
	 * @param explanation the same in the reader's words ("this help paid no credit: 3
	 * credits from this member this week already")
	 */
	record Paid(long credits, String state, String explanation) {
	}

}
