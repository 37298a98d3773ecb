package com.helpboard.link;

import java.util.Objects;

/**
 * A refused input.
 *
 * @param reason why, with a message key for members
 * @param detail plain-English detail for logs and the API (e.g. the offending host);
 * short and free of control characters
 */
public record Rejection(Reason reason, String detail) implements ParseResult {

	private static final int MAX_DETAIL = 160;

	public Rejection {
		Objects.requireNonNull(reason, "reason");
		detail = clean(detail);
	}

	// Details end up in logs: keep them short and
	// single-line so input cannot forge log lines.
	private static String clean(String detail) {
		if (detail == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(Math.min(detail.length(), MAX_DETAIL + 1));
		for (int i = 0; i < detail.length() && out.length() < MAX_DETAIL; i++) {
			char c = detail.charAt(i);
			boolean printable = !Character.isISOControl(c) && !Character.isSurrogate(c)
					&& Character.getType(c) != Character.FORMAT;
			out.append(printable ? c : '?');
		}
		if (detail.length() > MAX_DETAIL) {
			out.append('…');
		}
		return out.toString();
	}

}
