package com.helpboard.credit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.helpboard.group.Groups;
import com.helpboard.request.RequestView;
import com.helpboard.request.Requests;
import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers.TestMember;
import com.helpboard.system.Conflict;
import com.helpboard.system.FieldRejection;
import com.helpboard.system.NotAllowed;
import com.helpboard.system.NotFound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.helpboard.credit.BoostFixture.race;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Boosts through the facade on real PostgreSQL: slots, the queue, the scheduler's sweep,
 * refunds, and what happens when many people boost at once.
 */
@IntegrationTest
class BoostsIntegrationTests {

	@Autowired
	Boosts boosts;

	@Autowired
	Credits credits;

	@Autowired
	Requests requests;

	@Autowired
	Groups groups;

	@Autowired
	TestData testData;

	@Autowired
	JdbcTemplate jdbc;

	BoostFixture fixture;

	@BeforeEach
	void fixture() {
		this.fixture = new BoostFixture(this.testData, this.jdbc);
	}

	@Test
	void aBoostWithAFreeSlotStartsAtOnceAndPinsTheRequest() {
		String group = this.fixture.group(2);
		TestMember author = this.fixture.member(group, 10);
		RequestView request = this.fixture.post(author, group);

		Instant before = Instant.now();
		BoostView boost = this.boosts.boost(author.id(), request.id(), 3);

		assertThat(boost.status()).isEqualTo("ACTIVE");
		assertThat(boost.cost()).isEqualTo(6);
		assertThat(boost.hours()).isEqualTo(3);
		assertThat(boost.startsAt()).isBetween(before.minusSeconds(1), Instant.now());
		assertThat(boost.endsAt()).isEqualTo(boost.startsAt().plus(Duration.ofHours(3)));
		assertThat(this.fixture.boostedUntil(request.id())).isEqualTo(boost.endsAt());
		assertThat(this.credits.balance(author.id())).isEqualTo(4);
		assertThat(this.fixture.count("select count(*) from ledger_entries where reference = ? and kind = 'SPEND'",
				"boost:" + boost.id()))
			.isEqualTo(1);
		assertThat(this.boosts.boostsOf(request.id())).containsExactly(boost);
		this.fixture.assertLedgerAddsUp(author.id());
	}

	@Test
	void whenTheSlotsAreFullABoostQueuesAndStartsWhenOneFrees() {
		String group = this.fixture.group(1);
		TestMember first = this.fixture.member(group, 10);
		TestMember second = this.fixture.member(group, 10);
		RequestView firstRequest = this.fixture.post(first, group);
		RequestView secondRequest = this.fixture.post(second, group);

		BoostView active = this.boosts.boost(first.id(), firstRequest.id(), 1);
		BoostView queued = this.boosts.boost(second.id(), secondRequest.id(), 3);

		assertThat(active.status()).isEqualTo("ACTIVE");
		assertThat(queued.status()).isEqualTo("QUEUED");
		assertThat(queued.isEstimate()).isTrue();
		// estimated: when the boost ahead of it ends, then for its own hours
		assertThat(queued.startsAt()).isEqualTo(active.endsAt());
		assertThat(queued.endsAt()).isEqualTo(active.endsAt().plus(Duration.ofHours(3)));
		assertThat(this.credits.balance(second.id())).isEqualTo(4);
		assertThat(this.fixture.boostedUntil(secondRequest.id())).isNull();

		this.boosts.tick();
		assertThat(this.fixture.status(queued.id())).isEqualTo("QUEUED");

		this.fixture.runOut(active.id());
		Instant beforeTick = Instant.now();
		assertThat(this.boosts.tick()).isGreaterThanOrEqualTo(2);

		assertThat(this.fixture.status(active.id())).isEqualTo("ENDED");
		assertThat(this.fixture.boostedUntil(firstRequest.id())).isNull();
		BoostView started = this.boosts.boostsOf(secondRequest.id()).get(0);
		assertThat(started.status()).isEqualTo("ACTIVE");
		assertThat(started.startsAt()).isAfterOrEqualTo(beforeTick.minusMillis(1));
		assertThat(started.endsAt()).isEqualTo(started.startsAt().plus(Duration.ofHours(3)));
		assertThat(this.fixture.boostedUntil(secondRequest.id())).isEqualTo(started.endsAt());
		// a boost that ran is not refunded
		assertThat(this.credits.balance(first.id())).isEqualTo(8);
		assertThat(this.credits.balance(second.id())).isEqualTo(4);
	}

