package com.helpboard.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChinaTimeTests {

	private final ChinaTime chinaTime = new ChinaTime();

	@Test
	void formatsInstantsAndZonedTimesInChinaTime() {
		Instant lateEveningUtc = Instant.parse("2026-11-25T17:30:00Z");
		assertThat(this.chinaTime.format(lateEveningUtc, "yyyy-MM-dd HH:mm")).isEqualTo("2026-11-26 01:30");
		assertThat(this.chinaTime.format(lateEveningUtc.atZone(ZoneOffset.UTC), "MM-dd HH:mm"))
			.isEqualTo("11-26 01:30");
		assertThat(this.chinaTime.format(null, "MM-dd HH:mm")).isNull();
	}

	@Test
	void daysEndAtChinaMidnight() {
		Instant lateEveningUtc = Instant.parse("2026-11-25T17:30:00Z");
		assertThat(ChinaTime.day(lateEveningUtc)).isEqualTo(LocalDate.of(2026, 11, 26));
		assertThat(ChinaTime.nextMidnight(lateEveningUtc)).isEqualTo(Instant.parse("2026-11-26T16:00:00Z"));
	}

}
