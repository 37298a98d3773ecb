package com.helpboard.request;

import java.time.Instant;

/**
 * A moderator restored a hidden request: it is open again, or expired when its time ran
 * out while it was hidden.
 */
public record RequestRestored(long requestId, long groupId, long authorId, Instant at) {

}
