package com.helpboard.system;

import java.time.Instant;

import org.springframework.http.HttpStatus;

/** A rate or daily cap was reached; {@link #retryAt()} says when it resets. */
public class TooManyRequestsException extends HelpBoardException {

	private final Instant retryAt;

	public TooManyRequestsException(Instant retryAt, String messageKey, Object... arguments) {
		super(HttpStatus.TOO_MANY_REQUESTS, messageKey, arguments);
		this.retryAt = retryAt;
	}

	public Instant retryAt() {
		return this.retryAt;
	}

}
