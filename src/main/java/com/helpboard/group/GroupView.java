package com.helpboard.group;

import com.helpboard.system.LocalizedText;

/** A topic group as other modules and pages see it. */
public record GroupView(long id, String slug, LocalizedText name, LocalizedText description, LocalizedText rules,
		Visibility visibility, Long ownerId, String defaultCampaign, int maxOpenPerMember, long memberCount,
		long openRequests) {

	public boolean isPrivate() {
		return this.visibility == Visibility.PRIVATE;
	}

}
