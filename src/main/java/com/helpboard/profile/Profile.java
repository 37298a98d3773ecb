package com.helpboard.profile;

import java.time.Instant;
import java.util.List;

/**
 * A member as their profile shows them; also the body of {@code GET /api/v1/me}, whose
 * field names and order these components are.
 */
public record Profile(long id, String username, long balance, long helpsGiven, long helpsReceived, int standing,
		List<String> groups, Instant joinedAt) {

	public Profile {
		groups = List.copyOf(groups);
	}

}
