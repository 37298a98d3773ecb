package com.helpboard.moderation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.helpboard.account.Accounts;
import com.helpboard.group.Groups;
import com.helpboard.request.RequestStatus;
import com.helpboard.request.RequestView;
import com.helpboard.request.Requests;
import com.helpboard.support.Concurrently;
import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestClock;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers.TestMember;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reports, the threshold, moderators' actions, bans, suspensions and the public log, on
 * pages and through the API (docs/moderation.md).
 */
@IntegrationTest
class ModerationIntegrationTests {

	private static final Duration OLD = Duration.ofDays(30);

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData testData;

	@Autowired
	Requests requests;

	@Autowired
	Groups groups;

	@Autowired
	Accounts accounts;

	@Autowired
	Moderation moderation;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestClock clock;

	/**
	 * Each call from its own address: the per-address report limit is not what is tested
	 * here.
	 */
	private static RequestPostProcessor anywhere() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return (request) -> {
			request.setRemoteAddr("203.0." + random.nextInt(256) + "." + random.nextInt(1, 255));
			return request;
		};
	}

	private int report(TestMember reporter, long requestId, String reason) throws Exception {
		return this.mvc
			.perform(post("/api/v1/requests/{id}/reports", requestId).with(anywhere())
				.header("Authorization", reporter.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"" + reason + "\",\"detail\":\"looks wrong\"}"))
			.andReturn()
			.getResponse()
			.getStatus();
	}

	private int act(TestMember moderator, long requestId, String action, String reason) throws Exception {
		return this.mvc
			.perform(post("/api/v1/requests/{id}/" + action, requestId).header("Authorization", moderator.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"" + reason + "\"}"))
			.andReturn()
			.getResponse()
			.getStatus();
	}

	private RequestStatus statusOf(long requestId) {
		return RequestStatus.valueOf(
				this.jdbc.queryForObject("select status from help_requests where id = ?", String.class, requestId));
	}

	private long logLines(long requestId, String action) {
		return this.jdbc.queryForObject("select count(*) from moderation_log where request_id = ? and action = ?",
				Long.class, requestId, action);
	}

	private long logLinesAbout(long memberId, String action) {
		return this.jdbc.queryForObject("select count(*) from moderation_log where member_id = ? and action = ?",
				Long.class, memberId, action);
	}

	private int standing(TestMember member) {
		return this.accounts.findById(member.id()).orElseThrow().standing();
	}

	private List<Integer> feedIds(String slug) throws Exception {
		String json = this.mvc.perform(get("/api/v1/groups/{slug}/requests", slug).param("size", "100"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(json, "$.items[*].id");
	}

	private TestMember established(String prefix, String... groups) {
		return this.testData.member(prefix).joinedAgo(OLD).joining(groups);
	}

	@Test
	void threeDistinctReportersHideARequestAtOnceAndReportingTwiceAddsNothing() throws Exception {
		TestMember owner = this.testData.member("owner").create();
		String slug = this.testData.group("reports").postingFreely().ownedBy(owner);
		TestMember author = this.testData.member("author").joining(slug);
		RequestView request = this.testData.request().by(author).in(slug).post();
		TestMember a = established("repa", slug);
		TestMember b = established("repb", slug);
		TestMember c = established("repc", slug);
		assertThat(feedIds(slug)).contains((int) request.id());

		assertThat(report(a, request.id(), "DEAD_LINK")).isEqualTo(201);
		assertThat(report(a, request.id(), "PHISHING")).as("the same member again").isEqualTo(409);
		assertThat(report(a, request.id(), "SPAM")).isEqualTo(409);
		assertThat(report(b, request.id(), "PHISHING")).isEqualTo(201);
		assertThat(statusOf(request.id())).as("2 of 3: the repeated reports weigh nothing")
			.isEqualTo(RequestStatus.OPEN);
		assertThat(feedIds(slug)).contains((int) request.id());

		this.mvc
			.perform(post("/api/v1/requests/{id}/reports", request.id()).with(anywhere())
				.header("Authorization", c.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"PHISHING\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.hidden").value(true))
			.andExpect(jsonPath("$.reason").value("PHISHING"));
		assertThat(statusOf(request.id())).isEqualTo(RequestStatus.HIDDEN);
		assertThat(feedIds(slug)).as("hidden at once, also from the cached feed order")
			.doesNotContain((int) request.id());
		this.mvc.perform(get("/api/v1/requests/{id}", request.id())).andExpect(status().isNotFound());
		assertThat(this.jdbc.queryForObject("select count(*) from request_reports where request_id = ?", Long.class,
				request.id()))
			.isEqualTo(3);
		assertThat(logLines(request.id(), "AUTO_HIDE")).isEqualTo(1);
		this.mvc.perform(get("/api/v1/moderation/log").param("group", slug))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].actor").value("system"))
			.andExpect(jsonPath("$.items[0].action").value("AUTO_HIDE"))
			.andExpect(jsonPath("$.items[0].target").value("#" + request.id()))
			.andExpect(jsonPath("$.items[0].group").value(slug))
			.andExpect(jsonPath("$.items[0].reason").value("PHISHING ×2, DEAD_LINK ×1"));

		// the author sees that it is hidden and why, never who reported it
		String page = this.mvc
			.perform(get("/r/{id}", request.id()).with(author.session()).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("This request is hidden", "Phishing or scam: reported by 2",
				"Dead link: reported by 1");
		assertThat(page).doesNotContain(a.username(), b.username(), c.username());
		String mine = this.mvc.perform(get("/my/requests").with(author.session()).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(mine).contains("Phishing or scam: reported by 2").doesNotContain(a.username());
		// other members no longer see it
		this.mvc.perform(get("/r/{id}", request.id()).with(a.session())).andExpect(status().isNotFound());
	}

	@Test
	void threeNewAccountsHideANewAccountsPhishingPost() throws Exception {
		TestMember owner = this.testData.member("owner").create();
		String slug = this.testData.group("fresh-phish").postingFreely().ownedBy(owner);
		TestMember author = this.testData.member("phisher").fresh().joining(slug);
		RequestView request = this.testData.request().by(author).in(slug).post();
		for (String name : new String[] { "n1", "n2", "n3" }) {
			assertThat(report(this.testData.member(name).fresh().joining(slug), request.id(), "PHISHING"))
				.isEqualTo(201);
		}
		assertThat(statusOf(request.id())).as("new against new: 1 + 1 + 1").isEqualTo(RequestStatus.HIDDEN);
	}

	@Test
	void newAccountsReportsWeighHalf() throws Exception {
		TestMember owner = this.testData.member("owner").create();
		String slug = this.testData.group("weights").postingFreely().ownedBy(owner);
		TestMember author = this.testData.member("author").joining(slug);
		RequestView request = this.testData.request().by(author).in(slug).post();
		assertThat(report(established("old1", slug), request.id(), "SPAM")).isEqualTo(201);
		assertThat(report(established("old2", slug), request.id(), "SPAM")).isEqualTo(201);
		assertThat(report(this.testData.member("fresh1").fresh().joining(slug), request.id(), "SPAM")).isEqualTo(201);
		assertThat(statusOf(request.id())).as("1 + 1 + 0.5 < 3").isEqualTo(RequestStatus.OPEN);
		assertThat(this.jdbc.queryForObject("select sum(weight) from request_reports where request_id = ?",
				java.math.BigDecimal.class, request.id()))
			.isEqualByComparingTo("2.5");
		// an account 23 h old counts half; two hours later, past 24 h, in full
		TestMember grown = this.testData.member("grown").joinedAgo(Duration.ofHours(23)).joining(slug);
		this.clock.advance(Duration.ofHours(2));
		try {
			assertThat(report(grown, request.id(), "SPAM")).isEqualTo(201);
		}
		finally {
			this.clock.reset();
		}
		assertThat(
				this.jdbc.queryForObject("select weight from request_reports where request_id = ? and reporter_id = ?",
						java.math.BigDecimal.class, request.id(), grown.id()))
			.isEqualByComparingTo("1");
		assertThat(statusOf(request.id())).as("2.5 + 1 ≥ 3").isEqualTo(RequestStatus.HIDDEN);
	}

	@Test
	void theOwnerSetsTheThresholdOnTheSettingsPage() throws Exception {
		TestMember owner = this.testData.member("owner").create();
		String slug = this.testData.group("threshold").postingFreely().ownedBy(owner);
		this.mvc
			.perform(post("/g/{slug}/report-threshold", slug).with(owner.session())
				.with(csrf())
				.param("reportThreshold", "1"))
			.andExpect(redirectedUrl("/g/" + slug + "/settings"));
		long groupId = this.groups.get(slug).id();
		assertThat(this.groups.reportThreshold(groupId)).isEqualTo(1);
		TestMember member = this.testData.member("member").joining(slug);
		this.mvc
			.perform(post("/g/{slug}/report-threshold", slug).with(member.session())
				.with(csrf())
				.param("reportThreshold", "9"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/g/{slug}/report-threshold", slug).with(owner.session())
				.with(csrf())
				.param("reportThreshold", "0"))
			.andExpect(redirectedUrl("/g/" + slug + "/settings"));
		assertThat(this.groups.reportThreshold(groupId)).isEqualTo(1);
		RequestView request = this.testData.request().by(member).in(slug).post();
		// one report from the page is enough now; the reporter is sent back to the group
		this.mvc
			.perform(post("/r/{id}/report", request.id()).with(established("pager", slug).session())
				.with(csrf())
				.param("reason", "WRONG_GROUP")
				.param("detail", "belongs to the Temu group"))
			.andExpect(redirectedUrl("/g/" + slug));
		assertThat(statusOf(request.id())).isEqualTo(RequestStatus.HIDDEN);
	}

	@Test
	void reportsAreRefusedWhereTheyMakeNoSense() throws Exception {
		TestMember owner = this.testData.member("owner").create();
		String slug = this.testData.group("refuse").postingFreely().ownedBy(owner);
		String secret = this.testData.group("refuse-secret").privately().postingFreely().ownedBy(owner);
		TestMember author = this.testData.member("author").joining(slug);
		RequestView request = this.testData.request().by(author).in(slug).post();
		assertThat(report(author, request.id(), "SPAM")).as("one's own").isEqualTo(409);
		TestMember insider = this.testData.member("insider")
			.joiningWithCode(secret, this.groups.inviteCode(secret, owner.id()));
		RequestView hiddenAway = this.testData.request().by(insider).in(secret).post();
		assertThat(report(author, hiddenAway.id(), "SPAM")).as("a private group's, to an outsider").isEqualTo(404);
		TestMember reporter = established("rep", slug);
		this.mvc
			.perform(post("/api/v1/requests/{id}/reports", request.id()).with(anywhere())
				.header("Authorization", reporter.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"NOT_A_REASON\"}"))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/api/v1/requests/{id}/reports", request.id()).with(anywhere())
				.header("Authorization", reporter.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"OTHER\",\"detail\":\"" + "x".repeat(281) + "\"}"))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/api/v1/requests/{id}/reports", request.id()).with(anywhere())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"OTHER\"}"))
			.andExpect(status().isUnauthorized());
		this.mvc
			.perform(post("/api/v1/requests/{id}/reports", request.id()).with(anywhere())
				.header("Authorization", reporter.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"detail\":\"no reason given\"}"))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/r/{id}/report", request.id()).with(reporter.session())
				.with(csrf())
				.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Must not be empty.")));
		this.requests.withdraw(request.id(), author.id());
		assertThat(report(reporter, request.id(), "DEAD_LINK")).as("a closed request").isEqualTo(409);
		// the page form says why it is refused, beside the form
		RequestView open = this.testData.request().by(author).in(slug).post();
		this.mvc
			.perform(post("/r/{id}/report", open.id()).with(author.session())
				.with(csrf())
				.param("reason", "SPAM")
				.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("You cannot report your own request.")));
		// the card and the request page link to the form
		this.mvc.perform(get("/g/{slug}", slug))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("/r/" + open.id() + "/report")));
		this.mvc.perform(get("/r/{id}/report", open.id()).with(reporter.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("reason-PHISHING")));
		this.mvc.perform(get("/r/{id}/report", open.id())).andExpect(status().is3xxRedirection());
	}

	@Test
	void twentyReportsAtOnceHideTheRequestAndLogItExactlyOnce() throws Exception {
		TestMember owner = this.testData.member("owner").create();
		String slug = this.testData.group("race").postingFreely().ownedBy(owner);
		TestMember author = this.testData.member("author").joining(slug);
		RequestView request = this.testData.request().by(author).in(slug).post();
		List<TestMember> reporters = new java.util.ArrayList<>();
		for (int i = 0; i < 20; i++) {
			reporters.add(established("race", slug));
		}
		AtomicInteger next = new AtomicInteger();
		List<Object> results = Concurrently.run(20, () -> this.moderation
			.report(reporters.get(next.getAndIncrement()).id(), request.id(), ReportReason.SPAM, null));
		assertThat(results).filteredOn(Moderation.Reported.class::isInstance)
			.hasSizeGreaterThanOrEqualTo(3)
			.filteredOn((r) -> ((Moderation.Reported) r).hidden())
			.hasSize(1);
		assertThat(statusOf(request.id())).isEqualTo(RequestStatus.HIDDEN);
		assertThat(logLines(request.id(), "AUTO_HIDE")).isEqualTo(1);
	}

	@Test
	void moderatorsHideAndRestoreWithAReasonAndFalseReportersLoseStanding() throws Exception {
		TestMember owner = this.testData.member("owner").create();
		String slug = this.testData.group("moderated").postingFreely().ownedBy(owner);
		TestMember author = this.testData.member("author").joining(slug);
		TestMember mod = this.testData.member("mod").joining(slug);
		TestMember plain = this.testData.member("plain").joining(slug);
		RequestView request = this.testData.request().by(author).in(slug).post();

		// the owner names a moderator (twice: logged once)
		for (int i = 0; i < 2; i++) {
			this.mvc.perform(put("/api/v1/groups/{slug}/moderators/{name}", slug, mod.username())
				.header("Authorization", owner.bearer())).andExpect(status().isNoContent());
		}
		assertThat(logLinesAbout(mod.id(), "MODERATOR_ADDED")).isEqualTo(1);
		this.mvc.perform(put("/api/v1/groups/{slug}/moderators/{name}", slug, plain.username()).header("Authorization",
				mod.bearer()))
			.andExpect(status().isForbidden());

		// a member who does not moderate the group may do nothing of it
		assertThat(act(plain, request.id(), "hide", "I do not like it")).isEqualTo(403);
		this.mvc.perform(get("/api/v1/moderation/queue").header("Authorization", plain.bearer()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/mod").param("group", slug).with(plain.session())).andExpect(status().isForbidden());
		this.mvc.perform(
				post("/mod/requests/{id}/hide", request.id()).with(plain.session()).with(csrf()).param("reason", "no"))
			.andExpect(status().isForbidden());
		assertThat(statusOf(request.id())).isEqualTo(RequestStatus.OPEN);

		TestMember a = established("falsea", slug);
		TestMember b = established("falseb", slug);
		TestMember c = established("falsec", slug);
		for (TestMember reporter : List.of(a, b, c)) {
			assertThat(report(reporter, request.id(), "PHISHING")).isEqualTo(201);
		}
		assertThat(statusOf(request.id())).isEqualTo(RequestStatus.HIDDEN);
		int standingBefore = standing(a);

		// the moderator's queue lists it with its reports, on the API and the page
		this.mvc.perform(get("/api/v1/moderation/queue").param("group", slug).header("Authorization", mod.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].request.id").value(request.id()))
			.andExpect(jsonPath("$.items[0].request.status").value("HIDDEN"))
			.andExpect(jsonPath("$.items[0].hidden").value(true))
			.andExpect(jsonPath("$.items[0].awaitingReview").value("REPORTS"))
			.andExpect(jsonPath("$.items[0].weight").value(3.0))
			.andExpect(jsonPath("$.items[0].reports.length()").value(3))
			.andExpect(jsonPath("$.items[0].reports[0].reason").value("PHISHING"));
		this.mvc.perform(get("/mod").with(mod.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("data-request-id=\"" + request.id())));

		// restored on the page, with a reason: back in the feed; the reporters lose
		// standing
		this.mvc
			.perform(post("/mod/requests/{id}/restore", request.id()).with(mod.session())
				.with(csrf())
				.param("reason", "the link works, it is a real 砍价")
				.param("group", slug))
			.andExpect(redirectedUrl("/mod?group=" + slug));
		assertThat(statusOf(request.id())).isEqualTo(RequestStatus.OPEN);
		assertThat(feedIds(slug)).contains((int) request.id());
		assertThat(standing(a)).isEqualTo(standingBefore - 2);
		assertThat(standing(b)).isEqualTo(standing(c));
		assertThat(logLines(request.id(), "RESTORE")).isEqualTo(1);
		assertThat(act(mod, request.id(), "restore", "again")).as("not hidden any more").isEqualTo(409);
		assertThat(standing(a)).as("a false report costs once").isEqualTo(standingBefore - 2);
		this.mvc.perform(get("/api/v1/moderation/queue").param("group", slug).header("Authorization", mod.bearer()))
			.andExpect(jsonPath("$.items.length()").value(0));

		// hidden by the moderator through the API: a reason is needed
		assertThat(act(mod, request.id(), "hide", "")).isEqualTo(400);
		this.mvc
			.perform(post("/api/v1/requests/{id}/hide", request.id()).header("Authorization", mod.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"asks for bank details\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(request.id()))
			.andExpect(jsonPath("$.status").value("HIDDEN"))
			.andExpect(jsonPath("$.group").value(slug));
		assertThat(feedIds(slug)).doesNotContain((int) request.id());
		assertThat(act(mod, request.id(), "hide", "twice")).isEqualTo(409);
		String page = this.mvc
			.perform(get("/r/{id}", request.id()).with(author.session()).header("Accept-Language", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Reason given by the moderator: asks for bank details");

		// the log: every action exactly once, with who, what, target and reason
		assertThat(logLines(request.id(), "AUTO_HIDE")).isEqualTo(1);
		assertThat(logLines(request.id(), "RESTORE")).isEqualTo(1);
		assertThat(logLines(request.id(), "HIDE")).isEqualTo(1);
		this.mvc.perform(get("/api/v1/moderation/log").param("group", slug).param("size", "10"))
			.andExpect(jsonPath("$.items.length()").value(4))
			.andExpect(jsonPath("$.items[0].action").value("HIDE"))
			.andExpect(jsonPath("$.items[0].actor").value(mod.username()))
			.andExpect(jsonPath("$.items[0].reason").value("asks for bank details"))
			.andExpect(jsonPath("$.items[1].action").value("RESTORE"))
			.andExpect(jsonPath("$.items[1].reason").value("the link works, it is a real 砍价"))
			.andExpect(jsonPath("$.items[2].action").value("AUTO_HIDE"))
			.andExpect(jsonPath("$.items[3].action").value("MODERATOR_ADDED"))
			.andExpect(jsonPath("$.items[3].target").value(mod.username()));
		this.mvc.perform(get("/mod/log").param("group", slug).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("asks for bank details")));

		// removed, the moderator may do nothing more
		this.mvc.perform(delete("/api/v1/groups/{slug}/moderators/{name}", slug, mod.username()).header("Authorization",
				owner.bearer()))
			.andExpect(status().isNoContent());
		assertThat(logLinesAbout(mod.id(), "MODERATOR_REMOVED")).isEqualTo(1);
		assertThat(act(mod, request.id(), "restore", "still me")).isEqualTo(403);
	}

	@Test
	void anUpheldPhishingReportCostsTheAuthorAndHoldsTheirOtherOpenRequests() throws Exception {
		TestMember owner = this.testData.member("owner").create();
		String slug = this.testData.group("phish").postingFreely().ownedBy(owner);
		String other = this.testData.group("phish-other").postingFreely().ownedBy(owner);
		TestMember author = this.testData.member("phisher").joining(slug, other);
		RequestView bait = this.testData.request().by(author).in(slug).post();
		RequestView second = this.testData.request().by(author).in(slug).post();
		RequestView elsewhere = this.testData.request().by(author).in(other).post();
		assertThat(report(established("victim", slug), bait.id(), "PHISHING")).isEqualTo(201);
		int before = this.accounts.findById(author.id()).orElseThrow().standing();

		assertThat(act(owner, bait.id(), "hide", "phishing page asking for a login")).isEqualTo(200);

		assertThat(this.accounts.findById(author.id()).orElseThrow().standing()).isEqualTo(before - 10);
		assertThat(statusOf(second.id())).isEqualTo(RequestStatus.HIDDEN);
		assertThat(statusOf(elsewhere.id())).isEqualTo(RequestStatus.HIDDEN);
		assertThat(logLines(second.id(), "AUTO_HIDE")).isEqualTo(1);
		assertThat(logLines(elsewhere.id(), "AUTO_HIDE")).isEqualTo(1);
		assertThat(logLines(bait.id(), "HIDE")).isEqualTo(1);
		this.mvc.perform(get("/api/v1/moderation/queue").param("group", other).header("Authorization", owner.bearer()))
			.andExpect(jsonPath("$.items[0].request.id").value(elsewhere.id()))
			.andExpect(jsonPath("$.items[0].awaitingReview").value("AUTHOR_PHISHING"));
		// a report that is not phishing costs the author nothing
		RequestView spam = this.testData.request().by(this.testData.member("spammer").joining(slug)).in(slug).post();
		assertThat(report(established("victim2", slug), spam.id(), "SPAM")).isEqualTo(201);
		assertThat(act(owner, spam.id(), "hide", "spam")).isEqualTo(200);
		assertThat(this.accounts.findById(spam.authorId()).orElseThrow().standing()).isEqualTo(0);
	}

	@Test
	void aBannedMemberCannotPostClaimOrReportUntilTheBanIsLiftedOrEnds() throws Exception {
		TestMember owner = this.testData.member("owner").create();
		String slug = this.testData.group("bans").postingFreely().ownedBy(owner);
		TestMember author = this.testData.member("author").joining(slug);
		TestMember banned = established("banned", slug);
		TestMember plain = this.testData.member("plain").joining(slug);
		RequestView request = this.testData.request().by(author).in(slug).needing(5).post();

		this.mvc
			.perform(put("/api/v1/groups/{slug}/bans/{name}", slug, banned.username())
				.header("Authorization", plain.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"hours\":1,\"reason\":\"no\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(put("/api/v1/groups/{slug}/bans/{name}", slug, banned.username())
				.header("Authorization", owner.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"hours\":0,\"reason\":\"no\"}"))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(put("/api/v1/groups/{slug}/bans/{name}", slug, banned.username())
				.header("Authorization", owner.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"hours\":1,\"reason\":\"posted phishing twice\"}"))
			.andExpect(status().isNoContent());

		assertRefused(banned, request.id(), slug);
		// on the page too, said plainly
		this.mvc
			.perform(post("/g/{slug}/post", slug).with(banned.session())
				.with(csrf())
				.header("Accept-Language", "en")
				.param("input", "https://p.pinduoduo.com/banpage" + ThreadLocalRandom.current().nextInt(1_000_000))
				.param("helpsNeeded", "1"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("You are banned from posting")));
		this.mvc.perform(get("/mod").param("group", slug).with(owner.session()))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(banned.username())));

		this.mvc.perform(delete("/api/v1/groups/{slug}/bans/{name}", slug, banned.username()).header("Authorization",
				owner.bearer()))
			.andExpect(status().isNoContent());
		this.mvc.perform(delete("/api/v1/groups/{slug}/bans/{name}", slug, banned.username()).header("Authorization",
				owner.bearer()))
			.andExpect(status().isNoContent());
		this.mvc.perform(post("/api/v1/requests/{id}/claims", request.id()).header("Authorization", banned.bearer()))
			.andExpect(status().isCreated());

		// banned again on the page, for an hour; once it has passed, allowed again
		this.mvc
			.perform(post("/mod/groups/{slug}/bans", slug).with(owner.session())
				.with(csrf())
				.param("username", banned.username())
				.param("hours", "1")
				.param("reason", "again"))
			.andExpect(redirectedUrl("/mod?group=" + slug));
		assertThat(report(banned, request.id(), "SPAM")).isEqualTo(403);
		this.clock.advance(Duration.ofMinutes(61));
		try {
			assertThat(report(banned, request.id(), "SPAM")).isEqualTo(201);
		}
		finally {
			this.clock.reset();
		}
		assertThat(logLinesAbout(banned.id(), "BAN")).isEqualTo(2);
		assertThat(logLinesAbout(banned.id(), "UNBAN")).as("the second lift found no ban").isEqualTo(1);
	}

	private void assertRefused(TestMember banned, long requestId, String slug) throws Exception {
		this.mvc
			.perform(post("/api/v1/groups/{slug}/requests", slug).header("Authorization", banned.bearer())
				.header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"input\":\"https://p.pinduoduo.com/ban" + ThreadLocalRandom.current().nextInt(1_000_000)
						+ "\",\"helpsNeeded\":1}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("You are banned")));
		this.mvc.perform(post("/api/v1/requests/{id}/claims", requestId).header("Authorization", banned.bearer()))
			.andExpect(status().isForbidden());
		assertThat(report(banned, requestId, "SPAM")).isEqualTo(403);
	}

	@Test
	void privateGroupsLinesShowOnlyToTheirMembers() throws Exception {
		TestMember owner = this.testData.member("owner").create();
		String secret = this.testData.group("hush").privately().postingFreely().ownedBy(owner);
		TestMember insider = this.testData.member("insider")
			.joiningWithCode(secret, this.groups.inviteCode(secret, owner.id()));
		TestMember outsider = this.testData.member("outsider").create();
		RequestView request = this.testData.request().by(insider).in(secret).post();
		String reason = "secret-" + ThreadLocalRandom.current().nextInt(1_000_000);
		assertThat(act(owner, request.id(), "hide", reason)).isEqualTo(200);
		assertThat(act(outsider, request.id(), "restore", "x")).as("not even there for an outsider").isEqualTo(404);

		this.mvc.perform(get("/api/v1/moderation/log").param("size", "100"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(reason))));
		this.mvc.perform(get("/api/v1/moderation/log").param("size", "100").header("Authorization", outsider.bearer()))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(reason))));
		this.mvc.perform(get("/api/v1/moderation/log").param("group", secret)).andExpect(status().isNotFound());
		this.mvc
			.perform(get("/api/v1/moderation/log").param("group", secret).header("Authorization", outsider.bearer()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/mod/log"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(reason))));
		this.mvc.perform(get("/mod/log").param("group", secret)).andExpect(status().isNotFound());

		this.mvc.perform(get("/api/v1/moderation/log").param("group", secret).header("Authorization", insider.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].reason").value(reason));
		this.mvc.perform(get("/api/v1/moderation/log").param("size", "100").header("Authorization", insider.bearer()))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(reason)));
		this.mvc.perform(get("/mod/log").with(insider.session()))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(reason)));
	}

	@Test
	void siteAdminsSuspendAccountsAndModerateEveryGroup() throws Exception {
		TestMember owner = this.testData.member("owner").create();
		String slug = this.testData.group("admins").postingFreely().ownedBy(owner);
		TestMember admin = this.testData.member("admin").admin().create();
		TestMember member = this.testData.member("target").joining(slug);
		TestMember plain = this.testData.member("plain").create();
		RequestView request = this.testData.request().by(member).in(slug).post();

		assertThat(act(admin, request.id(), "hide", "an admin hides anywhere")).isEqualTo(200);
		assertThat(act(admin, request.id(), "restore", "and restores")).isEqualTo(200);

		this.mvc
			.perform(put("/api/v1/admin/suspensions/{name}", member.username()).header("Authorization", plain.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"no\"}"))
			.andExpect(status().isForbidden());
		for (int i = 0; i < 2; i++) {
			this.mvc
				.perform(put("/api/v1/admin/suspensions/{name}", member.username())
					.header("Authorization", admin.bearer())
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"reason\":\"sock puppet farm\"}"))
				.andExpect(status().isNoContent());
		}
		assertThat(this.accounts.isSuspended(member.id())).isTrue();
		this.mvc.perform(get("/api/v1/me").header("Authorization", member.bearer()))
			.andExpect(status().isUnauthorized());
		assertThat(logLinesAbout(member.id(), "SUSPEND")).isEqualTo(1);

		this.mvc
			.perform(post("/mod/suspensions").with(admin.session())
				.with(csrf())
				.param("username", member.username())
				.param("suspend", "false"))
			.andExpect(redirectedUrl("/mod/suspensions"));
		assertThat(this.accounts.isSuspended(member.id())).isFalse();
		this.mvc.perform(get("/api/v1/me").header("Authorization", member.bearer())).andExpect(status().isOk());
		assertThat(logLinesAbout(member.id(), "UNSUSPEND")).isEqualTo(1);
		this.mvc.perform(get("/mod/suspensions").with(plain.session())).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/moderation/log").param("size", "20"))
			.andExpect(jsonPath("$.items[?(@.action == 'UNSUSPEND' && @.target == '" + member.username() + "')].actor")
				.value(org.hamcrest.Matchers.contains(admin.username())));
	}

	@Test
	void theOpenApiDescriptionHasTheModerationCalls() throws Exception {
		String docs = this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(docs).contains("/api/v1/requests/{id}/reports", "/api/v1/moderation/queue",
				"/api/v1/requests/{id}/hide", "/api/v1/requests/{id}/restore",
				"/api/v1/groups/{slug}/moderators/{username}", "/api/v1/groups/{slug}/bans/{username}",
				"/api/v1/moderation/log", "/api/v1/admin/suspensions/{username}");
	}

	@Test
	void theProfileLinksModeratorsToTheQueueAndTheFooterLinksTheLog() throws Exception {
		TestMember owner = this.testData.member("owner").create();
		this.testData.group("links").ownedBy(owner);
		TestMember plain = this.testData.member("plain").create();
		this.mvc.perform(get("/me").with(owner.session()))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"moderation-link\"")));
		this.mvc.perform(get("/me").with(plain.session()))
			.andExpect(content()
				.string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("moderation-link"))));
		this.mvc.perform(get("/"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("href=\"/mod/log\"")));
	}

}
