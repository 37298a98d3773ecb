package com.helpboard.link;

import java.util.List;

/**
 * A checked and normalised allowed-host URL.
 *
 * @param platform platform of the host
 * @param host lower-case ASCII host
 * @param path normalised path, starts with {@code /}
 * @param params kept query parameters in canonical order
 * @param url the canonical URL string
 */
record CanonicalUrl(Platform platform, String host, String path, List<Param> params, String url) {

	/**
	 * First value of a kept parameter.
	 * @param name parameter name (lower case)
	 * @return the normalised value, or {@code null}
	 */
	String param(String name) {
		for (Param param : this.params) {
			if (param.name().equalsIgnoreCase(name) && param.value() != null && !param.value().isEmpty()) {
				return param.value();
			}
		}
		return null;
	}

	/**
	 * A query parameter; {@code value} is {@code null} for a bare {@code ?flag}.
	 *
	 * @param name normalised name
	 * @param value normalised value or {@code null}
	 */
	record Param(String name, String value) {

		String render() {
			return (this.value != null) ? this.name + "=" + this.value : this.name;
		}

	}

}
