package com.helpboard.help;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.helpboard.group.Groups;
import com.helpboard.request.Campaigns;
import com.helpboard.request.RequestView;
import com.helpboard.request.Requests;
import com.helpboard.support.Concurrently;
import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers.TestMember;
import com.helpboard.system.HelpBoardException;
import com.helpboard.system.LimitReached;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The per-member limits (a campaign's helper daily cap, a group's open-request limit and
 * its help-before-you-post rule) hold exactly however many requests race; the racing is
 * driven through the facades, the same services the API and pages call.
 */
@IntegrationTest
class LimitsUnderConcurrencyIntegrationTests {

	private static final int RACERS = 20;

	@Autowired
	MockMvc mvc;

	@Autowired
	Helps helps;

	@Autowired
	Requests requests;

	@Autowired
	Groups groups;

	@Autowired
	Campaigns campaigns;

	@Autowired
	TestData testData;

	@Autowired
	JdbcTemplate jdbc;

	/** A request of the campaign whose helper daily cap is under test. */
	private RequestView post(TestMember author, String slug) {
		return this.testData.request().by(author).in(slug).inCampaign("pdd-new-user").post();
	}

	private long openRequests(long authorId, String slug) {
		return this.jdbc.queryForObject("select count(*) from help_requests r join topic_groups g on g.id = r.group_id"
				+ " where r.author_id = ? and g.slug = ? and r.status = 'OPEN'", Long.class, authorId, slug);
	}

	private static List<String> refusals(List<Object> results) {
		List<String> keys = new ArrayList<>();
		for (Object result : results) {
			if (result instanceof HelpBoardException ex) {
				keys.add(ex.messageKey());
			}
			else if (result instanceof Throwable ex) {
				throw new AssertionError("a racing call failed unexpectedly", ex);
			}
		}
		return keys;
	}

	@Test
	void twentyFourConcurrentClaimsOfOneHelperStopExactlyAtTheCampaignsDailyCap() throws Exception {
		int cap = this.campaigns.get("pdd-new-user").helperDailyCap();
		assertThat(cap).isBetween(1, 23);
		TestMember owner = this.testData.member("owner").create();
		String slug = this.testData.group("limits")
			.withDefaultCampaign("pdd-new-user")
			.limitingOpenRequestsTo(50)
			.withPostingRule(100, 0)
			.ownedBy(owner);
		List<RequestView> posted = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			posted.add(post(owner, slug));
		}
		TestMember helper = this.testData.member("helper").joining(slug);
		AtomicInteger next = new AtomicInteger();
		List<Object> results = Concurrently.run(24,
				() -> this.helps.claim(helper.id(), posted.get(next.getAndIncrement()).id()));

