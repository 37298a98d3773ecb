package com.helpboard.credit;

import com.helpboard.request.RequestClosed;
import com.helpboard.request.RequestStatus;
import com.helpboard.request.RequestView;
import com.helpboard.request.Requests;
import com.helpboard.request.spi.CampaignCompletion;
import com.helpboard.request.spi.HelpHistory;
import com.helpboard.support.PostgresInitializer;
import com.helpboard.support.TestClock;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers;
import com.helpboard.support.TestMembers.TestMember;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The credit module with the modules it depends on (Spring Modulith's
 * {@code @ApplicationModuleTest}), not the whole application: a request the request
 * module closes publishes {@link RequestClosed}, and credit answers it after the close
 * committed ({@link Scenario} withdraws the request in a transaction and waits for the
 * boosts to change). A boost that never started is refunded in full; the slot of the one
 * that ran goes to the next in the queue.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ContextConfiguration(initializers = PostgresInitializer.class)
@Import({ TestClock.Config.class, TestMembers.class, TestData.class })
@Tag("integration")
class BoostRefundsModuleTests {

	@Autowired
	TestData testData;

	@Autowired
	Requests requests;

	@Autowired
	Boosts boosts;

	@Autowired
	Credits credits;

	/** Implemented outside the modules bootstrapped here. */
	@MockitoBean
	HelpHistory helpHistory;

	/** Implemented by the moderation module, not bootstrapped here. */
	@MockitoBean
	com.helpboard.request.spi.ModerationNotes moderationNotes;

	/** Implemented by the stats module, not bootstrapped here. */
	@MockitoBean
	CampaignCompletion campaignCompletion;

	/** A group with one boost slot, where anyone may post. */
	private String oneSlotGroup() {
		TestMember owner = this.testData.member("bro").create();
		return this.testData.group("refund").withBoostSlots(1).postingFreely().ownedBy(owner);
	}

	private String status(long requestId) {
		return this.boosts.boostsOf(requestId).get(0).status();
	}

	@Test
	void withdrawingARequestRefundsItsBoostThatNeverStarted(Scenario scenario) {
		String group = oneSlotGroup();
		TestMember holder = this.testData.member("brh").withCredits(10).joining(group);
		this.boosts.boost(holder.id(), this.testData.request().by(holder).in(group).post().id(), 1);
		TestMember author = this.testData.member("bra").withCredits(30).joining(group);
		RequestView request = this.testData.request().by(author).in(group).post();
		BoostView queued = this.boosts.boost(author.id(), request.id(), 12);
		assertThat(queued.status()).isEqualTo("QUEUED");
		assertThat(this.credits.balance(author.id())).isEqualTo(30 - queued.cost());

		scenario.stimulate(() -> this.requests.withdraw(request.id(), author.id()))
			.andWaitForStateChange(() -> status(request.id()), "REFUNDED"::equals)
			.andVerifyEvents((events) -> assertThat(events).contains(RequestClosed.class)
				.matching((closed) -> closed.requestId() == request.id() && closed.status() == RequestStatus.REMOVED));
		assertThat(this.credits.balance(author.id())).isEqualTo(30);
		// the boost that runs is not the closed request's business
		assertThat(this.credits.balance(holder.id())).isEqualTo(10 - 2);
	}

	@Test
	void withdrawingARequestWhoseBoostRunsGivesItsSlotToTheNextInTheQueue(Scenario scenario) {
		String group = oneSlotGroup();
		TestMember holder = this.testData.member("brh").withCredits(10).joining(group);
		RequestView pinned = this.testData.request().by(holder).in(group).post();
		assertThat(this.boosts.boost(holder.id(), pinned.id(), 3).status()).isEqualTo("ACTIVE");
		TestMember next = this.testData.member("brn").withCredits(10).joining(group);
		RequestView waiting = this.testData.request().by(next).in(group).post();
		assertThat(this.boosts.boost(next.id(), waiting.id(), 1).status()).isEqualTo("QUEUED");

		scenario.stimulate(() -> this.requests.withdraw(pinned.id(), holder.id()))
			.andWaitForStateChange(() -> status(waiting.id()), "ACTIVE"::equals)
			.andVerify((status) -> {
				assertThat(status(pinned.id())).isEqualTo("ENDED");
				// a boost that ran, even cut short, is not refunded
				assertThat(this.credits.balance(holder.id())).isEqualTo(10 - 6);
				assertThat(this.credits.balance(next.id())).isEqualTo(10 - 2);
			});
	}

}
