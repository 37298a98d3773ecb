package com.helpboard.link;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.helpboard.link.CanonicalUrl.Param;

/**
 * Checks one URL candidate against the host rules and builds its canonical form.
 *
 * <p>
 * Query parameters: a parameter on the {@link #IDENTIFYING} list is always kept (it wins
 * over the tracking prefixes, e.g. {@code share_code} despite {@code share_*}). Otherwise
 * parameters matching {@link #TRACKING_EXACT} or {@link #TRACKING_PREFIXES} (compared
 * case-insensitively) are dropped. Unknown parameters are kept, because app-gated landing
 * pages may need them and dropping them could break a link. Kept parameters are sorted by
 * name, then value, so equal links give equal strings.
 *
 * <p>
 * Percent-encoding follows RFC 3986 §6.2.2: escapes of unreserved characters are decoded,
 * other escapes get upper-case hex, characters that may not appear raw are UTF-8 encoded,
 * and a stray {@code %} becomes {@code %25}. A literal {@code +} in the query is kept as
 * is (it may mean a space), {@code %2B} stays encoded.
 */
final class UrlCanonicalizer {

	static final List<String> PINDUODUO_HOSTS = List.of("yangkeduo.com", "pinduoduo.com");

	static final List<String> TEMU_HOSTS = List.of("temu.com", "temu.to");

	/** Parameters that identify the help request; never dropped. */
	static final Set<String> IDENTIFYING = Set.of("goods_id", "group_order_id", "activity_id", "act_id", "share_code",
			"share_token", "invite_code", "invitation_code", "code", "pxq_secret_key");

	/** Tracking and affiliate parameters dropped by exact (lower-case) name. */
	static final Set<String> TRACKING_EXACT = Set.of("uin", "sc", "_t", "t_", "timestamp", "ts", "_ts", "_wv", "_wvx",
			"__rp_name", "spm", "scm", "pid", "cpssign", "cps_sign", "duoduo_type", "customparameters", "page_from",
			"from_share", "is_share", "_bg_fs", "fbclid", "gclid", "msclkid", "yclid", "mkt_tok", "igshid", "_ga",
			"_gl", "ref", "ref_src", "srcid", "source_id", "launch_pdd", "_pdd_fs", "_pdd_tc", "_pdd_sbs", "_pdd_nc");

	/** Tracking parameters dropped by (lower-case) prefix. */
	static final List<String> TRACKING_PREFIXES = List.of("refer_", "_oak_", "_x_", "_p_", "share_", "utm_", "_pdd_",
			"_ex_", "mc_", "pk_", "hmsr", "_hsenc", "_hsmi");

	// RFC 3986 sub-delims plus ':' and '@' may stay raw in a path segment.
	private static final String PATH_RAW = "!$&'()*+,;=:@";

	// In a query name '&', '=' and '#' must be encoded;
	// '+' stays raw because it may mean a space.
	private static final String QUERY_NAME_RAW = "!$'()*+,;:@/?";

	private static final String QUERY_VALUE_RAW = QUERY_NAME_RAW + "=";

	// A canonical URL must not end in a character the share-text
	// scanner trims, or it would not re-parse to itself.
	static final String TRIMMED_AT_END = ".,;:!?'*)]";

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private UrlCanonicalizer() {
	}

