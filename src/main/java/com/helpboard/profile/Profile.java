package com.helpboard.profile;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A member as their profile shows them; also the body of {@code GET /api/v1/me}, whose
 * field names and order these components are. {@code heldCredits}: earned, pending until
 * their authors' accounts come of age; {@code debt}: what reversed helps left unpaid,
 * paid first from new earnings; {@code established}: the member's confirmations pay at
 * once (docs/credits.md); {@code nickname}: the Pinduoduo / WeChat nickname shown on the
 * member's claims, null when none.
 */
public record Profile(long id, String username, long balance, long helpsGiven, long helpsReceived, int standing,
		List<String> groups, Instant joinedAt, long heldCredits, long debt, boolean established,
		@Nullable String nickname) {

	public Profile {
		groups = List.copyOf(groups);
	}

}
