package com.helpboard.account;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.SpoofChecker;

/**
 * Username rules: 2–32 letters of any script, digits, {@code _} and {@code -}, after NFKC
 * normalisation, and nothing that deceives a reader: no invisible characters, no name
 * that starts with a combining mark, no mix of scripts beyond the ones written together
 * (Unicode UTS #39 "highly restrictive": Latin with Han and Japanese kana, with Hangul or
 * with Bopomofo), no digits of different number systems.
 */
final class Usernames {

	static final int MIN = 2;

	static final int MAX = 32;

	/** The longest raw input worth looking up; longer cannot be anyone's name. */
	static final int LOOKUP_MAX = 200;

	/** Whether a name may be registered, and if not why. */
	enum Verdict {

		/** Fine. */
		VALID,

		/** Wrong length or a character outside letters, digits, _ and -. */
		INVALID,

		/** Allowed characters, but a name that can pass for another or for nothing. */
		DECEPTIVE

	}

	private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}_-]+");

	// UTS #39: more than this many combining marks in a row hide what they sit on
	private static final int MAX_MARKS_IN_A_ROW = 4;

	// thread-safe once built (ICU documents SpoofChecker as immutable)
	private static final SpoofChecker SPOOF_CHECKER = new SpoofChecker.Builder()
		.setRestrictionLevel(SpoofChecker.RestrictionLevel.HIGHLY_RESTRICTIVE)
		.setChecks(SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.MIXED_NUMBERS | SpoofChecker.INVISIBLE)
		.build();

	private Usernames() {
	}

	static String normalize(String raw) {
		return (raw != null) ? Normalizer.normalize(raw.strip(), Normalizer.Form.NFKC) : "";
	}

	/** The comparison form: equal keys are the same name to a person (case, width). */
	static String key(String username) {
		return normalize(username).toLowerCase(Locale.ROOT);
	}

	/**
	 * Whether a typed name could belong to someone, so looking it up is worthwhile (and
	 * safe: the database refuses NUL bytes in text).
	 */
	static boolean couldExist(String raw) {
		if (raw == null || raw.isEmpty() || raw.length() > LOOKUP_MAX) {
			return false;
		}
		return raw.codePoints().noneMatch((cp) -> Character.getType(cp) == Character.CONTROL);
	}

	static boolean isValid(String username) {
		return check(username) == Verdict.VALID;
	}

	/** Checks a {@link #normalize(String) normalized} name. */
	static Verdict check(String username) {
		int length = username.codePointCount(0, username.length());
		if (length < MIN || length > MAX || !ALLOWED.matcher(username).matches()) {
			return Verdict.INVALID;
		}
		return isDeceptive(username) ? Verdict.DECEPTIVE : Verdict.VALID;
	}

	private static boolean isDeceptive(String username) {
		if (isCombiningMark(username.codePointAt(0))) {
			// a name of marks alone, or a mark that lands on whatever is shown before it
			return true;
		}
		if (username.codePoints().anyMatch(Usernames::isInvisible)) {
			return true;
		}
		if (hasStackedMarks(username)) {
			return true;
		}
		return SPOOF_CHECKER.failsChecks(username);
	}

	/** Default-ignorable code points and the Hangul fillers, which show as nothing. */
	static boolean isInvisible(int cp) {
		return UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT) || cp == 0x115F || cp == 0x1160
				|| cp == 0x3164 || cp == 0xFFA0;
	}

	private static boolean isCombiningMark(int cp) {
		int type = Character.getType(cp);
		return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
				|| type == Character.ENCLOSING_MARK;
	}

	/** The same mark twice in a row, or a long run of marks (UTS #39 §5.4). */
	private static boolean hasStackedMarks(String username) {
		String decomposed = Normalizer.normalize(username, Normalizer.Form.NFD);
		int run = 0;
		int previous = -1;
		for (int i = 0; i < decomposed.length();) {
			int cp = decomposed.codePointAt(i);
			if (isCombiningMark(cp)) {
				run++;
				if (cp == previous || run > MAX_MARKS_IN_A_ROW) {
					return true;
				}
			}
			else {
				run = 0;
			}
			previous = cp;
			i += Character.charCount(cp);
		}
		return false;
	}

}
