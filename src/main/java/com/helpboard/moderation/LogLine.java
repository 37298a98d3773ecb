package com.helpboard.moderation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line of the public moderation log.
 *
 * @param at when
 * @param actor who acted, {@code system} for the automatic hide
 * @param action what was done
 * @param target a request ({@code #12}) or a member's name
 * @param requestId the request acted on, if one was
 * @param reason why, as the actor wrote it
 * @param group the slug of the group it happened in; none for site-wide actions
 */
public record LogLine(Instant at, String actor, LogAction action, String target, @Nullable Long requestId,
		@Nullable String reason, @Nullable String group) {

}
