package com.helpboard.link;

/**
 * Outcome of {@link LinkParser}: either a {@link ParsedLink} or a {@link Rejection}.
 */
public sealed interface ParseResult permits ParsedLink, Rejection {

}
