package com.helpboard.system;

/** It is there, but this member may not do this with it. */
public final class NotAllowed extends HelpBoardException {

	public NotAllowed(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

}
