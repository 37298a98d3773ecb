package com.helpboard.system;

/**
 * The thing's state, or a change that came first, forbids this now (already closed,
 * taken, not enough credits).
 */
public final class Conflict extends HelpBoardException {

	public Conflict(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

}
