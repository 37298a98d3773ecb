package com.helpboard.account;

import java.time.Instant;

/**
 * What other modules may know of a member; {@code suspended} when a site admin suspended
 * the account (it cannot sign in, and what it did stops counting).
 */
public record MemberSummary(long id, String username, int standing, boolean admin, Instant joinedAt,
		boolean suspended) {

	public MemberSummary(long id, String username, int standing, boolean admin, Instant joinedAt) {
		this(id, username, standing, admin, joinedAt, false);
	}

}
