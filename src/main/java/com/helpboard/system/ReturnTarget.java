package com.helpboard.system;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Where to send a member back to after logging in or registering ({@code ?next=/r/42}):
 * only a path on this site. Refused: absolute and protocol-relative URLs
 * ({@code https://evil.cn}, {@code //evil.cn}), backslashes ({@code /\evil.cn}, which
 * browsers read as {@code //}), whitespace and control characters (browsers drop tabs and
 * line breaks, so {@code /\t/evil.cn} becomes {@code //evil.cn}), encoded forms of those
 * ({@code /%2F/evil.cn}, {@code %5C}, {@code %09}, twice encoded too), non-ASCII, and the
 * login, register and logout pages themselves (which would only loop).
 */
public final class ReturnTarget {

	/** Longer cannot be a page of ours worth returning to. */
	static final int MAX = 2048;

	private static final Set<String> NOT_A_DESTINATION = Set.of("/login", "/register", "/logout", "/error");

	private ReturnTarget() {
	}

	/** The same-site path to return to, or nothing when {@code raw} is not one. */
	public static Optional<String> of(String raw) {
		if (raw == null || raw.isEmpty() || raw.length() > MAX) {
			return Optional.empty();
		}
		// decode repeatedly: what a browser or a proxy decodes must be safe too
		String decoded = raw;
		if (!isPlainPath(raw, false)) {
			return Optional.empty();
		}
		for (int round = 0; round < 3; round++) {
			if (!isPlainPath(decoded, true)) {
				return Optional.empty();
			}
			String next;
			try {
				next = URLDecoder.decode(decoded.replace("+", "%2B"), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				// a stray "%": not something this site links to
				return Optional.empty();
			}
			if (next.equals(decoded)) {
				break;
			}
			decoded = next;
		}
		if (!isPlainPath(decoded, true)) {
			return Optional.empty();
		}
		URI uri;
		try {
			uri = new URI(raw);
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
		if (uri.isAbsolute() || uri.getRawAuthority() != null || uri.getRawPath() == null
				|| !uri.getRawPath().startsWith("/")) {
			return Optional.empty();
		}
		String path = uri.getPath();
		if (NOT_A_DESTINATION.stream().anyMatch((page) -> path.equals(page) || path.startsWith(page + "/"))) {
			return Optional.empty();
		}
		// the fragment stays in the browser; the server never sees one anyway
		return Optional.of((uri.getRawQuery() != null) ? uri.getRawPath() + "?" + uri.getRawQuery() : uri.getRawPath());
	}

	/**
	 * One leading slash, then visible characters without backslash: no scheme, no host,
	 * no whitespace. The raw form is ASCII (it goes into a Location header); decoded, it
	 * may hold other letters (a Chinese search term).
	 */
	private static boolean isPlainPath(String text, boolean decoded) {
		if (text.isEmpty() || text.charAt(0) != '/' || text.startsWith("//")) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c <= ' ' || c == 0x7F || c == '\\' || (c > 0x7F && (!decoded || isInvisible(c)))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isInvisible(char c) {
		int type = Character.getType(c);
		return type == Character.CONTROL || type == Character.FORMAT || type == Character.SPACE_SEPARATOR
				|| type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
				|| type == Character.SURROGATE || type == Character.UNASSIGNED;
	}

}
