package com.helpboard.link;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a 口令 (share password) token in pasted text.
 *
 * <p>
 * Accepted shapes: {@code T:/⇥aB3dE9fG⇤} (Pinduoduo), a token between two equal
 * currency-style marks ({@code ￥aB3dE9fG￥}, {@code ¥…¥}, {@code $…$}, {@code €…€},
 * {@code ₤…₤}, {@code £…£}, {@code ₳…₳}, {@code ¢…¢}, {@code ₴…₴}, {@code ₰…₰},
 * {@code ¤…¤}), or in ASCII/full-width parentheses. The token is 6–32 ASCII letters and
 * digits; in parentheses it must mix letters and digits so that "(Farmland)" is not a
 * token.
 */
final class TokenFinder {

	private static final String BODY = "([A-Za-z0-9]{6,32})";

	// ⇥ … ⇤ is the Pinduoduo form, so it also tells the platform.
	private static final Pattern ARROWS = Pattern.compile("\u21E5" + BODY + "\u21E4");

	private static final Pattern SAME_MARKS = Pattern
		.compile("([\uFFE5\u00A5$\u20AC\u20A4\u00A3\u20B3\u00A2\u20B4\u20B0\u00A4])" + BODY + "\\1");

	private static final Pattern PARENS = Pattern.compile("[(\uFF08]" + BODY + "[)\uFF09]");

	private TokenFinder() {
	}

	static Token find(String text) {
		Matcher arrows = ARROWS.matcher(text);
		if (arrows.find()) {
			return new Token(arrows.group(1), Platform.PINDUODUO);
		}
		Matcher marks = SAME_MARKS.matcher(text);
		if (marks.find()) {
			return new Token(marks.group(2), mentionedPlatform(text));
		}
		Matcher parens = PARENS.matcher(text);
		while (parens.find()) {
			String token = parens.group(1);
			if (token.chars().anyMatch(Character::isDigit) && token.chars().anyMatch(Character::isLetter)) {
				return new Token(token, mentionedPlatform(text));
			}
		}
		return null;
	}

	/**
	 * Platform named in the text; the first mention wins; {@code null} when neither is
	 * named (a bare ￥token￥ is usually Taobao, which is not accepted).
	 * @param text the text
	 * @return the platform or {@code null}
	 */
	static Platform mentionedPlatform(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		int pdd = firstIndex(lower, "拼多多", "pinduoduo", "yangkeduo", "多多");
		int temu = firstIndex(lower, "temu");
		if (pdd < 0 && temu < 0) {
			return null;
		}
		if (temu < 0 || (pdd >= 0 && pdd < temu)) {
			return Platform.PINDUODUO;
		}
		return Platform.TEMU;
	}

	private static int firstIndex(String text, String... words) {
		int best = -1;
		for (String word : words) {
			int at = text.indexOf(word);
			if (at >= 0 && (best < 0 || at < best)) {
				best = at;
			}
		}
		return best;
	}

	/**
	 * A token and the platform it belongs to ({@code null} when unknown).
	 *
	 * @param value the token
	 * @param platform the platform or {@code null}
	 */
	record Token(String value, Platform platform) {

	}

}