	/**
	 * Check and canonicalise a candidate that starts with a scheme.
	 * @param candidate e.g. {@code https://mobile.yangkeduo.com/goods.html?goods_id=1}
	 * @return the canonical URL or a rejection
	 */
	static Checked check(String candidate) {
		int colon = candidate.indexOf(':');
		if (colon <= 0) {
			return reject(Reason.MALFORMED_URL, "no scheme");
		}
		String scheme = candidate.substring(0, colon).toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return reject(Reason.SCHEME_NOT_ALLOWED, "scheme '" + scheme + ":' is not allowed, only http and https");
		}
		String rest = candidate.substring(colon + 1);
		if (!rest.startsWith("//")) {
			return reject(Reason.MALFORMED_URL, "missing '//' after '" + scheme + ":'");
		}
		rest = rest.substring(2);
		if (rest.indexOf('\\') >= 0) {
			// browsers read '\' as '/', other parsers
			// do not: refuse rather than guess the host
			return reject(Reason.MALFORMED_URL, "backslash in URL");
		}
		int authorityEnd = indexOfAny(rest, "/?#");
		String authority = (authorityEnd < 0) ? rest : rest.substring(0, authorityEnd);
		String tail = (authorityEnd < 0) ? "" : rest.substring(authorityEnd);
		if (authority.indexOf('@') >= 0) {
			// name the real host but never echo the user info: it may hold a password
			return reject(Reason.CREDENTIALS_IN_URL,
					"user name or password before the host " + authority.substring(authority.lastIndexOf('@') + 1));
		}
		if (authority.startsWith("[")) {
			return reject(Reason.HOST_NOT_ALLOWED, "IP address host " + authority);
		}
		String host = authority;
		int portColon = authority.lastIndexOf(':');
		if (portColon >= 0) {
			host = authority.substring(0, portColon);
			Checked portProblem = checkPort(scheme, authority.substring(portColon + 1));
			if (portProblem != null) {
				return portProblem;
			}
		}
		if (host.endsWith(".")) {
			// fully-qualified form "yangkeduo.com." names the same host
			host = host.substring(0, host.length() - 1);
		}
		if (host.isEmpty()) {
			return reject(Reason.MALFORMED_URL, "no host");
		}
		String ascii = toAsciiHost(host);
		if (ascii == null) {
			return reject(Reason.MALFORMED_URL, "host '" + host + "' is not a valid domain name");
		}
		if (isNumeric(ascii.substring(ascii.lastIndexOf('.') + 1))) {
			return reject(Reason.HOST_NOT_ALLOWED, "IP address host " + ascii);
		}
		Platform platform = platformOf(ascii);
		if (platform == null) {
			return reject(Reason.HOST_NOT_ALLOWED, "host " + ascii + " is not a Pinduoduo or Temu host");
		}
		int hash = tail.indexOf('#');
		if (hash >= 0) {
			tail = tail.substring(0, hash);
		}
		int question = tail.indexOf('?');
		String rawPath = (question < 0) ? tail : tail.substring(0, question);
		String rawQuery = (question < 0) ? "" : tail.substring(question + 1);
		String path = normalisePath(rawPath);
		List<Param> params = normaliseQuery(rawQuery);
		StringBuilder url = new StringBuilder("https://").append(ascii).append(path);
		if (!params.isEmpty()) {
			url.append('?');
			for (int i = 0; i < params.size(); i++) {
				url.append((i > 0) ? "&" : "").append(params.get(i).render());
			}
		}
		encodeTrailingTrimmable(url);
		if (url.length() > LinkParser.MAX_URL) {
			return reject(Reason.TOO_LONG, "canonical URL longer than " + LinkParser.MAX_URL + " characters");
		}
		return new Checked(new CanonicalUrl(platform, ascii, path, List.copyOf(params), url.toString()), null);
	}

	static Platform platformOf(String asciiHost) {
		if (matchesAny(asciiHost, PINDUODUO_HOSTS)) {
			return Platform.PINDUODUO;
		}
		if (matchesAny(asciiHost, TEMU_HOSTS)) {
			return Platform.TEMU;
		}
		return null;
	}

	// Exact host or a true subdomain: "x.yangkeduo.com" yes,
	// "notyangkeduo.com" and "yangkeduo.com.evil.cn" no.
	private static boolean matchesAny(String host, List<String> allowed) {
		for (String domain : allowed) {
			if (host.equals(domain) || host.endsWith("." + domain)) {
				return true;
			}
		}
		return false;
	}

	private static Checked checkPort(String scheme, String port) {
		if (port.isEmpty()) {
			return null;
		}
		if (port.length() > 5 || !isNumeric(port)) {
			return reject(Reason.MALFORMED_URL, "invalid port '" + port + "'");
		}
		int defaultPort = scheme.equals("https") ? 443 : 80;
		if (Integer.parseInt(port) != defaultPort) {
			// another port is another server: treat it like another host
			return reject(Reason.HOST_NOT_ALLOWED, "port " + port + " is not allowed");
		}
		return null;
	}

	// IDN to ASCII with STD3 rules, then a strict
	// LDH check of every label; null when invalid.
	private static String toAsciiHost(String host) {
		String ascii;
		try {
			ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		if (ascii.isEmpty() || ascii.length() > 253) {
			return null;
		}
		for (String label : ascii.split("\\.", -1)) {
			if (!isLdhLabel(label)) {
				return null;
			}
		}
		return ascii;
	}

	private static boolean isLdhLabel(String label) {
		if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
			return false;
		}
		for (int i = 0; i < label.length(); i++) {
			char c = label.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
				return false;
			}
		}
		return true;
	}

	private static boolean isNumeric(String s) {
		if (s.isEmpty()) {
			return false;
		}
		for (int i = 0; i < s.length(); i++) {
			if (s.charAt(i) < '0' || s.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	// Normalise segments, then remove "." and ".."
	// (RFC 3986 §5.2.4); an empty path becomes "/".
	static String normalisePath(String rawPath) {
		if (rawPath.isEmpty()) {
			return "/";
		}
		String[] segments = rawPath.split("/", -1);
		List<String> out = new ArrayList<>();
		for (int i = 1; i < segments.length; i++) {
			String segment = normaliseComponent(segments[i], PATH_RAW);
			boolean last = (i == segments.length - 1);
			if (segment.equals(".") || segment.equals("..")) {
				if (segment.equals("..") && !out.isEmpty()) {
					out.remove(out.size() - 1);
				}
				if (last) {
					out.add("");
				}
			}
			else {
				out.add(segment);
			}
		}
		return "/" + String.join("/", out);
	}

	static List<Param> normaliseQuery(String rawQuery) {
		List<Param> params = new ArrayList<>();
		for (String pair : rawQuery.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = normaliseComponent((eq < 0) ? pair : pair.substring(0, eq), QUERY_NAME_RAW);
			String value = (eq < 0) ? null : normaliseComponent(pair.substring(eq + 1), QUERY_VALUE_RAW);
			if (keep(name)) {
				params.add(new Param(name, value));
			}
		}
		params.sort(Comparator.comparing((Param p) -> sortKey(p.name()))
			.thenComparing((Param p) -> sortKey((p.value() != null) ? p.value() : ""))
			.thenComparing((Param p) -> p.value() != null)
			.thenComparing(Param::name)
			.thenComparing((Param p) -> (p.value() != null) ? p.value() : ""));
		return params;
	}

	// The last character of the URL may get escaped (see
	// encodeTrailingTrimmable); sorting on the unescaped form keeps
	// the order, and so the canonical URL, stable on re-parse.
	private static String sortKey(String component) {
		if (component.indexOf('%') < 0) {
			return component;
		}
		StringBuilder out = new StringBuilder(component);
		for (int i = 0; i < TRIMMED_AT_END.length(); i++) {
			char c = TRIMMED_AT_END.charAt(i);
			String escape = "%" + HEX[c >> 4] + HEX[c & 0xF];
			int at;
			while ((at = out.indexOf(escape)) >= 0) {
				out.replace(at, at + 3, String.valueOf(c));
			}
		}
		return out.toString();
	}

	static boolean keep(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (IDENTIFYING.contains(lower)) {
			return true;
		}
		if (TRACKING_EXACT.contains(lower)) {
			return false;
		}
		for (String prefix : TRACKING_PREFIXES) {
			if (lower.startsWith(prefix)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * RFC 3986 §6.2.2 normalisation of one component; idempotent.
	 * @param raw the raw component
	 * @param rawAllowed reserved characters that may stay unencoded
	 * @return the normalised component
	 */
	static String normaliseComponent(String raw, String rawAllowed) {
		StringBuilder out = new StringBuilder(raw.length() + 8);
		int i = 0;
		while (i < raw.length()) {
			char c = raw.charAt(i);
			if (c == '%') {
				if (i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
					int b = Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16);
					if (isUnreserved((char) b)) {
						out.append((char) b);
					}
					else {
						appendEscape(out, b);
					}
					i += 3;
				}
				else {
					out.append("%25");
					i++;
				}
			}
			else if (c < 128 && (isUnreserved(c) || rawAllowed.indexOf(c) >= 0)) {
				out.append(c);
				i++;
			}
			else {
				int cp = raw.codePointAt(i);
				int width = Character.charCount(cp);
				if (Character.isSurrogate((char) cp)) {
					// a lone surrogate has no UTF-8 form:
					// write U+FFFD like an encoder would
					cp = 0xFFFD;
				}
				for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
					appendEscape(out, b & 0xFF);
				}
				i += width;
			}
		}
		return out.toString();
	}

	private static void encodeTrailingTrimmable(StringBuilder url) {
		char last = url.charAt(url.length() - 1);
		if (TRIMMED_AT_END.indexOf(last) >= 0) {
			url.setLength(url.length() - 1);
			appendEscape(url, last);
		}
	}

	private static void appendEscape(StringBuilder out, int b) {
		out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
	}

	private static boolean isHex(char c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

	private static boolean isUnreserved(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~';
	}

	private static int indexOfAny(String s, String chars) {
		for (int i = 0; i < s.length(); i++) {
			if (chars.indexOf(s.charAt(i)) >= 0) {
				return i;
			}
		}
		return -1;
	}

	private static Checked reject(Reason reason, String detail) {
		return new Checked(null, new Rejection(reason, detail));
	}

	/**
	 * Either a canonical URL or a rejection.
	 *
	 * @param url the canonical URL, or {@code null}
	 * @param rejection the rejection, or {@code null}
	 */
	record Checked(CanonicalUrl url, Rejection rejection) {

	}

}
