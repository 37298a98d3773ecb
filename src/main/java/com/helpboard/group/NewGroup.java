package com.helpboard.group;

import com.helpboard.system.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a member fills in to create a group. The slug's form is checked by
 * {@link Groups#create}, after it is trimmed and lower-cased.
 */
public record NewGroup(@Nullable String slug,
		@NotBlank(message = "{NotBlank}") @Size(max = 64,
				message = "{text.max-length}") @PlainText @Nullable String name,
		@Size(max = Groups.MAX_DESCRIPTION,
				message = "{text.max-length}") @PlainText(multiline = true) @Nullable String description,
		@Size(max = Groups.MAX_RULES,
				message = "{text.max-length}") @PlainText(multiline = true) @Nullable String rules,
		@Nullable Visibility visibility,
		@Size(max = 64, message = "{text.max-length}") @PlainText @Nullable String defaultCampaign) {

}
