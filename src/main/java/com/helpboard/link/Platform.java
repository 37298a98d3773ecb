package com.helpboard.link;

/**
 * The shopping app a help link belongs to.
 */
public enum Platform {

	PINDUODUO("pinduoduo"), TEMU("temu");

	private final String code;

	Platform(String code) {
		this.code = code;
	}

	/**
	 * Stable lower-case code for storage and URLs.
	 * @return {@code "pinduoduo"} or {@code "temu"}
	 */
	public String code() {
		return this.code;
	}

}
