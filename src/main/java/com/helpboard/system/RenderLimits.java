package com.helpboard.system;

import org.jspecify.annotations.Nullable;

/**
 * Rate limits on images the server draws on demand (a request's poster), per client
 * address and per member, in the same Bucket4j buckets as the other limits
 * ({@code helpboard.throttle.renders}, docs/security.md). Callers take an attempt only
 * for work they really do (a cache miss), so cached answers cost nothing.
 */
public interface RenderLimits {

	/**
	 * Takes one attempt.
	 * @param address the client address (as the proxy saw it)
	 * @param member the signed-in member, or null
	 * @throws LimitReached when the address or the member has none left
	 */
	void take(String address, @Nullable MemberIdentity member);

}
