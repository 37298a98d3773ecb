package com.helpboard.system.web;

/**
 * Request attributes that security filters set before sending an error, so the error page
 * can say why: one name each, shared by the filter that sets it and the page that reads
 * it.
 */
public final class ErrorPageAttributes {

	/** Seconds until the member may try again (rate limited). */
	public static final String RETRY_AFTER = "com.helpboard.system.web.retryAfter";

	/** The request carried control characters that were refused. */
	public static final String CONTROL_CHARACTERS = "com.helpboard.system.web.controlCharacters";

	private ErrorPageAttributes() {
	}

}
