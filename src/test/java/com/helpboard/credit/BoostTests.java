package com.helpboard.credit;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class BoostTests {

	static final Instant BOUGHT = Instant.parse("2026-11-23T04:00:00Z");

	static final Instant STARTED = BOUGHT.plus(Duration.ofMinutes(30));

	@Test
	void aStartedBoostHoldsItsSlotForItsHours() {
		Boost boost = queued(3);
		boost.start(STARTED);
		assertThat(boost.getStatus()).isEqualTo(BoostStatus.ACTIVE);
		assertThat(boost.getStartsAt()).isEqualTo(STARTED);
		assertThat(boost.getEndsAt()).isEqualTo(STARTED.plus(Duration.ofHours(3)));
		assertThat(boost.isRunningAt(STARTED.plus(Duration.ofHours(3)).minusSeconds(1))).isTrue();
		assertThat(boost.isRunningAt(STARTED.plus(Duration.ofHours(3)))).isFalse();
	}

	@Test
	void aBoostStartsOnce() {
		Boost boost = queued(3);
		boost.start(STARTED);
		assertThatIllegalStateException().isThrownBy(() -> boost.start(STARTED.plusSeconds(1)));
		assertThat(boost.getStartsAt()).isEqualTo(STARTED);
	}

	@Test
	void aRunningBoostOfAnOpenRequestIsNotOver() {
		Boost boost = queued(3);
		boost.start(STARTED);
		assertThat(boost.endIfOver(STARTED.plus(Duration.ofHours(1)), true)).isFalse();
		assertThat(boost.getStatus()).isEqualTo(BoostStatus.ACTIVE);
	}

	@Test
	void aBoostEndsAtItsEndAndKeepsIt() {
		Boost boost = queued(3);
		boost.start(STARTED);
		Instant late = STARTED.plus(Duration.ofHours(5));
		assertThat(boost.endIfOver(late, true)).isTrue();
		assertThat(boost.getStatus()).isEqualTo(BoostStatus.ENDED);
		assertThat(boost.getEndsAt()).isEqualTo(STARTED.plus(Duration.ofHours(3)));
	}

	@Test
	void aBoostOfAClosedRequestEndsEarly() {
		Boost boost = queued(3);
		boost.start(STARTED);
		Instant closed = STARTED.plus(Duration.ofHours(1));
		assertThat(boost.endIfOver(closed, false)).isTrue();
		assertThat(boost.getStatus()).isEqualTo(BoostStatus.ENDED);
		assertThat(boost.getEndsAt()).isEqualTo(closed);
	}

	@Test
	void onlyARunningBoostEnds() {
		assertThatIllegalStateException().isThrownBy(() -> queued(3).end(STARTED));
	}

	@Test
	void onlyABoostThatNeverStartedIsRefunded() {
		Boost waiting = queued(3);
		waiting.refund();
		assertThat(waiting.getStatus()).isEqualTo(BoostStatus.REFUNDED);
		assertThatIllegalStateException().isThrownBy(waiting::refund);
		assertThatIllegalStateException().isThrownBy(() -> waiting.start(STARTED));

		Boost started = queued(3);
		started.start(STARTED);
		assertThatIllegalStateException().isThrownBy(started::refund);
		started.end(STARTED.plusSeconds(60));
		assertThatIllegalStateException().isThrownBy(started::refund);
	}

	private static Boost queued(int hours) {
		return new Boost(10, 1, 7, hours, 5, BOUGHT);
	}

}
