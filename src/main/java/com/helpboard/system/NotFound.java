package com.helpboard.system;

/**
 * Nothing is there, or nothing the reader may know is there (a private group to an
 * outsider).
 */
public final class NotFound extends HelpBoardException {

	public NotFound(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

}
