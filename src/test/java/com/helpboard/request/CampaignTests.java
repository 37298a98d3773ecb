package com.helpboard.request;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

import com.helpboard.link.Platform;
import com.helpboard.system.LocalizedText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignTests {

	private final Campaign bargain = new Campaign("pdd-bargain", Platform.PINDUODUO, new LocalizedText("砍价", "Bargain"),
			Campaign.TtlMode.HOURS, 24, 24, 10, false, "CN");

	private final Campaign orchard = new Campaign("pdd-orchard", Platform.PINDUODUO, new LocalizedText("果园", "Orchard"),
			Campaign.TtlMode.MIDNIGHT, 24, 24, 20, false, "CN");

	private final Campaign temu = new Campaign("temu-free-gift", Platform.TEMU, new LocalizedText("礼物", "Gifts"),
			Campaign.TtlMode.HOURS, 24, 72, 10, false, "INTL");

	private final Instant now = Instant.parse("2026-11-25T13:30:00Z");

	@Test
	void hourlyCampaignsLiveTheirDefaultAndMayBeShortened() {
		assertThat(this.bargain.expiryFrom(this.now, null)).isEqualTo(this.now.plus(Duration.ofHours(24)));
		assertThat(this.bargain.expiryFrom(this.now, 5)).isEqualTo(this.now.plus(Duration.ofHours(5)));
		assertThat(this.bargain.maxHoursFrom(this.now)).isEqualTo(24);
	}

	@Test
	void aLongerAskIsCappedAtTheMaximum() {
		assertThat(this.temu.expiryFrom(this.now, 100)).isEqualTo(this.now.plus(Duration.ofHours(72)));
		assertThat(this.temu.expiryFrom(this.now, 48)).isEqualTo(this.now.plus(Duration.ofHours(48)));
	}

	@Test
	void dailyGamesEndAtTheNextMidnightInChina() {
		// 13:30Z is 21:30 in Shanghai: midnight comes in 2.5 hours
		Instant midnight = ZonedDateTime.parse("2026-11-26T00:00:00+08:00[Asia/Shanghai]").toInstant();
		assertThat(this.orchard.expiryFrom(this.now, null)).isEqualTo(midnight);
		assertThat(this.orchard.expiryFrom(this.now, 1)).isEqualTo(this.now.plus(Duration.ofHours(1)));
		assertThat(this.orchard.expiryFrom(this.now, 10)).isEqualTo(midnight);
		assertThat(this.orchard.maxHoursFrom(this.now)).isEqualTo(2);
		// just after midnight in China a whole day is left
		Instant justAfter = ZonedDateTime.parse("2026-11-26T00:05:00+08:00[Asia/Shanghai]").toInstant();
		assertThat(Duration.between(justAfter, this.orchard.expiryFrom(justAfter, null)))
			.isEqualTo(Duration.ofHours(23).plusMinutes(55));
	}

}
