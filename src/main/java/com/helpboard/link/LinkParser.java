package com.helpboard.link;

import java.util.Objects;

import com.helpboard.link.ShareTextScanner.Candidate;
import com.helpboard.link.TokenFinder.Token;
import com.helpboard.link.UrlCanonicalizer.Checked;

/**
 * Turns a pasted URL, a whole share text, a text with only a 口令 token, or a QR screenshot
 * into a {@link ParsedLink}, or says why not with a {@link Rejection}. Never throws and
 * never fetches anything. Thread-safe; QR decodes are throttled by
 * {@link QrDecodeLimits}.
 *
 * <p>
 * Rules:
 * <ul>
 * <li>Hosts {@code yangkeduo.com}, {@code pinduoduo.com}, {@code temu.com},
 * {@code temu.to} and their true subdomains, after IDN to ASCII; anything else, IP
 * literals and non-default ports are {@link Reason#HOST_NOT_ALLOWED}.</li>
 * <li>Only http/https; http is upgraded; scheme-less {@code p.pinduoduo.com/x} is read as
 * https.</li>
 * <li>Before scanning, invisible characters (zero-width, bidi controls, other format
 * characters) are removed and the text is NFKC-normalised with every full-stop look-alike
 * ({@code 。．｡}) read as {@code .} (see {@link TextCleaner}); the stored raw text is the
 * cleaned text.</li>
 * <li>A text that contains any refused link (other host, other scheme, credentials) or
 * any other host or IP address, even a bare {@code evil.cn} or {@code 1.2.3.4} in a
 * sentence, is refused as a whole, even when it also has an allowed link: the raw text is
 * shown to other members for copying, chat apps turn bare hosts into links, and it must
 * not carry a third-party link. A bare allowed host in a sentence is a mention, not the
 * link.</li>
 * <li>Dedupe key, first match wins: {@code group_order_id=}, {@code goods_id=},
 * {@code short=} (p.pinduoduo.com path, temu.to path), {@code invite=} (temu.com
 * {@code /a/code}), {@code share=} (share.temu.com/code), {@code url=} + canonical URL;
 * without a link {@code token=}.</li>
 * <li>A token without a link needs a platform: the ⇥⇤ form is Pinduoduo, otherwise the
 * text must name 拼多多/Temu (a bare ￥token￥ is usually Taobao).</li>
 * </ul>
 */
public final class LinkParser {

	public static final int MAX_URL = 2048;

	public static final int MAX_TEXT = 1000;

	public static final int MAX_IMAGE_BYTES = 2 * 1024 * 1024;

	// Short-link, invite and share codes.
	private static final String CODE = "[A-Za-z0-9_-]{4,64}";

	// Values of identifying parameters such as goods_id.
	private static final String ID = "[A-Za-z0-9_-]{1,64}";

	private final QrDecodeGate qrDecodes;

	/**
	 * A parser with the default QR decode limits ({@link QrDecodeLimits#DEFAULT}), shared
	 * with every other parser using them.
	 */
	public LinkParser() {
		this(QrDecodeLimits.DEFAULT);
	}

	/**
	 * A parser with the given QR decode limits; parsers with equal limits share one set
	 * of decoders, so the limits hold across the JVM.
	 * @param qrLimits the limits for {@link #parseQr(byte[])}
	 */
	public LinkParser(QrDecodeLimits qrLimits) {
		this(QrDecodeGate.shared(Objects.requireNonNull(qrLimits, "qrLimits")));
	}

	// for tests: a gate of its own, e.g. with a slow decoder
	LinkParser(QrDecodeGate qrDecodes) {
		this.qrDecodes = qrDecodes;
	}

	/**
	 * Parse a URL, a share text or a text with a 口令 token.
	 * @param input what the member pasted, may be {@code null}
	 * @return a parsed link or a rejection, never {@code null}
	 */
	public ParseResult parse(String input) {
		try {
			return parseText(input);
		}
		catch (RuntimeException ex) {
			// last resort: the rules above should leave nothing to throw
			return new Rejection(Reason.MALFORMED_URL, "could not read input: " + ex.getClass().getSimpleName());
		}
	}

	/**
	 * Decode a QR code screenshot (PNG or JPEG, at most {@link #MAX_IMAGE_BYTES}, at most
	 * 4096 pixels a side and about 8 Mpx, decoded as a grey copy of at most 1200 pixels a
	 * side) and parse its text. Decodes are throttled by the parser's
	 * {@link QrDecodeLimits}: when all decoders stay busy this returns
	 * {@link Reason#IMAGE_BUSY}, when decoding takes too long
	 * {@link Reason#IMAGE_TOO_COMPLEX}.
	 * @param image the uploaded bytes, may be {@code null}
	 * @return a parsed link or a rejection, never {@code null}
	 */
	public ParseResult parseQr(byte[] image) {
		if (image == null || image.length == 0) {
			return new Rejection(Reason.EMPTY, "no image data");
		}
		if (image.length > MAX_IMAGE_BYTES) {
			return new Rejection(Reason.IMAGE_TOO_LARGE,
					"image is " + image.length + " bytes, limit " + MAX_IMAGE_BYTES + " bytes");
		}
		try {
			// header checks are cheap and need no decoder
			Rejection header = QrImageReader.checkHeader(image);
			if (header != null) {
				return header;
			}
			QrImageReader.Decoded decoded = this.qrDecodes.decode(image);
			return (decoded.rejection() != null) ? decoded.rejection() : parse(decoded.text());
		}
		catch (RuntimeException ex) {
			return new Rejection(Reason.IMAGE_UNREADABLE, "could not read image: " + ex.getClass().getSimpleName());
		}
	}

