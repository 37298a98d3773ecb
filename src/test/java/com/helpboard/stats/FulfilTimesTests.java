package com.helpboard.stats;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FulfilTimesTests {

	@Test
	void noneFulfilledHasNoMedian() {
		assertThat(new FulfilTimes().medianHours()).isNull();
	}

	@Test
	void theMedianIsTheMiddleOfTheMiddleRequestsBucket() {
		// one request in 0–10 minutes: 5 minutes, 0.1 h
		assertThat(FulfilTimes.of(Map.of(0, 1L)).medianHours()).isEqualTo(0.1);
		// five requests, the third in bucket 18 (180–190 minutes): 185 minutes
		assertThat(FulfilTimes.of(Map.of(0, 2L, 18, 1L, 100, 2L)).medianHours()).isEqualTo(3.1);
		// an even count: the lower middle (2 of 4)
		assertThat(FulfilTimes.of(Map.of(3, 2L, 12, 2L)).medianHours()).isEqualTo(0.6);
	}

	@Test
	void bucketsAddUpAcrossDaysAndGroups() {
		FulfilTimes times = new FulfilTimes();
		times.add(30, 1);
		times.add(6, 1);
		times.add(30, 2);
		assertThat(times.requests()).isEqualTo(4);
		// 6, 30, 30, 30: the 2nd is in bucket 30, 305 minutes
		assertThat(times.medianHours()).isEqualTo(5.1);
	}

}
