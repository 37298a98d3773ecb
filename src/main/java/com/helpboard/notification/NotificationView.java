package com.helpboard.notification;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A notification as pages and the API show it, its text in the reader's language.
 *
 * @param link where it leads: the request's or the claim's page
 */
public record NotificationView(long id, NotificationKind kind, Instant at, boolean read, String text, String link,
		@Nullable Long requestId, @Nullable Long claimId) {

}
