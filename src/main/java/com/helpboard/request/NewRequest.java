package com.helpboard.request;

import com.helpboard.system.PlainText;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;

/**
 * What a member posts: whatever they pasted, and the choices of the form. The same
 * constraints hold for the page form, the API body and a direct call of
 * {@link Requests#post}; the expiry is checked against the campaign, which the facade
 * knows. {@code title} says what it is about in a few words ("空气炸锅 还差3刀"); empty, the
 * card names the product of the share text or the campaign.
 */
public record NewRequest(
		@Size(max = 10_000, message = "{text.max-length}") @PlainText(multiline = true) @Nullable String input,
		@Size(max = 64, message = "{text.max-length}") @PlainText @Nullable String campaign,
		@Range(min = 1, max = Requests.MAX_HELPS, message = "{request.helps.invalid}") @Nullable Integer helpsNeeded,
		@Size(max = Requests.MAX_NOTE,
				message = "{request.note.invalid}") @PlainText(multiline = true) @Nullable String note,
		@Nullable Integer expiresInHours,
		@Size(max = Requests.MAX_TITLE, message = "{request.title.invalid}") @PlainText @Nullable String title) {

	/** A request without a "what is it". */
	public NewRequest(@Nullable String input, @Nullable String campaign, @Nullable Integer helpsNeeded,
			@Nullable String note, @Nullable Integer expiresInHours) {
		this(input, campaign, helpsNeeded, note, expiresInHours, null);
	}

}
