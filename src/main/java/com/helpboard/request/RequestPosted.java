package com.helpboard.request;

import java.time.Instant;

public record RequestPosted(long requestId, long groupId, long authorId, String campaign, Instant at) {

}
