package com.helpboard.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds URL candidates and host mentions in pasted text.
 *
 * <p>
 * The text (already cleaned and normalised by {@link TextCleaner}) is cut into runs of
 * characters that may appear in a URL: ASCII URL characters plus non-CJK letters and
 * digits (so a Cyrillic look-alike stays inside the host and gets rejected instead of
 * cutting the host short). Whitespace, emoji, CJK characters and full-width punctuation
 * end a run. In each run the scanner trims leading non-alphanumerics and trailing
 * sentence punctuation, then walks it from left to right:
 * <ul>
 * <li>a {@code scheme://} or dangerous-scheme URL runs to the end of the run;</li>
 * <li>a host ({@code name.tld} or an IPv4 address) followed by a path, query, port or the
 * end of the run is a scheme-less URL ({@code p.pinduoduo.com/x}) and also runs to the
 * end;</li>
 * <li>a host followed by other punctuation ({@code evil.cn,}, {@code temu.com@evil.cn}),
 * or a bare host inside a longer text, is a mention: it is never the link, but it is
 * checked, because the copy button copies it and chat apps turn it into a link;</li>
 * <li>a bracketed IPv6 address anywhere is a mention;</li>
 * <li>inside a URL, an embedded {@code http(s)://} (e.g. a redirect parameter) is a
 * mention too. Scheme-less names inside a path or query ({@code goods.html}) are not
 * hosts.</li>
 * </ul>
 */
final class ShareTextScanner {

	// RFC 3986 characters, plus '\' so that it can
	// be refused rather than silently end the URL.
	private static final String RUN_ASCII = "-._~:/?#[]@!$&'()*+,;=%\\";

	// A dotted name (or IPv4 address) that does not continue a word, then an optional
	// trailing dot and port.
	private static final Pattern HOST = Pattern
		.compile("(?<![\\p{L}\\p{N}])([\\p{L}\\p{N}][\\p{L}\\p{N}-]*(?:\\.[\\p{L}\\p{N}-]+)+)(\\.?)(:\\d*)?");

	// Bracketed IPv6 literal; checked further in isIpv6.
	private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]+\\]");

	private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");

	private static final Pattern EMBEDDED_WEB_URL = Pattern.compile("(?i)https?://");

	// Schemes treated as a (refused) link even without "//", e.g. "javascript:alert(1)".
	private static final Set<String> BARE_SCHEMES = Set.of("javascript", "vbscript", "data", "file", "blob", "about",
			"mailto", "tel", "sms", "intent", "jar", "view-source", "filesystem", "http", "https");

	private ShareTextScanner() {
	}

	/**
	 * URL candidates and host mentions in order of appearance, each with a scheme.
	 * @param text the cleaned, normalised input
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
			scanRun(text.substring(start, i), wholeInput, out);
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

	private static void scanRun(String run, boolean wholeInput, List<Candidate> out) {
		Matcher ipv6 = IPV6.matcher(run);
		while (ipv6.find()) {
			if (isIpv6(ipv6.group())) {
				out.add(new Candidate("https://" + ipv6.group(), true));
			}
		}
		String body = trim(run);
		Matcher host = HOST.matcher(body);
		Matcher scheme = SCHEME.matcher(body);
		int pos = 0;
		while (pos < body.length()) {
			int hostAt = nextHost(host, pos);
			int schemeAt = nextScheme(scheme, body, pos);
			if (schemeAt >= 0 && (hostAt < 0 || schemeAt < hostAt)) {
				addUrl(body.substring(schemeAt), out);
				return;
			}
			if (hostAt < 0) {
				return;
			}
			int end = host.end();
			String port = host.group(3);
			if (end == body.length() || "/?#\\".indexOf(body.charAt(end)) >= 0) {
				boolean bareHost = end == body.length() && port == null;
				if (bareHost && !wholeInput) {
					// "temu.com" in a sentence is a mention,
					// not the link; pasted alone it is the link
					out.add(new Candidate("https://" + body.substring(hostAt), true));
				}
				else {
					addUrl("https://" + body.substring(hostAt), out);
				}
				return;
			}
			out.add(new Candidate("https://" + host.group(1) + ((port != null) ? port : ""), true));
			pos = end;
		}
	}

	// The URL itself, then any http(s) URL embedded in its path or query.
	private static void addUrl(String url, List<Candidate> out) {
		out.add(new Candidate(url, false));
		int schemeEnd = url.indexOf("//");
		if (schemeEnd < 0) {
			return;
		}
		Matcher embedded = EMBEDDED_WEB_URL.matcher(url);
		int from = schemeEnd + 2;
		while (from < url.length() && embedded.find(from)) {
			out.add(new Candidate(url.substring(embedded.start()), true));
			from = embedded.end();
		}
	}

	// Start of the next real host at or after pos, -1 if none; leaves the matcher on it.
	private static int nextHost(Matcher host, int pos) {
		int from = pos;
		while (from < host.regionEnd() && host.find(from)) {
			if (isHost(host.group(1))) {
				return host.start();
			}
			from = host.end();
		}
		return -1;
	}

	// Start of the next scheme that makes a link: "x://" or a dangerous bare scheme.
	private static int nextScheme(Matcher scheme, String body, int pos) {
		if (pos >= body.length() || !scheme.find(pos)) {
			return -1;
		}
		do {
			String name = body.substring(scheme.start(), scheme.end() - 1).toLowerCase(Locale.ROOT);
			boolean slashes = body.startsWith("//", scheme.end());
			boolean more = scheme.end() < body.length();
			if (slashes || (more && BARE_SCHEMES.contains(name))) {
				return scheme.start();
			}
		}
		while (scheme.find());
		return -1;
	}

	// A host needs a TLD-shaped last label (2-63 letters, or punycode "xn--"), so
	// prices ("9.9"), versions ("v1.2.3") and file-less numbers are not hosts; four
	// numbers up to 255 are an IPv4 address. Real words joined by a dot ("Mr.Wang")
	// do count: better a false refusal than a foreign link on the board.
	static boolean isHost(String name) {
		String[] labels = name.split("\\.", -1);
		if (labels.length == 4 && isIpv4(labels)) {
			return true;
		}
		String tld = labels[labels.length - 1];
		if (tld.regionMatches(true, 0, "xn--", 0, 4)) {
			return true;
		}
		int letters = tld.codePointCount(0, tld.length());
		return letters >= 2 && letters <= 63 && tld.codePoints().allMatch(Character::isLetter);
	}

	private static boolean isIpv4(String[] labels) {
		for (String label : labels) {
			if (label.isEmpty() || label.length() > 3 || !label.chars().allMatch((c) -> c >= '0' && c <= '9')
					|| Integer.parseInt(label) > 255) {
				return false;
			}
		}
		return true;
	}

	// "[::1]" or "[2001:db8::1]": a "::" or the
	// full eight groups; "[12:30:00]" is a time.
	private static boolean isIpv6(String bracketed) {
		String inner = bracketed.substring(1, bracketed.length() - 1);
		long colons = inner.chars().filter((c) -> c == ':').count();
		return inner.contains("::") || colons == 7;
	}

	// Leading non-alphanumerics ("(", ":", quotes) and trailing sentence punctuation
	// are not part of the URL; a ")" or "]" is trimmed only when unbalanced.
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
	record Candidate(String url, boolean mention) {

	}

}