	@Test
	void aQueuedBoostIsRefundedInFullWhenItsRequestIsWithdrawn() throws Exception {
		String group = this.fixture.group(1);
		TestMember holder = this.fixture.member(group, 10);
		TestMember author = this.fixture.member(group, 30);
		this.boosts.boost(holder.id(), this.fixture.post(holder, group).id(), 1);
		RequestView request = this.fixture.post(author, group);
		BoostView queued = this.boosts.boost(author.id(), request.id(), 12);
		assertThat(queued.status()).isEqualTo("QUEUED");
		assertThat(this.credits.balance(author.id())).isEqualTo(6);

		this.requests.withdraw(request.id(), author.id());

		await().atMost(Duration.ofSeconds(15)).until(() -> "REFUNDED".equals(this.fixture.status(queued.id())));
		assertThat(this.credits.balance(author.id())).isEqualTo(30);
		assertThat(this.credits.history(author.id(), org.springframework.data.domain.PageRequest.of(0, 1))
			.getContent()
			.get(0)).satisfies((entry) -> {
				assertThat(entry.kind()).isEqualTo("REFUND");
				assertThat(entry.amount()).isEqualTo(24);
				assertThat(entry.reference()).isEqualTo("boost:" + queued.id());
			});
		// the sweep finds nothing more to give back
		this.boosts.tick();
		assertThat(this.fixture.count("select count(*) from ledger_entries where member_id = ? and kind = 'REFUND'",
				author.id()))
			.isEqualTo(1);
		assertThat(this.credits.balance(author.id())).isEqualTo(30);
		this.fixture.assertLedgerAddsUp(author.id());
	}

	@Test
	void aStartedBoostIsNotRefundedWhenItsRequestClosesAndItsSlotGoesToTheNextInLine() throws Exception {
		String group = this.fixture.group(1);
		TestMember author = this.fixture.member(group, 20);
		TestMember next = this.fixture.member(group, 10);
		RequestView request = this.fixture.post(author, group);
		RequestView waiting = this.fixture.post(next, group);
		BoostView active = this.boosts.boost(author.id(), request.id(), 6);
		BoostView queued = this.boosts.boost(next.id(), waiting.id(), 1);
		assertThat(queued.status()).isEqualTo("QUEUED");

		this.requests.withdraw(request.id(), author.id());

		await().atMost(Duration.ofSeconds(15)).until(() -> "ACTIVE".equals(this.fixture.status(queued.id())));
		assertThat(this.fixture.status(active.id())).isEqualTo("ENDED");
		// it ended when its request closed, not at its planned end
		assertThat(this.boosts.boostsOf(request.id()).get(0).endsAt()).isBefore(active.endsAt());
		assertThat(this.fixture.boostedUntil(request.id())).isNull();
		assertThat(this.fixture.boostedUntil(waiting.id())).isAfter(Instant.now());
		assertThat(this.credits.balance(author.id())).isEqualTo(8);
		assertThat(this.fixture.count("select count(*) from ledger_entries where member_id = ? and kind = 'REFUND'",
				author.id()))
			.isZero();
		this.fixture.assertLedgerAddsUp(author.id());
	}

	@Test
	void aHundredSimultaneousBoostsByAMemberWhoCanAffordThreeLetExactlyThreeThrough() throws Exception {
		String group = this.fixture.group(3);
		TestMember author = this.fixture.member(group, 6);
		RequestView request = this.fixture.post(author, group);
		List<Callable<Object>> attempts = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			attempts.add(() -> this.boosts.boost(author.id(), request.id(), 1));
		}

		List<Object> outcomes = race(attempts);