		assertThat(results).filteredOn(ClaimView.class::isInstance).hasSize(cap);
		assertThat(results).filteredOn(LimitReached.class::isInstance).hasSize(24 - cap);
		assertThat(refusals(results)).containsOnly("help.claim.capped");
		assertThat(this.jdbc.queryForObject("select count(*) from claims where helper_id = ?", Long.class, helper.id()))
			.isEqualTo(cap);
	}

	@Test
	void twentyConcurrentPostsOfOneMemberStopExactlyAtTheOpenRequestLimit() throws Exception {
		TestMember owner = this.testData.member("owner").create();
		String slug = this.testData.group("limits")
			.withDefaultCampaign("pdd-new-user")
			.limitingOpenRequestsTo(3)
			.withPostingRule(100, 0)
			.ownedBy(owner);
		TestMember poster = this.testData.member("poster").joining(slug);
		List<Object> results = Concurrently.run(RACERS, () -> post(poster, slug));

		assertThat(results).filteredOn(RequestView.class::isInstance).hasSize(3);
		assertThat(refusals(results)).hasSize(RACERS - 3).containsOnly("request.post.limit");
		assertThat(openRequests(poster.id(), slug)).isEqualTo(3);
	}

	@Test
	void twentyConcurrentPostsOfAMemberWhoNeverHelpedGetOnlyTheFreeOne() throws Exception {
		TestMember owner = this.testData.member("owner").create();
		String slug = this.testData.group("limits")
			.withDefaultCampaign("pdd-new-user")
			.limitingOpenRequestsTo(50)
			.withPostingRule(1, 1)
			.ownedBy(owner);
		TestMember taker = this.testData.member("taker").joining(slug);
		List<Object> results = Concurrently.run(RACERS, () -> post(taker, slug));

		assertThat(results).filteredOn(RequestView.class::isInstance).hasSize(1);
		assertThat(refusals(results)).hasSize(RACERS - 1).containsOnly("help.post-rule.missing");
		assertThat(openRequests(taker.id(), slug)).isEqualTo(1);
	}

	@Test
	void claimsConfirmsAndPostsOfMembersHelpingEachOtherAtOnceNeverDeadlock() throws Exception {
		TestMember owner = this.testData.member("owner").create();
		String slug = this.testData.group("limits")
			.withDefaultCampaign("pdd-new-user")
			.limitingOpenRequestsTo(50)
			.withPostingRule(100, 0)
			.ownedBy(owner);
		List<TestMember> trio = List.of(this.testData.member("x").joining(slug),
				this.testData.member("y").joining(slug), this.testData.member("z").joining(slug));
		// each one's requests, one help needed: confirming fulfils and closes them
		List<List<RequestView>> asked = new ArrayList<>();
		for (TestMember member : trio) {
			List<RequestView> mine = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				mine.add(this.testData.request().by(member).in(slug).inCampaign("pdd-bargain").post());
			}
			asked.add(mine);
		}
		// waiting claims: each member on the next one's first two requests
		List<Runnable> tasks = new ArrayList<>();
		for (int m = 0; m < 3; m++) {
			TestMember helper = trio.get(m);
			int next = (m + 1) % 3;
			TestMember author = trio.get(next);
			for (int i = 0; i < 2; i++) {
				ClaimView claim = this.helps.claim(helper.id(), asked.get(next).get(i).id());
				tasks.add(() -> this.helps.confirm(author.id(), claim.id()));
			}
			// meanwhile the third one claims the very requests being confirmed, and the
			// others' remaining ones, and everybody posts
			TestMember third = trio.get((m + 2) % 3);
			for (RequestView request : asked.get(next)) {
				tasks.add(() -> this.helps.claim(third.id(), request.id()));
			}
			tasks.add(() -> this.helps.claim(helper.id(), asked.get(next).get(2).id()));
			tasks.add(() -> this.helps.confirmAll(author.id(), asked.get(next).get(3).id()));
			tasks.add(() -> post(helper, slug));
		}
		AtomicInteger next = new AtomicInteger();
		List<Object> results = Concurrently.run(tasks.size(), () -> {
			tasks.get(next.getAndIncrement()).run();
			return "done";
		});
		// refusals (a request closed meanwhile) are
		// fine; a deadlock or lock failure is not
		assertThat(refusals(results)).allSatisfy((key) -> assertThat(key).startsWith("help.claim."));
		assertThat(
				this.jdbc.queryForObject(
						"select count(*) from claims c join help_requests r on r.id = c.request_id"
								+ " where r.group_id = ? and c.status = 'CONFIRMED'",
						Long.class, this.groups.get(slug).id()))
			.isGreaterThanOrEqualTo(6);
	}

	@Test
	void onlyAConfirmedHelpUnlocksPosting() throws Exception {
		TestMember owner = this.testData.member("owner").create();
		String slug = this.testData.group("limits")
			.withDefaultCampaign("pdd-new-user")
			.limitingOpenRequestsTo(50)
			.withPostingRule(1, 1)
			.ownedBy(owner);
		TestMember member = this.testData.member("member").joining(slug);
		post(member, slug);
		assertThatThrownBy(() -> post(member, slug)).isInstanceOf(HelpBoardException.class)
			.hasMessage("help.post-rule.missing");

		// a claim anyone can make up does not count while it waits for its requester
		RequestView theirs = post(owner, slug);
		ClaimView claim = this.helps.claim(member.id(), theirs.id());
		assertThatThrownBy(() -> post(member, slug)).isInstanceOf(HelpBoardException.class)
			.hasMessage("help.post-rule.missing");
		assertThat(openRequests(member.id(), slug)).isEqualTo(1);

		this.helps.confirm(owner.id(), claim.id());
		assertThat(post(member, slug).isOpen()).isTrue();
		assertThat(openRequests(member.id(), slug)).isEqualTo(2);
	}

	@Test
	void aRejectedHelpDoesNotUnlockPosting() throws Exception {
		TestMember owner = this.testData.member("owner").create();
		String slug = this.testData.group("limits")
			.withDefaultCampaign("pdd-new-user")
			.limitingOpenRequestsTo(50)
			.withPostingRule(1, 1)
			.ownedBy(owner);
		TestMember member = this.testData.member("member").joining(slug);
		post(member, slug);
		RequestView theirs = post(owner, slug);
		ClaimView claim = this.helps.claim(member.id(), theirs.id());
		this.helps.reject(owner.id(), claim.id());
		assertThatThrownBy(() -> post(member, slug)).isInstanceOf(HelpBoardException.class)
			.hasMessage("help.post-rule.missing");
	}

	@Test
	void aMemberAtTheLimitIsRefusedBeforeTheirImageIsLookedAt() throws Exception {
		TestMember owner = this.testData.member("owner").create();
		String slug = this.testData.group("limits")
			.withDefaultCampaign("pdd-new-user")
			.limitingOpenRequestsTo(3)
			.withPostingRule(100, 0)
			.ownedBy(owner);
		TestMember poster = this.testData.member("poster").joining(slug);
		for (int i = 0; i < 3; i++) {
			post(poster, slug);
		}
		// an unreadable image: decoding it would answer 422 on the image
		this.mvc
			.perform(multipart("/api/v1/groups/" + slug + "/requests/qr")
				.file(new MockMultipartFile("image", "x.png", "image/png", "not an image".getBytes()))
				.header("Authorization", poster.bearer())
				.header("Accept-Language", "en"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("You may have at most 3 open requests in this group."));

		String ruled = this.testData.group("limits")
			.withDefaultCampaign("pdd-new-user")
			.limitingOpenRequestsTo(50)
			.withPostingRule(1, 1)
			.ownedBy(owner);
		TestMember taker = this.testData.member("taker").joining(ruled);
		post(taker, ruled);
		this.mvc
			.perform(multipart("/api/v1/groups/" + ruled + "/requests/qr")
				.file(new MockMultipartFile("image", "x.png", "image/png", "not an image".getBytes()))
				.header("Authorization", taker.bearer())
				.header("Accept-Language", "en"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Help before you post")));

		TestMember outsider = this.testData.member("outsider").create();
		this.mvc
			.perform(multipart("/api/v1/groups/" + slug + "/requests/qr")
				.file(new MockMultipartFile("image", "x.png", "image/png", "not an image".getBytes()))
				.header("Authorization", outsider.bearer()))
			.andExpect(status().isForbidden());
		assertThat(openRequests(poster.id(), slug)).isEqualTo(3);
	}

}
