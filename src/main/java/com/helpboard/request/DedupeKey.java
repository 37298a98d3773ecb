package com.helpboard.request;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.helpboard.link.ParsedLink;

/**
 * What makes two requests in a group the same: the parsed link's key, told apart by
 * campaign where one goods can be asked for in several, and hashed when too long to
 * store.
 */
record DedupeKey(String value) {

	/** The longest key stored as it is; longer ones are stored as their SHA-256. */
	static final int MAX_LENGTH = 200;

	static final String HASHED = "sha256:";

	DedupeKey {
		if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("a dedupe key is 1 to " + MAX_LENGTH + " characters: " + value);
		}
	}

	static DedupeKey of(ParsedLink link, Campaign campaign) {
		return of(link.dedupeKey(), campaign.code());
	}

	/**
	 * The key of a link's own key ({@code linkKey}) posted in a campaign.
	 */
	static DedupeKey of(String linkKey, String campaign) {
		String key = linkKey;
		if (key.startsWith("goods_id=")) {
			// the same goods can be bargained and group-bought
			// at once: the campaign tells them apart
			key = key + "|" + campaign;
		}
		if (key.length() > MAX_LENGTH) {
			key = HASHED + sha256(key);
		}
		return new DedupeKey(key);
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return this.value;
	}

}
