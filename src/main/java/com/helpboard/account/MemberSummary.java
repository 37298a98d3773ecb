package com.helpboard.account;

import java.time.Instant;

/** What other modules may know of a member. */
public record MemberSummary(long id, String username, int standing, boolean admin, Instant joinedAt) {

}
