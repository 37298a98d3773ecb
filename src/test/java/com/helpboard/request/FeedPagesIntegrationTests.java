package com.helpboard.request;

import java.time.Duration;
import java.time.Instant;

import com.helpboard.support.IntegrationTest;
import com.helpboard.support.StatementCounter;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers.TestMember;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The feed pages kept for two seconds per instance (docs/feed-order.md "Cost", the pages
 * themselves): a page is read once within its life, anonymous visitors, members and the
 * API share it, every change made on this instance shows at the next view, and one made
 * behind its back (another instance) shows within the page's life.
 */
@IntegrationTest
class FeedPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Requests requests;

	@Autowired
	TestData testData;

	@Test
	void aPageIsReadOnceWithinItsLifeForVisitorsMembersAndTheApi() throws Exception {
		TestMember owner = this.testData.member("pages").create();
		String slug = this.testData.group("pages").ownedBy(owner);
		RequestView request = this.testData.request().by(owner).in(slug).saying("收纳盒").post();
		TestMember member = this.testData.member("reader").joining(slug);

		assertThat(page(slug, null)).contains("data-request-id=\"" + request.id() + "\"");
		StatementCounter.reset();
		assertThat(page(slug, null)).contains("data-request-id=\"" + request.id() + "\"");
		assertThat(page(slug, member)).contains("data-request-id=\"" + request.id() + "\"");
		this.mvc.perform(get("/api/v1/groups/" + slug + "/requests")).andExpect(status().isOk());
		// the page's rows are not read again (the member's view reads its groups only)
		assertThat(StatementCounter.statements()).noneMatch((sql) -> sql.contains("from help_requests"));
	}

	@Test
	void everyChangeMadeOnThisInstanceShowsAtTheNextView() throws Exception {
		TestMember owner = this.testData.member("pages").create();
		String slug = this.testData.group("pages").ownedBy(owner);
		RequestView first = this.testData.request().by(owner).in(slug).needing(3).post();
		assertThat(page(slug, null)).contains("0/3").doesNotContain("1/3");

		// a count raised by the author
		this.requests.raiseProgress(first.id(), owner.id(), 1);
		assertThat(page(slug, null)).contains("1/3");

		// a post
		RequestView second = this.testData.request().by(owner).in(slug).post();
		assertThat(page(slug, null)).contains("data-request-id=\"" + second.id() + "\"");

		// a withdrawal
		this.requests.withdraw(second.id(), owner.id());
		assertThat(page(slug, null)).doesNotContain("data-request-id=\"" + second.id() + "\"")
			.contains("data-request-id=\"" + first.id() + "\"");
	}

	@Test
	void aChangeMadeBehindItsBackShowsWithinThePagesLife() throws Exception {
		TestMember owner = this.testData.member("pages").create();
		String slug = this.testData.group("pages").ownedBy(owner);
		RequestView request = this.testData.request().by(owner).in(slug).post();
		assertThat(page(slug, null)).contains("data-request-id=\"" + request.id() + "\"");

		// closed by another instance: this one does not know
		this.jdbc.update("update help_requests set status = 'EXPIRED', open_key = null, closed_at = now() where id = ?",
				request.id());
		Instant changed = Instant.now();
		String page = page(slug, null);
		while (page.contains("data-request-id=\"" + request.id() + "\"")) {
			assertThat(Duration.between(changed, Instant.now())).as("the page's life (2 s) and some slack")
				.isLessThan(Duration.ofSeconds(10));
			Thread.sleep(100);
			page = page(slug, null);
		}
		// served from memory for a while, but not for longer than its life allows
		assertThat(Duration.between(changed, Instant.now())).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void hidingTheOnesIHelpedIsNeverServedToAnother() throws Exception {
		TestMember owner = this.testData.member("pages").create();
		String slug = this.testData.group("pages").ownedBy(owner);
		RequestView request = this.testData.request().by(owner).in(slug).post();
		TestMember helper = this.testData.member("helper").joining(slug);
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/api/v1/requests/" + request.id() + "/claims")
				.header("Authorization", helper.bearer()))
			.andExpect(status().isCreated());

		String hidden = this.mvc.perform(get("/g/" + slug).param("hideHelped", "true").with(helper.session()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(hidden).doesNotContain("data-request-id=\"" + request.id() + "\"");
		// the same address without the member: everything
		assertThat(this.mvc.perform(get("/g/" + slug).param("hideHelped", "true"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("data-request-id=\"" + request.id() + "\"");
		assertThat(page(slug, null)).contains("data-request-id=\"" + request.id() + "\"");
	}

	private String page(String slug, TestMember member) throws Exception {
		var request = get("/g/" + slug);
		if (member != null) {
			request = request.with(member.session());
		}
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

}
