package com.helpboard.account;

import java.util.Map;

/**
 * Lets other modules add what they know of a member (balance, helps, groups) to the
 * profile page and {@code GET /api/v1/me} without the account module depending on them.
 */
public interface ProfileFacts {

	void contribute(long memberId, Map<String, Object> facts);

}
