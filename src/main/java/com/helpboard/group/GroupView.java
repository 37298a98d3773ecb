package com.helpboard.group;

import com.helpboard.system.LocalizedText;

/** A topic group as other modules and pages see it. */
public record GroupView(long id, String slug, LocalizedText name, LocalizedText description, LocalizedText rules,
		Visibility visibility, Long ownerId, String defaultCampaign, int maxOpenPerMember, PostingRule postingRule,
		long memberCount, long openRequests) {

	/**
	 * Help before you post: the first {@code freePosts} requests are free; after that,
	 * {@code helpsToPost} helps given in the last {@code windowHours} hours.
	 */
	public record PostingRule(int freePosts, int helpsToPost, int windowHours) {
	}

	public boolean isPrivate() {
		return this.visibility == Visibility.PRIVATE;
	}

}
