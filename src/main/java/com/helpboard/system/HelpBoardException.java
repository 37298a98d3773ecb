package com.helpboard.system;

import org.springframework.http.HttpStatus;

/**
 * A refusal a person can understand: carries the HTTP status for the API and a message
 * key (with arguments) that pages and problem+json details resolve in the reader's
 * language.
 */
public class HelpBoardException extends RuntimeException {

	private final HttpStatus status;

	private final String messageKey;

	private final Object[] arguments;

	public HelpBoardException(HttpStatus status, String messageKey, Object... arguments) {
		super(messageKey);
		this.status = status;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

	public static HelpBoardException notFound(String messageKey, Object... arguments) {
		return new HelpBoardException(HttpStatus.NOT_FOUND, messageKey, arguments);
	}

	public static HelpBoardException forbidden(String messageKey, Object... arguments) {
		return new HelpBoardException(HttpStatus.FORBIDDEN, messageKey, arguments);
	}

	public static HelpBoardException conflict(String messageKey, Object... arguments) {
		return new HelpBoardException(HttpStatus.CONFLICT, messageKey, arguments);
	}

	public static HelpBoardException unprocessable(String messageKey, Object... arguments) {
		return new HelpBoardException(HttpStatus.UNPROCESSABLE_CONTENT, messageKey, arguments);
	}

	public static HelpBoardException badRequest(String messageKey, Object... arguments) {
		return new HelpBoardException(HttpStatus.BAD_REQUEST, messageKey, arguments);
	}

}
