package com.helpboard.group;

/** What a member fills in to create a group. */
public record NewGroup(String slug, String name, String description, String rules, Visibility visibility,
		String defaultCampaign) {

}
