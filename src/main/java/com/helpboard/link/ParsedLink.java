package com.helpboard.link;

import java.util.Objects;

/**
 * An accepted help link.
 *
 * @param platform the app the link belongs to
 * @param campaignGuess campaign code such as {@code pdd-bargain}, or {@code null} when
 * unsure
 * @param canonicalUrl canonical https URL, or {@code null} when only a 口令 token was found
 * @param token the 口令 token, or {@code null}
 * @param dedupeKey what identifies the help request, e.g. {@code goods_id=123},
 * {@code short=Id2XBFcQ}, {@code token=aB3dE9fG}, {@code url=https://...}
 * @param rawText the trimmed input for members to copy, with control characters,
 * zero-width characters and bidi controls removed (what the parser checked, not what was
 * pasted); it is untrusted text and must be escaped when shown
 */
public record ParsedLink(Platform platform, String campaignGuess, String canonicalUrl, String token, String dedupeKey,
		String rawText) implements ParseResult {

	public ParsedLink {
		Objects.requireNonNull(platform, "platform");
		Objects.requireNonNull(dedupeKey, "dedupeKey");
		Objects.requireNonNull(rawText, "rawText");
	}

}
