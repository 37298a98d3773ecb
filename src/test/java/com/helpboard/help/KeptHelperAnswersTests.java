package com.helpboard.help;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.helpboard.request.Reciprocity;
import com.helpboard.request.RequestStatus;
import com.helpboard.request.RequestView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeptHelperAnswersTests {

	private static final long HELPER = 17;

	private static final LocalDate DAY = LocalDate.of(2026, 12, 5);

	private static final Instant JOINED = Instant.parse("2026-01-01T00:00:00Z");

	private final KeptHelperAnswers kept = new KeptHelperAnswers(true);

	private final RequestView first = request(1, 101);

	private final RequestView second = request(2, 102);

	private final RequestView third = request(3, 103);

	@BeforeEach
	void listening() {
		this.kept.up();
	}

	private static RequestView request(long id, long author) {
		Instant at = Instant.parse("2026-12-05T00:00:00Z");
		return new RequestView(id, 1, "kanjia", author, "a" + author, "PINDUODUO", "pdd-bargain", null, "text", null,
				null, null, 3, 0, RequestStatus.OPEN, at, at.plusSeconds(3600), null, Reciprocity.NONE);
	}

	/**
	 * As HelpQueries reads it: the day's counts, and what of these requests is refused.
	 */
	private static HelpQueries.DayAndRefused read(Map<String, Long> counts, Set<Long> claimed, Set<Long> blocked,
			RequestView... requests) {
		return new HelpQueries.DayAndRefused(new HelpQueries.MemberDay(JOINED, counts),
				Set.copyOf(List.of(requests).stream().map(RequestView::id).toList()),
				Set.copyOf(List.of(requests).stream().map(RequestView::authorId).toList()),
				new HelpQueries.Refused(claimed, blocked));
	}

	private void keep(HelpQueries.DayAndRefused read) {
		this.kept.keep(this.kept.mark(), HELPER, DAY, read);
	}

	@Test
	void keptAnswersServeTheRequestsTheyKnowOnTheirDayOnly() {
		keep(read(Map.of("pdd-bargain", 2L), Set.of(2L), Set.of(), this.first, this.second));
		HelpQueries.DayAndRefused answer = this.kept.answer(HELPER, DAY, List.of(this.first, this.second));
		assertThat(answer).isNotNull();
		assertThat(answer.day().joinedAt()).isEqualTo(JOINED);
		assertThat(answer.day().counts()).containsEntry("pdd-bargain", 2L);
		assertThat(answer.refused().claimed()).containsExactly(2L);
		assertThat(this.kept.answer(HELPER, DAY, List.of(this.first))).isNotNull();
		// a request it was not asked about, another day, another helper
		assertThat(this.kept.answer(HELPER, DAY, List.of(this.first, this.third))).isNull();
		assertThat(this.kept.answer(HELPER, DAY.plusDays(1), List.of(this.first))).isNull();
		assertThat(this.kept.answer(HELPER + 1, DAY, List.of(this.first))).isNull();
		assertThat(this.kept.served()).isEqualTo(2);
	}

	@Test
	void nothingIsKeptOrServedWhileNotListeningOrWhenSwitchedOff() {
		keep(read(Map.of(), Set.of(), Set.of(), this.first));
		this.kept.down();
		assertThat(this.kept.answer(HELPER, DAY, List.of(this.first))).isNull();
		keep(read(Map.of(), Set.of(), Set.of(), this.first));
		this.kept.up();
		// what was kept before listening again is gone
		assertThat(this.kept.answer(HELPER, DAY, List.of(this.first))).isNull();

		KeptHelperAnswers off = new KeptHelperAnswers(false);
		off.up();
		off.keep(off.mark(), HELPER, DAY, read(Map.of(), Set.of(), Set.of(), this.first));
		assertThat(off.answer(HELPER, DAY, List.of(this.first))).isNull();
	}

	@Test
	void aClaimOnAKnownRequestIsAddedOnceWhoeverTellsFirst() {
		keep(read(Map.of("pdd-bargain", 1L), Set.of(), Set.of(), this.first, this.second));
		// the instance that made it, just after its commit; then its notice
		this.kept.claimed(HELPER, 1, DAY, "pdd-bargain");
		this.kept.notice(HELPER + " claim 1 " + DAY + " pdd-bargain");
		HelpQueries.DayAndRefused answer = this.kept.answer(HELPER, DAY, List.of(this.first, this.second));
		assertThat(answer).isNotNull();
		assertThat(answer.refused().claimed()).containsExactly(1L);
		assertThat(answer.day().counts()).containsEntry("pdd-bargain", 2L);
		// a campaign not counted yet that day
		this.kept.notice(HELPER + " claim 2 " + DAY + " temu-farmland");
		assertThat(this.kept.answer(HELPER, DAY, List.of(this.first)).day().counts()).containsEntry("pdd-bargain", 2L)
			.containsEntry("temu-farmland", 1L);
	}

	@Test
	void aClaimOnARequestItDoesNotKnowABlockOrAStrangeNoticeForgets() {
		keep(read(Map.of("pdd-bargain", 1L), Set.of(), Set.of(), this.first));
		// was that claim counted in the kept day? It cannot tell
		this.kept.notice(HELPER + " claim 3 " + DAY + " pdd-bargain");
		assertThat(this.kept.answer(HELPER, DAY, List.of(this.first))).isNull();

		keep(read(Map.of(), Set.of(), Set.of(), this.first));
		this.kept.notice(HELPER + " changed");
		assertThat(this.kept.answer(HELPER, DAY, List.of(this.first))).isNull();

		keep(read(Map.of(), Set.of(), Set.of(), this.first));
		this.kept.forget(HELPER);
		assertThat(this.kept.answer(HELPER, DAY, List.of(this.first))).isNull();

		keep(read(Map.of(), Set.of(), Set.of(), this.first));
		this.kept.notice("no helper at all");
		assertThat(this.kept.answer(HELPER, DAY, List.of(this.first))).isNull();

		// another helper's change leaves this one kept
		keep(read(Map.of(), Set.of(), Set.of(), this.first));
		this.kept.notice((HELPER + 1) + " changed");
		assertThat(this.kept.answer(HELPER, DAY, List.of(this.first))).isNotNull();
	}

	@Test
	void aReadingThatAChangeOvertookIsNotKept() {
		long mark = this.kept.mark();
		// the reading began before a claim committed; its notice came before the keep
		this.kept.notice(HELPER + " claim 1 " + DAY + " pdd-bargain");
		this.kept.keep(mark, HELPER, DAY, read(Map.of(), Set.of(), Set.of(), this.first));
		assertThat(this.kept.answer(HELPER, DAY, List.of(this.first))).isNull();
	}

	@Test
	void readingsOfTheSameDayAddUpAndANewDayStartsOver() {
		keep(read(Map.of("pdd-bargain", 1L), Set.of(1L), Set.of(), this.first));
		keep(read(Map.of("pdd-bargain", 1L), Set.of(), Set.of(103L), this.third));
		HelpQueries.DayAndRefused both = this.kept.answer(HELPER, DAY, List.of(this.first, this.third));
		assertThat(both).isNotNull();
		assertThat(both.refused().claimed()).containsExactly(1L);
		assertThat(both.refused().blockedAuthors()).containsExactly(103L);

		this.kept.keep(this.kept.mark(), HELPER, DAY.plusDays(1), read(Map.of(), Set.of(), Set.of(), this.second));
		assertThat(this.kept.answer(HELPER, DAY, List.of(this.first))).isNull();
		assertThat(this.kept.answer(HELPER, DAY.plusDays(1), List.of(this.second))).isNotNull();
		assertThat(this.kept.answer(HELPER, DAY.plusDays(1), List.of(this.first))).isNull();
	}

}
