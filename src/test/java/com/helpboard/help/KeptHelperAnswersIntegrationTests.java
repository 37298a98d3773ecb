package com.helpboard.help;

import java.sql.Timestamp;
import java.time.Duration;

import com.helpboard.request.RequestView;
import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestClock;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers.TestMember;
import com.helpboard.system.ChinaTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The help queue's kept answers ({@link KeptHelperAnswers}) on PostgreSQL: a reload and
 * the view after "I helped → next" ask the database nothing, and a claim or block made
 * anywhere else (another instance, by hand) reaches them before the next view can offer
 * what the helper may no longer help.
 */
@IntegrationTest
class KeptHelperAnswersIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	KeptHelperAnswers kept;

	@Autowired
	TestData testData;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestClock clock;

	@BeforeEach
	void listening() {
		await().atMost(Duration.ofSeconds(10)).until(this.kept::live);
	}

	private String queue(TestMember helper, String slug) throws Exception {
		return this.mvc
			.perform(get("/queue").param("group", slug).with(helper.session()).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static String card(RequestView request) {
		return "data-request-id=\"" + request.id() + "\"";
	}

	@Test
	void aReloadAndTheViewAfterAClaimAskNothingAndNeverOfferTheClaimedRequest() throws Exception {
		TestMember owner = this.testData.member("owner").create();
		String slug = this.testData.group("kept").named("Kept").ownedBy(owner);
		TestMember helper = this.testData.member("helper").joining(slug);
		RequestView first = this.testData.request().by(owner).in(slug).needing(1).post();
		RequestView second = this.testData.request().by(owner).in(slug).needing(1).post();

		assertThat(queue(helper, slug)).contains(card(first)).contains("Helped today: 0");
		long served = this.kept.served();
		assertThat(queue(helper, slug)).contains(card(first));
		assertThat(this.kept.served()).as("a reload asks nothing").isEqualTo(served + 1);

		this.mvc
			.perform(post("/r/" + first.id() + "/claim").with(csrf())
				.with(helper.session())
				.param("from", "queue")
				.param("group", slug))
			.andExpect(status().is3xxRedirection());
		// at once: the claiming instance adds the claim itself after its commit (the
		// notice, a moment later, then changes nothing)
		assertThat(queue(helper, slug)).contains(card(second)).doesNotContain(card(first)).contains("Helped today: 1");
		assertThat(this.kept.served()).as("nor does the view after the claim").isEqualTo(served + 2);
	}

	@Test
	void aClaimOrABlockMadeElsewhereReachesTheKeptAnswers() throws Exception {
		TestMember owner = this.testData.member("owner").create();
		String slug = this.testData.group("kept-else").named("Kept elsewhere").ownedBy(owner);
		TestMember helper = this.testData.member("helper").joining(slug);
		TestMember other = this.testData.member("other").joining(slug);
		RequestView first = this.testData.request().by(owner).in(slug).needing(1).post();
		RequestView second = this.testData.request().by(other).in(slug).needing(1).post();
		assertThat(queue(helper, slug)).contains(card(first));
		assertThat(queue(helper, slug)).contains(card(first));

		// as another instance claims: a row and its notice, nothing in this instance's
		// code
		this.jdbc.update(
				"insert into claims (request_id, helper_id, author_id, campaign, status, created_at, helper_day)"
						+ " values (?, ?, ?, ?, 'CLAIMED', ?, ?)",
				first.id(), helper.id(), owner.id(), first.campaign(), Timestamp.from(this.clock.instant()),
				ChinaTime.day(this.clock.instant()));
		await().atMost(Duration.ofSeconds(5)).until(() -> queue(helper, slug).contains(card(second)));
		assertThat(queue(helper, slug)).doesNotContain(card(first)).contains("Helped today: 1");

		// and blocks the other author
		this.jdbc.update("insert into member_blocks (member_id, blocked_id, created_at) values (?, ?, now())",
				helper.id(), other.id());
		await().atMost(Duration.ofSeconds(5)).until(() -> queue(helper, slug).contains("id=\"queue-empty\""));
	}

}
