package com.helpboard.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * China time, where the members are: days, daily caps and midnight expiries follow it,
 * and pages show every time in it. Java code uses {@link #ZONE}; templates format with
 * {@code ${@chinaTime.format(instant, 'MM-dd HH:mm')}}.
 */
@Component("chinaTime")
public final class ChinaTime {

	private static final int FORMATTERS_KEPT = 64;

	private final Map<String, DateTimeFormatter> formatters = new ConcurrentHashMap<>();

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** The China day {@code at} falls on. */
	public static LocalDate day(Instant at) {
		return at.atZone(ZONE).toLocalDate();
	}

	/** The next midnight in China after {@code at}. */
	public static Instant nextMidnight(Instant at) {
		return day(at).plusDays(1).atStartOfDay(ZONE).toInstant();
	}

	/**
	 * An instant or a zoned time, as China time in the pattern; {@code null} stays
	 * {@code null}, as with Thymeleaf's {@code #temporals.format}.
	 */
	public String format(TemporalAccessor time, String pattern) {
		if (time == null) {
			return null;
		}
		ZonedDateTime china = (time instanceof Instant instant) ? instant.atZone(ZONE)
				: ZonedDateTime.from(time).withZoneSameInstant(ZONE);
		return formatter(pattern, LocaleContextHolder.getLocale()).format(china);
	}

	/**
	 * The templates' few patterns in the pages' languages, parsed once instead of per
	 * call; at most {@value #FORMATTERS_KEPT} kept, whatever locales requests name.
	 */
	private DateTimeFormatter formatter(String pattern, Locale locale) {
		String key = pattern + '|' + locale;
		DateTimeFormatter known = this.formatters.get(key);
		if (known == null) {
			known = DateTimeFormatter.ofPattern(pattern, locale);
			if (this.formatters.size() < FORMATTERS_KEPT) {
				this.formatters.put(key, known);
			}
		}
		return known;
	}

}
