package com.helpboard.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds URL candidates in pasted text.
 *
 * <p>
 * The text is cut into runs of characters that may appear in a URL: ASCII URL characters
 * plus non-CJK letters and digits (so a Cyrillic look-alike stays inside the host and
 * gets rejected instead of cutting the host short). Whitespace, emoji, CJK characters and
 * full-width punctuation end a run. In each run the scanner trims leading
 * non-alphanumerics and trailing sentence punctuation, then looks for a scheme-less host
 * ({@code p.pinduoduo.com/x}) or a {@code scheme://} / dangerous-scheme URL.
 */
final class ShareTextScanner {

	// RFC 3986 characters, plus '\' so that it can be refused rather than silently end
	// the URL.
	private static final String RUN_ASCII = "-._~:/?#[]@!$&'()*+,;=%\\";

	// Scheme-less host at the start of a run, with an optional port, then a path/query or
	// the end.
	private static final Pattern HOST_LIKE = Pattern
		.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N}-]*(?:\\.[\\p{L}\\p{N}-]+)+\\.?(:\\d*)?(?=[/?#\\\\]|$)");

	private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");

	// Schemes treated as a (refused) link even without "//", e.g. "javascript:alert(1)".
	private static final Set<String> BARE_SCHEMES = Set.of("javascript", "vbscript", "data", "file", "blob", "about",
			"mailto", "tel", "sms", "intent", "jar", "view-source", "filesystem", "http", "https");

	private ShareTextScanner() {
	}

	/**
	 * URL candidates in order of appearance, each with a scheme.
	 * @param text the stripped input
	 * @return candidates, possibly empty
	 */
	static List<Candidate> candidates(String text) {
		List<Candidate> out = new ArrayList<>();
		boolean wholeInput = isSingleRun(text);
		int i = 0;
		while (i < text.length()) {
			int cp = text.codePointAt(i);
			if (!isRunChar(cp)) {
				i += Character.charCount(cp);
				continue;
			}
			int start = i;
			while (i < text.length() && isRunChar(text.codePointAt(i))) {
				i += Character.charCount(text.codePointAt(i));
			}
			Candidate candidate = classify(trim(text.substring(start, i)), wholeInput);
			if (candidate != null) {
				out.add(candidate);
			}
		}
		return out;
	}

	/**
	 * Whether the whole text is one run, i.e. it is pasted as a single URL.
	 * @param text the stripped input
	 * @return true when no separator occurs
	 */
	static boolean isSingleRun(String text) {
		int i = 0;
		while (i < text.length()) {
			int cp = text.codePointAt(i);
			if (!isRunChar(cp)) {
				return false;
			}
			i += Character.charCount(cp);
		}
		return !text.isEmpty();
	}

	private static Candidate classify(String run, boolean wholeInput) {
		if (run.isEmpty()) {
			return null;
		}
		Matcher host = HOST_LIKE.matcher(run);
		if (host.find() && hasDomainTld(host.group())) {
			boolean bareHost = host.end() == run.length() && host.group(1) == null;
			// a bare "temu.com" in a sentence is a mention, not a link; pasted alone it
			// is a link
			if (bareHost && !wholeInput) {
				return null;
			}
			return new Candidate("https://" + run);
		}
		Matcher scheme = SCHEME.matcher(run);
		while (scheme.find()) {
			String name = run.substring(scheme.start(), scheme.end() - 1).toLowerCase(Locale.ROOT);
			boolean slashes = run.startsWith("//", scheme.end());
			boolean more = scheme.end() < run.length();
			if (slashes || (more && BARE_SCHEMES.contains(name))) {
				return new Candidate(run.substring(scheme.start()));
			}
		}
		return null;
	}

	// The last label must look like a TLD (letters or punycode), so "9.9" or "v1.2" are
	// not hosts.
	private static boolean hasDomainTld(String hostAndPort) {
		String host = hostAndPort;
		int colon = host.indexOf(':');
		if (colon >= 0) {
			host = host.substring(0, colon);
		}
		if (host.endsWith(".")) {
			host = host.substring(0, host.length() - 1);
		}
		String tld = host.substring(host.lastIndexOf('.') + 1);
		if (tld.startsWith("xn--") || tld.startsWith("XN--")) {
			return true;
		}
		if (tld.codePointCount(0, tld.length()) < 2) {
			return false;
		}
		return tld.codePoints().allMatch(Character::isLetter);
	}

	// Leading non-alphanumerics ("(", ":", quotes) and trailing sentence punctuation are
	// not part
	// of the URL; a ")" or "]" is trimmed only when unbalanced.
	static String trim(String run) {
		int start = 0;
		while (start < run.length() && !Character.isLetterOrDigit(run.codePointAt(start))) {
			start += Character.charCount(run.codePointAt(start));
		}
		int end = run.length();
		while (end > start) {
			char last = run.charAt(end - 1);
			String body = run.substring(start, end);
			if (".,;:!?'*".indexOf(last) >= 0 || (last == ')' && count(body, ')') > count(body, '('))
					|| (last == ']' && count(body, ']') > count(body, '['))) {
				end--;
			}
			else {
				break;
			}
		}
		return run.substring(start, end);
	}

	private static int count(String s, char c) {
		int n = 0;
		for (int i = 0; i < s.length(); i++) {
			if (s.charAt(i) == c) {
				n++;
			}
		}
		return n;
	}

	static boolean isRunChar(int cp) {
		if (cp < 128) {
			return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')
					|| RUN_ASCII.indexOf(cp) >= 0;
		}
		if (!Character.isLetterOrDigit(cp)) {
			return false;
		}
		Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
		if (block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
				|| block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION) {
			return false;
		}
		Character.UnicodeScript script = Character.UnicodeScript.of(cp);
		return script != Character.UnicodeScript.HAN && script != Character.UnicodeScript.HIRAGANA
				&& script != Character.UnicodeScript.KATAKANA && script != Character.UnicodeScript.HANGUL
				&& script != Character.UnicodeScript.BOPOMOFO;
	}

	/**
	 * A URL candidate.
	 *
	 * @param url the candidate, starting with a scheme
	 */
	record Candidate(String url) {

	}

}
