package com.helpboard.moderation;

import java.util.Collection;
import java.util.Map;

import com.helpboard.request.spi.ModerationNotes;

import org.springframework.stereotype.Component;

/**
 * Tells the request and help pages why a request was hidden; see {@link ModerationNotes}.
 */
@Component
class ModerationNotesOfRequests implements ModerationNotes {

	private final Moderation moderation;

	ModerationNotesOfRequests(Moderation moderation) {
		this.moderation = moderation;
	}

	@Override
	public Map<Long, Note> of(Collection<Long> requestIds) {
		return this.moderation.notes(requestIds);
	}

}
