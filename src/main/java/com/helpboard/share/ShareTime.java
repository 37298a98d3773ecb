package com.helpboard.share;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.helpboard.system.ChinaTime;

/** End times as shares show them: China time, where the members are. */
final class ShareTime {

	private ShareTime() {
	}

	static String format(Instant at, Locale locale) {
		String pattern = "en".equals(locale.getLanguage()) ? "MMM d, HH:mm" : "M月d日 HH:mm";
		return DateTimeFormatter.ofPattern(pattern, locale).format(at.atZone(ChinaTime.ZONE));
	}

}
