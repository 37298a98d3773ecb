package com.helpboard.system;

/**
 * The input as a whole cannot be used; a refusal of one named field is a
 * {@link FieldRejection}.
 */
public final class Invalid extends HelpBoardException {

	public Invalid(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

}
