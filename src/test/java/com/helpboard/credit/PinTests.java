package com.helpboard.credit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PinTests {

	static final Instant T0 = Instant.parse("2026-11-23T04:00:00Z");

	@Test
	void aFirstBoostPinsFromNowForItsHours() {
		Boost boost = queued(2);
		assertThat(Pin.starting(boost, List.of(), T0)).isEqualTo(new Pin(T0, T0.plus(Duration.ofHours(2))));
	}

	@Test
	void aRequestBoostedAgainKeepsItsPlaceAndStaysPinnedUntilItsLastBoostEnds() {
		Boost running = started(3, T0);
		Instant now = T0.plus(Duration.ofHours(1));
		// the new one ends earlier than the running one: the running one's end counts
		assertThat(Pin.starting(queued(1), List.of(running), now)).isEqualTo(new Pin(T0, T0.plus(Duration.ofHours(3))));
		// it ends later: its own end counts, the place is still the first boost's
		assertThat(Pin.starting(queued(6), List.of(running), now))
			.isEqualTo(new Pin(T0, now.plus(Duration.ofHours(6))));
	}

	@Test
	void afterABoostEndsThePinIsTheRunningOnesOrNone() {
		assertThat(Pin.of(List.of())).isEmpty();
		Boost early = started(1, T0);
		Boost later = started(4, T0.plus(Duration.ofMinutes(30)));
		assertThat(Pin.of(List.of(later, early)))
			.contains(new Pin(T0, T0.plus(Duration.ofMinutes(30)).plus(Duration.ofHours(4))));
	}

	private static Boost queued(int hours) {
		return new Boost(10, 1, 7, hours, 5, T0.minus(Duration.ofHours(1)));
	}

	private static Boost started(int hours, Instant at) {
		Boost boost = queued(hours);
		boost.start(at);
		return boost;
	}

}
