package com.helpboard.account;

import java.text.Normalizer;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import org.jspecify.annotations.Nullable;

/**
 * Nickname rules: optional; after NFKC and stripping, 1–{@value #MAX} characters (UTF-16
 * units, as the column counts them) of visible text: no control, format, private-use or
 * unassigned characters, nothing invisible, no leading combining mark. Emoji stay whole:
 * a zero-width joiner between two pictographs and the emoji variation selector after one
 * are allowed (WeChat nicknames carry them).
 */
final class Nicknames {

	static final int MAX = 32;

	/** Longer raw input is refused before it is normalised. */
	static final int RAW_MAX = 200;

	private static final int ZWJ = 0x200D;

	private static final int EMOJI_PRESENTATION = 0xFE0F;

	private Nicknames() {
	}

	/**
	 * The nickname to store: null for nothing (blank clears it).
	 * @throws IllegalArgumentException when it breaks the rules
	 */
	static @Nullable String normalize(@Nullable String raw) {
		if (raw == null) {
			return null;
		}
		if (raw.length() > RAW_MAX) {
			throw new IllegalArgumentException("too long");
		}
		String nickname = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
		if (nickname.isEmpty()) {
			return null;
		}
		if (nickname.length() > MAX || !visible(nickname)) {
			throw new IllegalArgumentException("not a nickname");
		}
		return nickname;
	}

	private static boolean visible(String nickname) {
		int[] cps = nickname.codePoints().toArray();
		if (isMark(cps[0])) {
			return false;
		}
		for (int i = 0; i < cps.length; i++) {
			int cp = cps[i];
			if (cp == ZWJ) {
				if (i == 0 || i == cps.length - 1 || !pictograph(cps[i - 1], (i >= 2) ? cps[i - 2] : -1)
						|| !isPictographic(cps[i + 1])) {
					return false;
				}
				continue;
			}
			if (cp == EMOJI_PRESENTATION) {
				if (i == 0 || !isPictographic(cps[i - 1])) {
					return false;
				}
				continue;
			}
			int type = Character.getType(cp);
			if (type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
					|| type == Character.SURROGATE || type == Character.UNASSIGNED || type == Character.LINE_SEPARATOR
					|| type == Character.PARAGRAPH_SEPARATOR || Usernames.isInvisible(cp)) {
				return false;
			}
		}
		return true;
	}

	/** A pictograph, or one with its variation selector, before a joiner. */
	private static boolean pictograph(int previous, int beforeThat) {
		return isPictographic(previous) || (previous == EMOJI_PRESENTATION && isPictographic(beforeThat));
	}

	private static boolean isPictographic(int cp) {
		return cp >= 0 && UCharacter.hasBinaryProperty(cp, UProperty.EXTENDED_PICTOGRAPHIC);
	}

	private static boolean isMark(int cp) {
		int type = Character.getType(cp);
		return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
				|| type == Character.ENCLOSING_MARK;
	}

}
