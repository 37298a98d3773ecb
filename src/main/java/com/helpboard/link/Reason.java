package com.helpboard.link;

import java.util.Locale;

/**
 * Why an input was not accepted. Each reason has a message-bundle key.
 */
public enum Reason {

	EMPTY, TOO_LONG, NO_LINK_OR_TOKEN, SCHEME_NOT_ALLOWED, HOST_NOT_ALLOWED, CREDENTIALS_IN_URL, MALFORMED_URL,
	IMAGE_TOO_LARGE, IMAGE_UNREADABLE, NO_QR_CODE,

	/** More pixels than the decoder accepts; the member should crop the QR code. */
	IMAGE_TOO_MANY_PIXELS,

	/** All QR decoders stayed busy; try again later. */
	IMAGE_BUSY,

	/** Decoding took longer than the time limit and was abandoned. */
	IMAGE_TOO_COMPLEX;

	/**
	 * Message bundle key, e.g. {@code link.rejected.host-not-allowed}.
	 * @return the key
	 */
	public String messageKey() {
		return "link.rejected." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
