package com.helpboard.link;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What a share text is about, in a few words: the product or prize the app named in it
 * ({@code 【家用收纳盒】}, {@code 我在拼多多看中了「空气炸锅」}), for a card's title when the member did not
 * say. Never the app's boilerplate ({@code 【拼多多】帮我砍一刀，就差你了！复制这条信息…}), a host, a link or a
 * 口令 token: when the text names nothing else, there is no phrase.
 */
public final class ProductPhrase {

	/** The longest phrase returned, in characters (code points). */
	public static final int MAX_LENGTH = 40;

	// a pasted text is at most LinkParser.MAX_TEXT; never scan more than a little beyond
	private static final int MAX_SCAN = 2 * LinkParser.MAX_TEXT;

	private static final Pattern BRACKETED = Pattern.compile("[「『【〖]([^「『【〖」』】〗]{1,120})[」』】〗]");

	// "看中了空气炸锅，" without brackets: up to the next punctuation, space or bracket
	private static final Pattern AFTER_VERB = Pattern
		.compile("(?:看中了|看上了|发现了|免费拿|想要|正在拼|一起拼)\\s*([^\\s，,。.！!？?；;：:、「『【〖」』】〗()（）~～\\[\\]]{2,60})");

	private static final Pattern URLISH = Pattern.compile("(?i)(https?:|www\\.|[a-z0-9-]+\\.(com|cn|to|net|org))");

	// 口令 shapes: ￥abc￥, ⇥abc⇤, long runs of ASCII letters and digits
	private static final Pattern TOKENISH = Pattern.compile("[￥$⇥⇤€₴]|^[A-Za-z0-9/:+=_-]{6,}$");

	/** The apps' own words: a phrase made only of them (and punctuation) says nothing. */
	private static final List<String> BOILERPLATE = List.of("拼多多", "多多", "temu", "app", "帮我砍一刀", "砍一刀", "帮我砍", "帮我点一下",
			"帮我点", "点一下", "帮我助力", "助力", "帮帮我", "帮我", "就差你了", "就差你", "复制这条信息", "复制这段描述", "复制此消息", "复制这条", "复制", "打开",
			"口令", "信息", "消息", "描述", "链接", "谢谢", "官方", "免费拿", "砍价", "好友", "快来", "一起", "邀请你", "邀请", "新人", "领现金", "现金",
			"提现", "红包", "我在", "看中了", "发现了", "自动识别", "长按", "识别", "分享", "给你", "你");

	/**
	 * The boilerplate as one pattern, longest words first, so a candidate is cleaned in
	 * one pass: this runs for every card of every feed page.
	 */
	private static final Pattern BOILERPLATE_WORDS = Pattern.compile(BOILERPLATE.stream()
		.sorted(java.util.Comparator.comparingInt(String::length).reversed())
		.map(Pattern::quote)
		.collect(java.util.stream.Collectors.joining("|")));

	/**
	 * Candidates tried per pattern: real share texts name their product in the first few
	 * brackets, and a text of hundreds of boilerplate brackets must not make every view
	 * of its card cost more.
	 */
	private static final int MAX_CANDIDATES = 8;

	private ProductPhrase() {
	}

	/**
	 * The phrase the text names, at most {@link #MAX_LENGTH} characters, or null.
	 * @param text a share text as pasted (any length, any characters)
	 * @return the phrase, or null when the text names none
	 */
	public static @Nullable String of(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String cleaned = readable(text.length() > MAX_SCAN ? text.substring(0, MAX_SCAN) : text);
		Matcher bracketed = BRACKETED.matcher(cleaned);
		for (int tried = 0; tried < MAX_CANDIDATES && bracketed.find(); tried++) {
			String phrase = usable(bracketed.group(1));
			if (phrase != null) {
				return phrase;
			}
		}
		Matcher afterVerb = AFTER_VERB.matcher(cleaned);
		for (int tried = 0; tried < MAX_CANDIDATES && afterVerb.find(); tried++) {
			String phrase = usable(afterVerb.group(1));
			if (phrase != null) {
				return phrase;
			}
		}
		return null;
	}

	/**
	 * The text without control and invisible format characters (bidi overrides,
	 * zero-width), every run of white space one space.
	 */
	static String readable(String text) {
		StringBuilder out = new StringBuilder(text.length());
		boolean space = false;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			int type = Character.getType(cp);
			if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
				space = true;
				continue;
			}
			if (type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
					|| type == Character.SURROGATE || type == Character.UNASSIGNED) {
				continue;
			}
			if (space && !out.isEmpty()) {
				out.append(' ');
			}
			space = false;
			out.appendCodePoint(cp);
		}
		return out.toString();
	}

	private static @Nullable String usable(String candidate) {
		String phrase = candidate.strip();
		if (phrase.isEmpty() || URLISH.matcher(phrase).find() || TOKENISH.matcher(phrase).find()) {
			return null;
		}
		if (!namesSomething(phrase)) {
			return null;
		}
		return shortened(phrase);
	}

	/**
	 * Whether, the apps' words and punctuation taken out, two letters or digits remain.
	 */
	private static boolean namesSomething(String phrase) {
		String rest = BOILERPLATE_WORDS.matcher(phrase.toLowerCase(Locale.ROOT)).replaceAll(" ");
		long letters = rest.codePoints().filter(Character::isLetterOrDigit).count();
		return letters >= 2;
	}

	private static String shortened(String phrase) {
		if (phrase.codePointCount(0, phrase.length()) <= MAX_LENGTH) {
			return phrase;
		}
		int end = phrase.offsetByCodePoints(0, MAX_LENGTH - 1);
		return phrase.substring(0, end).strip() + "…";
	}

}
