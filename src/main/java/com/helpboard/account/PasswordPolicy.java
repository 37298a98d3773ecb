package com.helpboard.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.helpboard.system.FieldRejection;
import com.helpboard.system.PlainTextValidator;

/**
 * What a new password must be (OWASP ASVS 4.0 §2.1): 12–128 characters counted as code
 * points, used exactly as typed (never trimmed), not blank, no control characters, not
 * the username (nor containing a username of four or more characters), not one of the 50
 * 000 most common passwords.
 */
final class PasswordPolicy {

	static final int MIN = 12;

	static final int MAX = 128;

	/** Names shorter than this may occur in a good password by chance. */
	static final int USERNAME_CONTAINED_MIN = 4;

	static final String COMMON_PASSWORDS = "account/common-passwords.txt";

	private final Set<String> common;

	PasswordPolicy(Set<String> common) {
		this.common = Set.copyOf(common);
	}

	/** The policy with the list shipped in the application. */
	static PasswordPolicy shipped() {
		return new PasswordPolicy(load(COMMON_PASSWORDS));
	}

	static Set<String> load(String resource) {
		Set<String> passwords = new HashSet<>(65_536);
		try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + resource);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isEmpty()) {
					passwords.add(line.toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return passwords;
	}

	int size() {
		return this.common.size();
	}

	/**
	 * Why this password may not be used by this member, as a refusal on the field
	 * {@code field}; empty when it may.
	 */
	Optional<FieldRejection> check(String password, String username, String field) {
		if (password == null) {
			return refuse(field, "account.password.invalid", MIN, MAX);
		}
		if (!isPlain(password)) {
			return refuse(field, "account.password.control");
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN || length > MAX) {
			return refuse(field, "account.password.invalid", MIN, MAX);
		}
		if (password.codePoints().allMatch((cp) -> Character.isWhitespace(cp) || Character.isSpaceChar(cp))) {
			return refuse(field, "account.password.blank");
		}
		if (username != null && isLikeUsername(password, username)) {
			return refuse(field, "account.password.username", USERNAME_CONTAINED_MIN);
		}
		if (isCommon(password)) {
			return refuse(field, "account.password.common");
		}
		return Optional.empty();
	}

	/** NUL, escape and other control characters, line breaks, lone surrogates. */
	private static boolean isPlain(String password) {
		return PlainTextValidator.isPlain(password, false)
				&& password.codePoints().noneMatch((cp) -> Character.getType(cp) == Character.SURROGATE);
	}

	private static boolean isLikeUsername(String password, String username) {
		String name = Usernames.key(username);
		if (name.isEmpty()) {
			return false;
		}
		String typed = comparable(password);
		if (typed.equals(name)) {
			return true;
		}
		return name.codePointCount(0, name.length()) >= USERNAME_CONTAINED_MIN && typed.contains(name);
	}

	private boolean isCommon(String password) {
		if (this.common.contains(password.toLowerCase(Locale.ROOT)) || this.common.contains(comparable(password))) {
			return true;
		}
		// one key held down ("aaaaaaaaaaaa", " …") is as common as it gets
		int first = password.codePointAt(0);
		return password.codePoints().allMatch((cp) -> cp == first);
	}

	/** How a person would read it: width and compatibility forms folded, any case. */
	private static String comparable(String password) {
		return Normalizer.normalize(password, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
	}

	private static Optional<FieldRejection> refuse(String field, String messageKey, Object... arguments) {
		return Optional.of(new FieldRejection(field, messageKey, arguments));
	}

}
