package com.helpboard.account;

import com.helpboard.account.Usernames.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The deception corpus: names that must stay possible, and names that must not. */
class UsernamesTests {

	private static Verdict check(String typed) {
		return Usernames.check(Usernames.normalize(typed));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ab", "alice", "Bob_99", "hello_world-1", "abcdefghijabcdefghijabcdefghij12", "小明",
			"小明abc", "王小明", "さくら_01", "テスト小明abc", "カタカナ", "김철수", "김abc小", "漢字ㄅㄆ", "иван", "Иван_Петров", "ΑΒΓ", "émile",
			"e\u0301mile", "Zoë", "Nguyễn", "ไทย", "हिन्दी", "עברית", "مرحبا", "١٢٣", "2024", "_-_",
			// full-width and mathematical letters fold to plain ones under NFKC
			"ｐａｙｐａｌ", "Ｚｏｅ１２", "𝐚𝐛𝐜", "ﾃｽﾄ" })
	void accepted(String name) {
		assertThat(check(name)).as(name).isEqualTo(Verdict.VALID);
	}

	@ParameterizedTest
	@ValueSource(strings = {
			// Cyrillic а (U+0430), е (U+0435), о (U+043E) inside Latin names
			"p\u0430ypal", "\u0430pple", "g\u043E\u043Egle", "admin\u0435", "Ivan-иван",
			// Greek among Latin; Cyrillic with Han
			"alpha_β", "ΑBC", "小明иван",
			// digits of two number systems
			"abc1\u0662", "\u0661\u0662\u06633", "user\u0967",
			// Hangul fillers: they are letters that show as nothing
			"\u3164\u3164", "\u3164\u3164\u3164\u3164", "\u115F\u115F", "\u1160\u1160", "\uFFA0\uFFA0", "a\u3164b",
			"\u1160a", "김\u3164",
			// names of combining marks only, or starting with one
			"\u0301\u0301", "\u0301abc", "\u20DD\u20DD", "\u0903abc",
			// the same mark stacked, or a tower of marks
			"a\u0301\u0301", "ab\u0300\u0301\u0302\u0303\u0304" })
	void refusedAsDeceptive(String name) {
		assertThat(check(name)).as(name).isEqualTo(Verdict.DECEPTIVE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "a", "abcdefghijabcdefghijabcdefghij123", "bad name", "<script>", "a.b", "a@b",
			"ab\u0000", "a\u200Bb", "a\u00ADb", "a\u200Db", "ab\u2066", "\u202Eabc", "ab\u0007", "a\tb", "😀😀" })
	void refusedAsInvalid(String name) {
		assertThat(check(name)).as(name).isEqualTo(Verdict.INVALID);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0x115F, 0x1160, 0x3164, 0xFFA0, 0x200B, 0x200C, 0x200D, 0x00AD, 0x034F, 0x180E, 0xFE0F,
			0x2060, 0xE0001 })
	void invisibleCodePoints(int cp) {
		assertThat(Usernames.isInvisible(cp)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Alice", "ALICE", "ａｌｉｃｅ", " alice " })
	void keysFoldCaseWidthAndSpace(String typed) {
		assertThat(Usernames.key(typed)).isEqualTo("alice");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\u0000b", "", "x\u001B" })
	void namesThatCannotExistAreNotLookedUp(String typed) {
		assertThat(Usernames.couldExist(typed)).isFalse();
	}

}
