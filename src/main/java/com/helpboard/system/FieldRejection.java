package com.helpboard.system;

/**
 * A refusal tied to one input field, so a form shows it beside the field and the API
 * lists it under {@code errors}. Its {@link Kind} says why, when "invalid" is not the
 * whole story.
 */
public final class FieldRejection extends HelpBoardException {

	/** Why the field is refused. */
	public enum Kind {

		/** Not a value this field accepts. */
		INVALID,

		/** Already in use (a username, a group's slug, an open request's link). */
		TAKEN,

		/** Checked and wrong, so the action is not allowed (the current password). */
		DENIED,

		/** Too large to read (an uploaded image). */
		TOO_LARGE,

		/** Well-formed, but nothing we can use (a link we do not know). */
		UNPROCESSABLE,

		/** Could not be read now because others are being read; try again soon. */
		BUSY

	}

	private final Kind kind;

	private final String field;

	/** An {@link Kind#INVALID invalid} value. */
	public FieldRejection(String field, String messageKey, Object... arguments) {
		this(Kind.INVALID, field, messageKey, arguments);
	}

	public FieldRejection(Kind kind, String field, String messageKey, Object... arguments) {
		super(messageKey, arguments);
		this.kind = kind;
		this.field = field;
	}

	public Kind kind() {
		return this.kind;
	}

	public String field() {
		return this.field;
	}

}