	private ParseResult parseText(String input) {
		// invisible characters go first, so that "e\u200Bvil.cn"
		// is read, stored and copied as "evil.cn"
		String text = (input != null) ? strip(TextCleaner.clean(input)) : "";
		if (text.isEmpty()) {
			return new Rejection(Reason.EMPTY, "nothing was pasted");
		}
		if (text.length() > MAX_URL) {
			return new Rejection(Reason.TOO_LONG, "input is " + text.length() + " characters");
		}
		String scanned = TextCleaner.forScanning(text);
		// up to MAX_URL only for a lone URL; any other text is capped at MAX_TEXT
		if (text.length() > MAX_TEXT && !ShareTextScanner.isSingleRun(scanned)) {
			return new Rejection(Reason.TOO_LONG, "text is " + text.length() + " characters, limit " + MAX_TEXT);
		}
		String rawText = sanitise(text);
		CanonicalUrl link = null;
		// every link and every host mention must pass, even after an allowed link
		for (Candidate candidate : ShareTextScanner.candidates(scanned)) {
			Checked checked = UrlCanonicalizer.check(candidate.url());
			if (checked.rejection() != null) {
				return checked.rejection();
			}
			if (link == null && !candidate.mention()) {
				link = checked.url();
			}
		}
		Token token = TokenFinder.find(scanned);
		if (link != null) {
			String campaign = CampaignGuesser.guess(link.platform(), scanned, link);
			return new ParsedLink(link.platform(), campaign, link.url(), (token != null) ? token.value() : null,
					dedupeKey(link), rawText);
		}
		if (token != null && token.platform() != null) {
			String campaign = CampaignGuesser.guess(token.platform(), scanned, null);
			return new ParsedLink(token.platform(), campaign, null, token.value(), "token=" + token.value(), rawText);
		}
		if (token != null) {
			return new Rejection(Reason.NO_LINK_OR_TOKEN, "token without 拼多多 or Temu in the text");
		}
		return new Rejection(Reason.NO_LINK_OR_TOKEN, "no link or token found");
	}

	// Built only from the canonical parts, so the
	// canonical URL re-parses to the same key.
	static String dedupeKey(CanonicalUrl link) {
		String groupOrder = link.param("group_order_id");
		if (groupOrder != null && groupOrder.matches(ID)) {
			return "group_order_id=" + groupOrder;
		}
		String goods = link.param("goods_id");
		if (goods != null && goods.matches(ID)) {
			return "goods_id=" + goods;
		}
		String host = link.host();
		String path = link.path();
		String trimmedPath = (path.length() > 1 && path.endsWith("/")) ? path.substring(0, path.length() - 1) : path;
		if (host.equals("p.pinduoduo.com") && trimmedPath.matches("/" + CODE)) {
			return "short=" + trimmedPath.substring(1);
		}
		if (host.equals("temu.to") && trimmedPath.matches("(/" + CODE + "){1,3}|/[A-Za-z0-9]{1,4}(/" + CODE + ")")) {
			return "short=" + trimmedPath.substring(1);
		}
		if (host.equals("share.temu.com") && trimmedPath.matches("/" + CODE)) {
			return "share=" + trimmedPath.substring(1);
		}
		if (link.platform() == Platform.TEMU && host.endsWith("temu.com") && trimmedPath.matches("/a/" + CODE)) {
			return "invite=" + trimmedPath.substring(3);
		}
		return "url=" + link.url();
	}

	// Trim whitespace, controls and invisible format characters (zero-width space, BOM).
	private static String strip(String s) {
		int start = 0;
		int end = s.length();
		while (start < end && isBlankChar(s.charAt(start))) {
			start++;
		}
		while (end > start && isBlankChar(s.charAt(end - 1))) {
			end--;
		}
		return s.substring(start, end);
	}

	private static boolean isBlankChar(char c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
				|| Character.getType(c) == Character.FORMAT;
	}

	// The raw text is stored and shown: drop controls other than newline/tab (NUL breaks
	// PostgreSQL text) and replace lone surrogates (not encodable as UTF-8).
	private static String sanitise(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				out.append(c).append(text.charAt(i + 1));
				i++;
			}
			else if (Character.isSurrogate(c)) {
				out.append('\uFFFD');
			}
			else if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
				out.append(c);
			}
		}
		return out.toString();
	}

}
