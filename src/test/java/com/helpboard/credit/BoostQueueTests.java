package com.helpboard.credit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoostQueueTests {

	static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");

	@Test
	void theOldestWaitingTakeTheFreeSlots() {
		BoostQueue queue = new BoostQueue(2, List.of(waiting(1, 100, 7), waiting(2, 101, 8), waiting(3, 102, 9)));
		BoostQueue.Turn turn = queue.take(1, (boost) -> false, (boost) -> true);
		assertThat(ids(turn.started())).containsExactly(1L);
		assertThat(turn.refunds()).isEmpty();
	}

	@Test
	void nothingStartsWhenTheSlotsAreFull() {
		List<Long> asked = new ArrayList<>();
		BoostQueue queue = new BoostQueue(2, List.of(waiting(1, 100, 7), waiting(2, 101, 8)));
		BoostQueue.Turn turn = queue.take(2, (boost) -> false, (boost) -> asked.add(boost.boostId()));
		assertThat(turn.started()).isEmpty();
		assertThat(asked).isEmpty();
	}

	@Test
	void aBoostOfAClosedRequestIsRefundedWhereverItWaitsAndTakesNoSlot() {
		BoostQueue queue = new BoostQueue(1,
				List.of(waiting(1, 100, 7), waiting(2, 101, 8), waiting(3, 102, 9), waiting(4, 100, 7)));
		Set<Long> closedRequests = Set.of(100L);
		BoostQueue.Turn turn = queue.take(0, (boost) -> closedRequests.contains(boost.requestId()), (boost) -> true);
		assertThat(ids(turn.started())).containsExactly(2L);
		assertThat(ids(turn.refunds())).containsExactly(1L, 4L);
	}

	@Test
	void whenAStartIsRefusedTheSlotGoesToTheNextAndTheRefusedIsRefunded() {
		BoostQueue queue = new BoostQueue(1, List.of(waiting(1, 100, 7), waiting(2, 101, 8)));
		BoostQueue.Turn turn = queue.take(0, (boost) -> false, (boost) -> boost.boostId() != 1);
		assertThat(ids(turn.started())).containsExactly(2L);
		assertThat(ids(turn.refunds())).containsExactly(1L);
	}

	@Test
	void refundsComeInMemberOrderSoSweepsLockAccountsAlike() {
		BoostQueue queue = new BoostQueue(1, List.of(waiting(1, 100, 9), waiting(2, 101, 3), waiting(3, 102, 9),
				waiting(4, 103, 3), waiting(5, 104, 5)));
		BoostQueue.Turn turn = queue.take(1, (boost) -> true, (boost) -> true);
		assertThat(ids(turn.refunds())).containsExactly(2L, 4L, 5L, 1L, 3L);
	}

	@Test
	void aWaitingBoostIsEstimatedToStartWhenTheFirstSlotFrees() {
		BoostQueue queue = new BoostQueue(2,
				List.of(waiting(1, 100, 7, 3), waiting(2, 101, 8, 1), waiting(3, 102, 9, 2)));
		Instant inOneHour = NOW.plus(Duration.ofHours(1));
		Instant inTwoHours = NOW.plus(Duration.ofHours(2));
		Map<Long, Instant> starts = queue.estimatedStarts(List.of(inTwoHours, inOneHour), NOW);
		assertThat(starts).containsEntry(1L, inOneHour)
			// boost 1 runs 1 h → 4 h; the slot freed at 2 h goes to boost 2 (2 h → 3 h)
			.containsEntry(2L, inTwoHours)
			.containsEntry(3L, NOW.plus(Duration.ofHours(3)));
	}

	@Test
	void withASlotFreeTheHeadStartsNow() {
		BoostQueue queue = new BoostQueue(2, List.of(waiting(1, 100, 7, 3), waiting(2, 101, 8, 3)));
		Map<Long, Instant> starts = queue.estimatedStarts(List.of(), NOW);
		assertThat(starts).containsEntry(1L, NOW).containsEntry(2L, NOW);
	}

	private static BoostQueue.Waiting waiting(long id, long requestId, long memberId) {
		return waiting(id, requestId, memberId, 2);
	}

	private static BoostQueue.Waiting waiting(long id, long requestId, long memberId, int hours) {
		return new BoostQueue.Waiting(id, requestId, memberId, Duration.ofHours(hours));
	}

	private static List<Long> ids(List<BoostQueue.Waiting> boosts) {
		return boosts.stream().map(BoostQueue.Waiting::boostId).toList();
	}

}
