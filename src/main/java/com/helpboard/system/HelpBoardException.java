package com.helpboard.system;

/**
 * A refusal a person can understand, in the domain's words: a message key (with
 * arguments) that pages and problem+json details resolve in the reader's language. The
 * set is closed: what each kind of refusal means on the wire (its HTTP status, a
 * Retry-After) is decided once, in the web layer, never by the code that refuses.
 *
 * <ul>
 * <li>{@link NotFound}: nothing there, or nothing the reader may know is there</li>
 * <li>{@link NotAllowed}: there, but not for this member</li>
 * <li>{@link Conflict}: the thing's state (or a concurrent change) forbids it now</li>
 * <li>{@link LimitReached}: a cap was reached; it resets at a known time</li>
 * <li>{@link Invalid}: the input as a whole cannot be used</li>
 * <li>{@link FieldRejection}: one named input field is refused, for one of a few
 * reasons</li>
 * <li>{@link Unauthenticated}: the credentials given do not identify a member</li>
 * </ul>
 */
public abstract sealed class HelpBoardException extends RuntimeException
		permits NotFound, NotAllowed, Conflict, LimitReached, Invalid, FieldRejection, Unauthenticated {

	private final String messageKey;

	private final Object[] arguments;

	HelpBoardException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

	/** Convenience for {@code new NotFound(…)}. */
	public static NotFound notFound(String messageKey, Object... arguments) {
		return new NotFound(messageKey, arguments);
	}

	/** Convenience for {@code new NotAllowed(…)}. */
	public static NotAllowed forbidden(String messageKey, Object... arguments) {
		return new NotAllowed(messageKey, arguments);
	}

	/** Convenience for {@code new Conflict(…)}. */
	public static Conflict conflict(String messageKey, Object... arguments) {
		return new Conflict(messageKey, arguments);
	}

	/** Convenience for {@code new Invalid(…)}. */
	public static Invalid badRequest(String messageKey, Object... arguments) {
		return new Invalid(messageKey, arguments);
	}

}
