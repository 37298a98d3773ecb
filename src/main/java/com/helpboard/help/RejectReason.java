package com.helpboard.help;

import java.util.Optional;

/**
 * Why an author says a claimed help did not happen: one tap from a short list
 * ({@code help.rejectReason.<NAME>}), stored on the claim and shown to its helper.
 */
public enum RejectReason {

	/** The app's list of helpers does not show them. */
	NO_RECORD,

	/** They helped some other link. */
	WRONG_LINK,

	/** "我帮了" pressed by mistake, or twice. */
	DOUBLE_TAP,

	OTHER;

	/** The reason a form or a JSON body named; empty for anything else. */
	public static Optional<RejectReason> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		for (RejectReason reason : values()) {
			if (reason.name().equals(value.strip())) {
				return Optional.of(reason);
			}
		}
		return Optional.empty();
	}

}
