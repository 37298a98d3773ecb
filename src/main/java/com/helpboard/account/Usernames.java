package com.helpboard.account;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Username rules: 3–32 letters of any script, digits, {@code _} and {@code -}. */
final class Usernames {

	static final int MIN = 3;

	static final int MAX = 32;

	private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}_-]+");

	private Usernames() {
	}

	static String normalize(String raw) {
		return (raw != null) ? Normalizer.normalize(raw.strip(), Normalizer.Form.NFKC) : "";
	}

	/** The comparison form: equal keys are the same name to a person (case, width). */
	static String key(String username) {
		return normalize(username).toLowerCase(Locale.ROOT);
	}

	static boolean isValid(String username) {
		int length = username.codePointCount(0, username.length());
		return length >= MIN && length <= MAX && ALLOWED.matcher(username).matches();
	}

}
