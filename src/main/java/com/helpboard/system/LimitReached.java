package com.helpboard.system;

import java.time.Instant;

/** A rate or daily cap was reached; {@link #retryAt()} says when it resets. */
public final class LimitReached extends HelpBoardException {

	private final Instant retryAt;

	public LimitReached(Instant retryAt, String messageKey, Object... arguments) {
		super(messageKey, arguments);
		this.retryAt = retryAt;
	}

	public Instant retryAt() {
		return this.retryAt;
	}

}
