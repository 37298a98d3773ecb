package com.helpboard.credit;

import java.time.Instant;

import com.helpboard.help.ClaimConfirmed;
import com.helpboard.request.spi.CampaignCompletion;
import com.helpboard.help.Helps;
import com.helpboard.request.RequestView;
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
 * The credit module bootstrapped with the modules it depends on (Spring Modulith's
 * {@code @ApplicationModuleTest}), not the whole application: a confirmed claim, as the
 * help module publishes it, pays its helper ({@link Scenario} publishes it in a
 * transaction and waits for the balance to change). That a republished one pays nothing
 * twice is HelpIntegrationTests' business. Configured as BoostRefundsModuleTests, so the
 * two share one context.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ContextConfiguration(initializers = PostgresInitializer.class)
@Import({ TestClock.Config.class, TestMembers.class, TestData.class })
@Tag("integration")
class HelpRewardsModuleTests {

	@Autowired
	TestData testData;

	@Autowired
	Credits credits;

	@Autowired
	Helps helps;

	/** Implemented outside the modules bootstrapped here. */
	@MockitoBean
	HelpHistory helpHistory;

	/** Implemented by the moderation module, not bootstrapped here. */
	@MockitoBean
	com.helpboard.request.spi.ModerationNotes moderationNotes;

	/** Implemented by the stats module, not bootstrapped here. */
	@MockitoBean
	CampaignCompletion campaignCompletion;

	@Test
	void aConfirmedClaimPaysItsHelperOneCredit(Scenario scenario) {
		// a real claim: its payment is recorded against it (help_payments)
		String group = this.testData.group("rw").postingFreely().ownedBy(this.testData.member("rw-owner").create());
		TestMember author = this.testData.member("rw-author").joining(group);
		long helper = this.testData.member("rw").joining(group).id();
		RequestView request = this.testData.request().by(author).in(group).post();
		long claim = this.helps.claim(helper, request.id()).id();
		ClaimConfirmed confirmed = new ClaimConfirmed(claim, request.id(), helper, author.id(), false, Instant.now());

		scenario.publish(confirmed)
			.andWaitForStateChange(() -> this.credits.balance(helper), (balance) -> balance > 0)
			.andVerify((balance) -> assertThat(balance).isEqualTo(1));
	}

}
