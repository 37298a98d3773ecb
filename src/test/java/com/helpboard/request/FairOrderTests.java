package com.helpboard.request;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FairOrderTests {

	private final Instant now = Instant.parse("2026-11-25T12:00:00Z");

	private FairOrder.Candidate open(long id, long author, int confirmed, int needed) {
		return new FairOrder.Candidate(id, author, confirmed, needed, this.now.minus(Duration.ofMinutes(id)), null,
				null);
	}

	@Test
	void theSameRotationGivesTheSameOrderSoPagingNeitherRepeatsNorSkips() {
		List<FairOrder.Candidate> candidates = new ArrayList<>();
		for (long id = 1; id <= 57; id++) {
			candidates.add(open(id, id % 7, (int) (id % 3), 3));
		}
		List<Long> first = FairOrder.order(candidates, Map.of(), 42, this.now);
		List<FairOrder.Candidate> shuffled = new ArrayList<>(candidates);
		java.util.Collections.reverse(shuffled);
		List<Long> again = FairOrder.order(shuffled, Map.of(), 42, this.now);
		assertThat(again).isEqualTo(first);
		Set<Long> seen = new HashSet<>();
		for (int page = 0; page * 10 < first.size(); page++) {
			seen.addAll(first.subList(page * 10, Math.min(first.size(), page * 10 + 10)));
		}
		assertThat(seen).hasSize(57);
		assertThat(FairOrder.order(candidates, Map.of(), 43, this.now)).isNotEqualTo(first);
	}

	@Test
	void itIsNotNewestFirst() {
		List<FairOrder.Candidate> candidates = new ArrayList<>();
		for (long id = 1; id <= 30; id++) {
			candidates.add(open(id, id, 0, 5));
		}
		List<Long> newestFirst = candidates.stream().map(FairOrder.Candidate::id).toList();
		assertThat(FairOrder.order(candidates, Map.of(), 7, this.now)).isNotEqualTo(newestFirst);
	}

	@Test
	void boostedRequestsComeFirstInTheOrderTheirBoostsStarted() {
		List<FairOrder.Candidate> candidates = new ArrayList<>();
		for (long id = 1; id <= 10; id++) {
			candidates.add(open(id, id, 0, 2));
		}
		candidates.add(new FairOrder.Candidate(11, 11, 0, 2, this.now, this.now.plus(Duration.ofHours(1)),
				this.now.minus(Duration.ofMinutes(5))));
		candidates.add(new FairOrder.Candidate(12, 12, 0, 2, this.now, this.now.plus(Duration.ofHours(1)),
				this.now.minus(Duration.ofMinutes(30))));
		// a boost that ended counts for nothing
		candidates.add(new FairOrder.Candidate(13, 13, 0, 2, this.now, this.now.minus(Duration.ofMinutes(1)),
				this.now.minus(Duration.ofHours(2))));
		for (long rotation = 0; rotation < 20; rotation++) {
			List<Long> order = FairOrder.order(candidates, Map.of(), rotation, this.now);
			assertThat(order.subList(0, 2)).containsExactly(12L, 11L);
		}
	}

	@Test
	void favouredRequestsLeadMoreOftenButNobodyIsBuried() {
		// 1: nearly done, by a generous helper; 2: untouched, by someone who only takes
		FairOrder.Candidate favoured = new FairOrder.Candidate(1, 100, 4, 5, this.now, null, null);
		FairOrder.Candidate plain = new FairOrder.Candidate(2, 200, 0, 5, this.now, null, null);
		Map<Long, Reciprocity> reciprocity = new HashMap<>();
		reciprocity.put(100L, new Reciprocity(20, 2));
		reciprocity.put(200L, new Reciprocity(0, 20));
		int favouredFirst = 0;
		int rotations = 4000;
		for (long rotation = 0; rotation < rotations; rotation++) {
			if (FairOrder.order(List.of(favoured, plain), reciprocity, rotation, this.now).get(0) == 1L) {
				favouredFirst++;
			}
		}
		double weightFavoured = FairOrder.weight(favoured, reciprocity.get(100L), this.now);
		double weightPlain = FairOrder.weight(plain, reciprocity.get(200L), this.now);
		assertThat(weightFavoured / weightPlain).isLessThanOrEqualTo(FairOrder.MAX_WEIGHT / FairOrder.MIN_WEIGHT);
		double expected = weightFavoured / (weightFavoured + weightPlain);
		assertThat(favouredFirst / (double) rotations).isBetween(expected - 0.04, expected + 0.04);
		// the capped weights keep the other one first at least about one time in nine
		assertThat(rotations - favouredFirst).isGreaterThan(rotations / 10);
	}

	@Test
	void aRequestNobodyHelpedForAWhileGetsALift() {
		FairOrder.Candidate fresh = new FairOrder.Candidate(1, 1, 0, 3, this.now, null, null);
		FairOrder.Candidate waiting = new FairOrder.Candidate(2, 2, 0, 3, this.now.minus(Duration.ofHours(3)), null,
				null);
		assertThat(FairOrder.weight(waiting, Reciprocity.NONE, this.now))
			.isGreaterThan(FairOrder.weight(fresh, Reciprocity.NONE, this.now));
	}

	@Test
	void theHashIsUniformEnough() {
		double sum = 0;
		for (long id = 0; id < 10_000; id++) {
			double u = FairOrder.uniform(5, id);
			assertThat(u).isStrictlyBetween(0.0, 1.0);
			sum += u;
		}
		assertThat(sum / 10_000).isBetween(0.48, 0.52);
	}

}