		assertThat(outcomes).filteredOn(BoostView.class::isInstance).hasSize(3);
		assertThat(outcomes).filteredOn((outcome) -> !(outcome instanceof BoostView))
			.hasSize(97)
			.allSatisfy((outcome) -> assertThat(outcome).isInstanceOfSatisfying(Conflict.class, (ex) -> {
				assertThat(ex.messageKey()).isEqualTo("credit.insufficient");
			}));
		assertThat(this.credits.balance(author.id())).isZero();
		// a refused attempt stores nothing: no boost, no ledger entry
		assertThat(this.fixture.count("select count(*) from boosts where request_id = ?", request.id())).isEqualTo(3);
		assertThat(this.fixture.count("select count(*) from ledger_entries where member_id = ? and kind = 'SPEND'",
				author.id()))
			.isEqualTo(3);
		this.fixture.assertLedgerAddsUp(author.id());
	}

	@Test
	void membersBoostingAtOnceInOneGroupNeverGetMoreSlotsThanItHas() throws Exception {
		String group = this.fixture.group(2);
		List<Callable<Object>> attempts = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			TestMember author = this.fixture.member(group, 10);
			RequestView request = this.fixture.post(author, group);
			attempts.add(() -> this.boosts.boost(author.id(), request.id(), 1));
		}

		List<Object> outcomes = race(attempts);

		assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome).isInstanceOf(BoostView.class));
		assertThat(outcomes).filteredOn((outcome) -> ((BoostView) outcome).status().equals("ACTIVE")).hasSize(2);
		assertThat(outcomes).filteredOn((outcome) -> ((BoostView) outcome).status().equals("QUEUED")).hasSize(6);
		long groupId = this.groups.get(group).id();
		assertThat(this.fixture.count("select count(*) from boosts where group_id = ? and status = 'ACTIVE'", groupId))
			.isEqualTo(2);
		assertThat(this.fixture.count("select count(*) from help_requests where group_id = ? and boosted_until > ?",
				groupId, java.sql.Timestamp.from(Instant.now())))
			.isEqualTo(2);
		// the queue's estimates follow its order: two start when the first two end
		List<Instant> starts = outcomes.stream()
			.map(BoostView.class::cast)
			.filter(BoostView::isEstimate)
			.sorted(java.util.Comparator.comparing(BoostView::id))
			.map(BoostView::startsAt)
			.toList();
		assertThat(starts).isSorted();
	}

	@Test
	void schedulerRunsRacingEachOtherEndStartAndRefundEachBoostOnce() throws Exception {
		String group = this.fixture.group(1);
		TestMember first = this.fixture.member(group, 10);
		TestMember gone = this.fixture.member(group, 10);
		TestMember third = this.fixture.member(group, 10);
		TestMember fourth = this.fixture.member(group, 10);
		BoostView running = this.boosts.boost(first.id(), this.fixture.post(first, group).id(), 1);
		RequestView goneRequest = this.fixture.post(gone, group);
		BoostView refundable = this.boosts.boost(gone.id(), goneRequest.id(), 1);
		BoostView nextInLine = this.boosts.boost(third.id(), this.fixture.post(third, group).id(), 1);
		BoostView behind = this.boosts.boost(fourth.id(), this.fixture.post(fourth, group).id(), 1);
		this.fixture.runOut(running.id());
		// past its time but not yet swept: no event, only the scheduler can notice
		this.jdbc.update("update help_requests set expires_at = ? where id = ?",
				java.sql.Timestamp.from(Instant.now().minusSeconds(60)), goneRequest.id());

		List<Object> outcomes = race(List.of(() -> this.boosts.tick(), () -> this.boosts.tick()));

		assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome).isInstanceOf(Integer.class));
		assertThat(outcomes.stream().mapToInt(Integer.class::cast).sum()).isEqualTo(3);
		assertThat(this.fixture.status(running.id())).isEqualTo("ENDED");
		assertThat(this.fixture.status(refundable.id())).isEqualTo("REFUNDED");
		assertThat(this.fixture.status(nextInLine.id())).isEqualTo("ACTIVE");
		assertThat(this.fixture.status(behind.id())).isEqualTo("QUEUED");
		// started once: one change since it was stored
		assertThat(this.fixture.count("select version from boosts where id = ?", nextInLine.id())).isEqualTo(1);
		assertThat(this.fixture.count("select count(*) from ledger_entries where member_id = ? and kind = 'REFUND'",
				gone.id()))
			.isEqualTo(1);
		assertThat(this.credits.balance(gone.id())).isEqualTo(10);
		this.fixture.assertLedgerAddsUp(gone.id());

		// and once more finds nothing left to do here
		this.boosts.tick();
		assertThat(this.credits.balance(gone.id())).isEqualTo(10);
		assertThat(this.fixture.status(behind.id())).isEqualTo("QUEUED");
	}

	@Test
	void whatTheRequestAndTheGroupAllowIsChecked() {
		String group = this.fixture.group(1);
		TestMember author = this.fixture.member(group, 100);
		TestMember other = this.fixture.member(group, 100);
		RequestView request = this.fixture.post(author, group);

		assertThatExceptionOfType(NotAllowed.class).isThrownBy(() -> this.boosts.boost(other.id(), request.id(), 1));
		assertThatExceptionOfType(FieldRejection.class)
			.isThrownBy(() -> this.boosts.boost(author.id(), request.id(), 2))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(FieldRejection.Kind.INVALID);
				assertThat(ex.field()).isEqualTo("hours");
			});
		assertThatExceptionOfType(NotFound.class).isThrownBy(() -> this.boosts.boost(author.id(), Long.MAX_VALUE, 1));
		this.requests.withdraw(request.id(), author.id());
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> this.boosts.boost(author.id(), request.id(), 1))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("boost.request-not-open"));
		assertThat(this.credits.balance(author.id())).isEqualTo(100);
		assertThat(this.boosts.boostsOf(request.id())).isEmpty();
	}

	@Test
	void theGroupsPriceAndDurationsComeFromItsSettings() {
		String group = this.fixture.group(1);
		this.jdbc.update("update topic_groups set boost_price_per_hour = 5, boost_hour_choices = '2,48' where slug = ?",
				group);
		assertThat(this.groups.get(group).boostRule().hourChoices()).containsExactly(2, 48);
		TestMember author = this.fixture.member(group, 100);
		RequestView request = this.fixture.post(author, group);

		assertThatExceptionOfType(FieldRejection.class)
			.isThrownBy(() -> this.boosts.boost(author.id(), request.id(), 1));
		assertThat(this.boosts.boost(author.id(), request.id(), 2).cost()).isEqualTo(10);
		assertThatExceptionOfType(org.springframework.dao.DataIntegrityViolationException.class).isThrownBy(
				() -> this.jdbc.update("update topic_groups set boost_hour_choices = '1,x' where slug = ?", group));
	}

}
