package com.helpboard.request.spi;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Why requests were hidden, for their authors' pages (the request page, "my requests"):
 * the reasons reported and how often, and the moderator's reason, never who reported.
 * Implemented by the moderation module.
 */
public interface ModerationNotes {

	/** The notes of those of the requests that were hidden and have one. */
	Map<Long, Note> of(Collection<Long> requestIds);

	/**
	 * @param reports each reason reported, with how many members reported it
	 * @param moderatorReason the reason the last moderator who hid it gave, if one did
	 */
	record Note(List<ReasonCount> reports, @Nullable String moderatorReason) {
	}

	/** A reason reported ({@code DEAD_LINK}, {@code PHISHING}, …) and how many times. */
	record ReasonCount(String reason, long count) {
	}

}
