package com.helpboard.group;

import com.helpboard.system.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a member fills in to create a group. The slug's form is checked by
 * {@link Groups#create}, after it is trimmed and lower-cased.
 */
public record NewGroup(String slug,
		@NotBlank(message = "{NotBlank}") @Size(max = 64, message = "{text.max-length}") @PlainText String name,
		@Size(max = Groups.MAX_DESCRIPTION,
				message = "{text.max-length}") @PlainText(multiline = true) String description,
		@Size(max = Groups.MAX_RULES, message = "{text.max-length}") @PlainText(multiline = true) String rules,
		Visibility visibility, @Size(max = 64, message = "{text.max-length}") @PlainText String defaultCampaign) {

}
