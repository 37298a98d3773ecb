package com.helpboard.system;

import java.time.Instant;

/**
 * What infrastructure needs to know of the signed-in member (rate limits are lower for
 * new accounts); the account module's principal implements it.
 */
public interface MemberIdentity {

	long memberId();

	/** When the account was created, or null when unknown. */
	Instant joinedAt();

}
