package com.helpboard.system;

import org.springframework.http.HttpStatus;

/**
 * A refusal tied to one input field, so a form shows it beside the field and the API
 * lists it under {@code errors}.
 */
public class FieldRejection extends HelpBoardException {

	private final String field;

	public FieldRejection(HttpStatus status, String field, String messageKey, Object... arguments) {
		super(status, messageKey, arguments);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
