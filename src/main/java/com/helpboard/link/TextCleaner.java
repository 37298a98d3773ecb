package com.helpboard.link;

import java.text.Normalizer;

/**
 * Cleans pasted text before it is scanned or stored.
 *
 * <p>
 * Two forms:
 * <ul>
 * <li>{@link #clean(String)}: what is stored and copied by other members. Zero-width
 * characters, bidi controls and every other invisible format character are removed, so
 * that {@code e\u200Bvil.cn} or {@code \u202Enc.live\u202C} cannot hide a host from the
 * scanner yet come back to life when copied. Only a zero-width joiner between two emoji
 * (family, rainbow flag) and the tag characters of a flag emoji survive: they cannot join
 * letters into a host.</li>
 * <li>{@link #forScanning(String)}: what the link, host and token scanners see. On top of
 * the cleaning: NFKC per code point (full-width {@code ｅｖｉｌ} becomes {@code evil}), every
 * full-stop look-alike ({@code 。 ． ｡ ․ ﹒}) becomes {@code .}, and joiners and variation
 * selectors are dropped. Full-width punctuation such as {@code ，（）：～} is kept as it is,
 * so it still ends a URL as before instead of becoming part of it.</li>
 * </ul>
 */
final class TextCleaner {

	private static final int ZWJ = 0x200D;

	private TextCleaner() {
	}

	/**
	 * The text without invisible characters, for storing and copying.
	 * @param text the input
	 * @return the cleaned text, same text when there was nothing to remove
	 */
	static String clean(String text) {
		StringBuilder out = null;
		int prev = -1;
		int i = 0;
		while (i < text.length()) {
			int cp = text.codePointAt(i);
			int width = Character.charCount(cp);
			boolean drop = isInvisible(cp) && !keptInEmoji(cp, prev, text, i + width);
			if (drop && out == null) {
				out = new StringBuilder(text.length()).append(text, 0, i);
			}
			else if (!drop) {
				if (out != null) {
					out.appendCodePoint(cp);
				}
				prev = cp;
			}
			i += width;
		}
		return (out != null) ? out.toString() : text;
	}

	/**
	 * The cleaned text in the form the scanners read.
	 * @param cleaned the output of {@link #clean(String)}
	 * @return normalised text; may differ in length from the input
	 */
	static String forScanning(String cleaned) {
		StringBuilder out = new StringBuilder(cleaned.length());
		int i = 0;
		while (i < cleaned.length()) {
			int cp = cleaned.codePointAt(i);
			i += Character.charCount(cp);
			if (cp < 0x80) {
				out.append((char) cp);
			}
			else if (cp <= 0xFFFF && Character.isSurrogate((char) cp)) {
				out.append('\uFFFD');
			}
			else if (isInvisible(cp) || isJoinerOrSelector(cp)) {
				// an emoji joiner kept by clean(): the scanners do not need it
				continue;
			}
			else {
				String compat = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
				if (isFullStop(cp) || compat.equals(".")) {
					out.append('.');
				}
				else if (!Character.isLetterOrDigit(cp) && isAsciiPunctuation(compat)) {
					// full-width punctuation ends a URL as before
					out.appendCodePoint(cp);
				}
				else {
					out.append(compat);
				}
			}
		}
		return out.toString();
	}

	/**
	 * Zero-width characters, bidi controls and other invisible format characters (Unicode
	 * category Cf, e.g. soft hyphen, word joiner, BOM, Mongolian vowel separator).
	 * @param cp a code point
	 * @return whether it is invisible
	 */
	static boolean isInvisible(int cp) {
		switch (cp) {
			case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x180E, 0x200E, 0x200F, 0x061C, 0x00AD:
				return true;
			default:
				return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
						|| Character.getType(cp) == Character.FORMAT;
		}
	}

	// Ignored by IDNA: combining grapheme joiner,
	// Mongolian and other variation selectors.
	private static boolean isJoinerOrSelector(int cp) {
		return cp == 0x034F || (cp >= 0x180B && cp <= 0x180F) || (cp >= 0xFE00 && cp <= 0xFE0F)
				|| (cp >= 0xE0100 && cp <= 0xE01EF);
	}

	private static boolean isFullStop(int cp) {
		return cp == 0x3002 || cp == 0xFF0E || cp == 0xFF61;
	}

	private static boolean isAsciiPunctuation(String s) {
		if (s.isEmpty()) {
			return false;
		}
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c >= 0x80 || Character.isLetterOrDigit(c)) {
				return false;
			}
		}
		return true;
	}

	// A ZWJ between two emoji and the tag characters of a subdivision flag stay in the
	// stored text; they cannot join letters into a host.
	private static boolean keptInEmoji(int cp, int prev, String text, int next) {
		if (cp == ZWJ) {
			return isEmoji(prev) && next < text.length() && isEmoji(text.codePointAt(next));
		}
		if (cp >= 0xE0020 && cp <= 0xE007F) {
			return isEmoji(prev) || (prev >= 0xE0020 && prev <= 0xE007F);
		}
		return false;
	}

	private static boolean isEmoji(int cp) {
		if (cp < 0x2000) {
			return false;
		}
		int type = Character.getType(cp);
		return type == Character.OTHER_SYMBOL || type == Character.MODIFIER_SYMBOL || cp == 0xFE0F;
	}

}
