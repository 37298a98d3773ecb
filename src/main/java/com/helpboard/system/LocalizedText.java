package com.helpboard.system;

import java.util.Locale;

/** A text kept in both languages of the site; pages pick by the reader's locale. */
public record LocalizedText(String zh, String en) {

	public String in(Locale locale) {
		return (locale != null && "en".equals(locale.getLanguage()) && this.en != null && !this.en.isBlank()) ? this.en
				: this.zh;
	}

	@Override
	public String toString() {
		return this.zh;
	}

}
