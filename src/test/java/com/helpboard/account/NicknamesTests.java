package com.helpboard.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NicknamesTests {

	@Test
	void blankClearsAndTextIsNormalised() {
		assertThat(Nicknames.normalize(null)).isNull();
		assertThat(Nicknames.normalize("  \u3000 ")).isNull();
		assertThat(Nicknames.normalize(" \uFF21\uFF22小红 ")).isEqualTo("AB小红");
		assertThat(Nicknames.normalize("小")).isEqualTo("小");
		assertThat(Nicknames.normalize("x".repeat(32))).hasSize(32);
		// emoji stay whole: a joiner between pictographs, the emoji variation selector
		assertThat(Nicknames.normalize("\uD83D\uDC68\u200D\uD83C\uDF73")).isEqualTo("\uD83D\uDC68\u200D\uD83C\uDF73");
		assertThat(Nicknames.normalize("\u2764\uFE0F 拼友")).isEqualTo("\u2764\uFE0F 拼友");
		// markup is text; the pages escape it
		assertThat(Nicknames.normalize("<b>hi</b>")).isEqualTo("<b>hi</b>");
	}

	@Test
	void invisibleControlAndOverlongNicknamesAreRefused() {
		for (String bad : new String[] { "x".repeat(33), "长".repeat(201), "\u200B", "a\u200Bb", "a\u200Db", "a\u200D",
				"\u200D\uD83D\uDC68", "a\uFE0F", "\u3164", "\u115F\u1160", "a\u0007b", "a\nb", "\u202Eabc", "a\u2066b",
				"\u0301abc", "a\uE000b", "a\u2028b", "a\u00ADb" }) {
			assertThatIllegalArgumentException().as("%s", bad.codePoints().mapToObj(Integer::toHexString).toList())
				.isThrownBy(() -> Nicknames.normalize(bad));
		}
	}

}
