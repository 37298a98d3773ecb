package com.helpboard.system;

/** The credentials given do not identify a member (wrong username or password). */
public final class Unauthenticated extends HelpBoardException {

	public Unauthenticated(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

}
