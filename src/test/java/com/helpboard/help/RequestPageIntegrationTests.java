package com.helpboard.help;

import java.time.Duration;

import com.helpboard.request.RequestView;
import com.helpboard.request.Requests;
import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers.TestMember;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The request page on a phone and what goes with it (issue 13): reasons for rejecting and
 * the helper's one answer, helpers' nicknames, the withdraw confirmation, closed
 * requests' outcomes and WeChat's browser; through the pages and the API, hostile members
 * included.
 */
@IntegrationTest
class RequestPageIntegrationTests {

	static final String PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
			+ "Chrome/126.0 Mobile Safari/537.36";

	static final String WECHAT = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
			+ "Chrome/126.0 Mobile Safari/537.36 MicroMessenger/8.0.49.2600(0x28003133) NetType/WIFI Language/zh_CN";

	@Autowired
	MockMvc mvc;

	@Autowired
	Helps helps;

	@Autowired
	Requests requests;

	@Autowired
	TestData testData;

	@Autowired
	JdbcTemplate jdbc;

	private TestMember member(String prefix) {
		return this.testData.member(prefix).joining("kanjia");
	}

	private RequestView request(TestMember author, int helps) {
		return this.testData.request().by(author).in("kanjia").needing(helps).post();
	}

	@Test
	void rejectingAsksForAReasonTheHelperSeesAndAnswersOnce() throws Exception {
		TestMember author = member("author");
		TestMember helper = member("helper");
		TestMember stranger = member("stranger");
		RequestView request = request(author, 3);
		ClaimView claim = this.helps.claim(helper.id(), request.id());

		// a rejection without a reason (an old form) asks for one and changes nothing
		this.mvc.perform(post("/claims/{id}/reject", claim.id()).with(csrf()).with(author.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"reasons\"")))
			.andExpect(content().string(containsString("value=\"NO_RECORD\"")));
		assertThat(statusOf(claim.id())).isEqualTo("CLAIMED");
		// nor does a made-up reason
		this.mvc.perform(
				post("/claims/{id}/reject", claim.id()).param("reason", "<script>").with(csrf()).with(author.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<script>"))));
		assertThat(statusOf(claim.id())).isEqualTo("CLAIMED");
		// the author's page offers the reasons in the claim's row, each a one-tap reject
		this.mvc.perform(get("/r/{id}", request.id()).with(author.session()))
			.andExpect(content().string(containsString("name=\"reason\" value=\"WRONG_LINK\"")));
		// not the author: refused, whoever asks
		this.mvc
			.perform(post("/claims/{id}/reject", claim.id()).param("reason", "NO_RECORD")
				.with(csrf())
				.with(stranger.session()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/claims/{id}/reject", claim.id()).with(helper.session()))
			.andExpect(status().isForbidden());
		assertThat(statusOf(claim.id())).isEqualTo("CLAIMED");

		this.mvc
			.perform(post("/claims/{id}/reject", claim.id()).param("reason", "NO_RECORD")
				.with(csrf())
				.with(author.session()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/r/" + request.id()))
			.andExpect(flash().attribute("flash", "help.rejected"));
		assertThat(this.jdbc.queryForObject("select reject_reason from claims where id = ?", String.class, claim.id()))
			.isEqualTo("NO_RECORD");

		// the helper reads why on "我帮过的" and on the request, with a way to answer
		this.mvc.perform(get("/me/helped").with(helper.session()))
			.andExpect(content().string(containsString("没帮到：没看到助力记录")))
			.andExpect(content().string(containsString("action=\"/claims/" + claim.id() + "/answer\"")));
		this.mvc.perform(get("/r/{id}", request.id()).with(helper.session()))
			.andExpect(content().string(containsString("id=\"my-claim-reason\"")))
			.andExpect(content().string(containsString("没帮到：没看到助力记录")));
		// ... and in the notification's words
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(
					() -> this.mvc.perform(get("/api/v1/me/notifications").header("Authorization", helper.bearer()))
						.andExpect(jsonPath("$.items[0].kind").value("CLAIM_REJECTED"))
						.andExpect(jsonPath("$.items[0].text").value(containsString("没看到助力记录"))));

		// someone else may not answer for the helper, nor may the author
		String hostile = "<img src=x onerror=alert(1)> 我真的帮了";
		this.mvc.perform(
				post("/claims/{id}/answer", claim.id()).param("text", hostile).with(csrf()).with(stranger.session()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/claims/{id}/answer", claim.id()).header("Authorization", author.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"me\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		// too long, or blank: refused on the field
		this.mvc
			.perform(post("/api/v1/claims/{id}/answer", claim.id()).header("Authorization", helper.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"" + "长".repeat(281) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("text"));
		this.mvc
			.perform(post("/api/v1/claims/{id}/answer", claim.id()).header("Authorization", helper.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"   \"}"))
			.andExpect(status().isBadRequest());
		assertThat(answers(claim.id())).isZero();

		// the helper answers once, through the page
		this.mvc
			.perform(post("/claims/{id}/answer", claim.id()).param("text", hostile).with(csrf()).with(helper.session()))
			.andExpect(redirectedUrl("/me/helped"))
			.andExpect(flash().attribute("flash", "help.answered"));
		// a second time is refused, by the page and by the API, and changes nothing
		this.mvc
			.perform(post("/claims/{id}/answer", claim.id()).param("text", "again").with(csrf()).with(helper.session()))
			.andExpect(flash().attribute("flash", "help.answer.once"));
		this.mvc
			.perform(post("/api/v1/claims/{id}/answer", claim.id()).header("Authorization", helper.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"again\"}"))
			.andExpect(status().isConflict());
		assertThat(answers(claim.id())).isOne();
		// the database itself holds one answer per claim, by its helper only
		assertThat(refusedByDatabase("insert into claim_answers (claim_id, helper_id, text, answered_at) " + "values ("
				+ claim.id() + ", " + helper.id() + ", 'x', now())"))
			.isTrue();
		assertThat(refusedByDatabase("delete from claim_answers where claim_id = " + claim.id()
				+ "; insert into claim_answers (claim_id, helper_id, text, answered_at) values (" + claim.id() + ", "
				+ stranger.id() + ", 'x', now())"))
			.isTrue();

		// the author reads the answer on the claim's row, escaped
		this.mvc.perform(get("/r/{id}", request.id()).with(author.session()))
			.andExpect(content().string(containsString("对方回复：&lt;img src=x onerror=alert(1)&gt; 我真的帮了")))
			.andExpect(content().string(not(containsString("<img src=x"))))
			.andExpect(content().string(containsString("没帮到：没看到助力记录")));
		this.mvc.perform(get("/me/helped").with(helper.session()))
			.andExpect(content().string(containsString("你的回复：&lt;img src=x")))
			.andExpect(content().string(not(containsString("action=\"/claims/" + claim.id() + "/answer\""))));
		this.mvc.perform(get("/api/v1/requests/{id}/claims", request.id()).header("Authorization", author.bearer()))
			.andExpect(jsonPath("$[0].rejectReason").value("NO_RECORD"))
			.andExpect(jsonPath("$[0].answer").value(hostile));
		this.mvc.perform(get("/api/v1/me/claims").header("Authorization", helper.bearer()))
			.andExpect(jsonPath("$.items[0].rejectReason").value("NO_RECORD"))
			.andExpect(jsonPath("$.items[0].answer").value(hostile));
	}

	@Test
	void onlyARejectedClaimCanBeAnswered() throws Exception {
		TestMember author = member("author");
		TestMember helper = member("helper");
		ClaimView claim = this.helps.claim(helper.id(), request(author, 2).id());
		this.mvc
			.perform(post("/api/v1/claims/{id}/answer", claim.id()).header("Authorization", helper.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"hello\"}"))
			.andExpect(status().isConflict());
		this.mvc
			.perform(post("/api/v1/claims/987654321/answer").header("Authorization", helper.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"hello\"}"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/api/v1/claims/{id}/answer", claim.id()).header("Authorization", helper.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("not json"))
			.andExpect(status().isBadRequest());
		assertThat(answers(claim.id())).isZero();
	}

	@Test
	void theApiRejectsWithOrWithoutAReason() throws Exception {
		TestMember author = member("author");
		TestMember helper = member("helper");
		TestMember other = member("other");
		RequestView request = request(author, 3);
		ClaimView first = this.helps.claim(helper.id(), request.id());
		ClaimView second = this.helps.claim(other.id(), request.id());

		this.mvc
			.perform(post("/api/v1/claims/{id}/reject", first.id()).header("Authorization", author.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"SOMETHING\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		this.mvc
			.perform(post("/api/v1/claims/{id}/reject", first.id()).header("Authorization", helper.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"OTHER\"}"))
			.andExpect(status().isForbidden());
		assertThat(statusOf(first.id())).isEqualTo("CLAIMED");

		this.mvc
			.perform(post("/api/v1/claims/{id}/reject", first.id()).header("Authorization", author.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"WRONG_LINK\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REJECTED"))
			.andExpect(jsonPath("$.rejectReason").value("WRONG_LINK"))
			.andExpect(jsonPath("$.answer").value(nullValue()));
		// no body stays valid: rejected without a reason
		this.mvc.perform(post("/api/v1/claims/{id}/reject", second.id()).header("Authorization", author.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REJECTED"))
			.andExpect(jsonPath("$.rejectReason").value(nullValue()));
	}

	@Test
	void nicknamesAreOptionalCheckedAndEscapedWhereverTheyShow() throws Exception {
		TestMember author = member("author");
		TestMember helper = member("helper");
		RequestView request = request(author, 2);
		ClaimView claim = this.helps.claim(helper.id(), request.id());

		// NFKC and stripped: full-width letters become plain ones
		this.mvc
			.perform(put("/api/v1/me/nickname").header("Authorization", helper.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"nickname\":\"  \uFF21<b>小红</b>🌸  \"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.nickname").value("A<b>小红</b>🌸"));
		this.mvc.perform(get("/api/v1/me").header("Authorization", helper.bearer()))
			.andExpect(jsonPath("$.nickname").value("A<b>小红</b>🌸"));
		this.mvc.perform(get("/api/v1/requests/{id}/claims", request.id()).header("Authorization", author.bearer()))
			.andExpect(jsonPath("$[0].helperNickname").value("A<b>小红</b>🌸"));
		this.mvc.perform(get("/api/v1/me/claims").header("Authorization", helper.bearer()))
			.andExpect(jsonPath("$.items[0].helperNickname").value("A<b>小红</b>🌸"));
		// on the author's page and on "等我确认", escaped
		this.mvc.perform(get("/r/{id}", request.id()).with(author.session()))
			.andExpect(content().string(containsString("昵称：A&lt;b&gt;小红&lt;/b&gt;🌸")))
			.andExpect(content().string(not(containsString("<b>小红"))));
		this.mvc.perform(get("/waiting").with(author.session()))
			.andExpect(content().string(containsString("昵称：A&lt;b&gt;小红&lt;/b&gt;🌸")));
		this.mvc.perform(get("/claims/{id}/reject", claim.id()).with(author.session()))
			.andExpect(content().string(containsString("昵称：A&lt;b&gt;小红&lt;/b&gt;🌸")));
		// an emoji with its joiner stays whole
		this.mvc
			.perform(put("/api/v1/me/nickname").header("Authorization", helper.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"nickname\":\"\uD83D\uDC68\u200D\uD83C\uDF73 chef\"}"))
			.andExpect(status().isOk());

		// refused, changing nothing: too long, invisible, control characters, a bidi
		// override
		for (String bad : new String[] { "长".repeat(33), "\u200B", "a\u200Bb", "\u3164", "a\\u0007b", "a\\nb",
				"\u202Eevil", "\u0301abc", "a\u200D" }) {
			this.mvc
				.perform(put("/api/v1/me/nickname").header("Authorization", helper.bearer())
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"nickname\":\"" + bad + "\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].field").value("nickname"));
		}
		assertThat(nickname(helper)).isEqualTo("\uD83D\uDC68\u200D\uD83C\uDF73 chef");

		// on the profile page: a refused one comes back beside the field
		this.mvc.perform(post("/me/nickname").param("nickname", "x".repeat(40)).with(csrf()).with(helper.session()))
			.andExpect(redirectedUrl("/me#nickname-form"))
			.andExpect(flash().attribute("nicknameError", "account.nickname.invalid"));
		this.mvc.perform(get("/me").with(helper.session()))
			.andExpect(content().string(containsString("id=\"nickname\"")))
			.andExpect(content().string(containsString("value=\"\uD83D\uDC68\u200D\uD83C\uDF73 chef\"")));
		this.mvc.perform(post("/me/nickname").param("nickname", "拼友小红").with(csrf()).with(helper.session()))
			.andExpect(flash().attribute("flash", "profile.nickname.saved"));
		assertThat(nickname(helper)).isEqualTo("拼友小红");
		// blank clears it
		this.mvc.perform(post("/me/nickname").param("nickname", "  ").with(csrf()).with(helper.session()))
			.andExpect(flash().attribute("flash", "profile.nickname.cleared"));
		assertThat(nickname(helper)).isNull();
		this.mvc
			.perform(put("/api/v1/me/nickname").header("Authorization", helper.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"nickname\":null}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.nickname").value(nullValue()));
	}

	@Test
	void theHelperGetsTheBarTheAuthorClaimsFirstAndAWithdrawThatAsks() throws Exception {
		TestMember author = member("author");
		TestMember helper = member("helper");
		RequestView request = request(author, 2);

		org.springframework.mock.web.MockHttpServletResponse response = this.mvc
			.perform(get("/r/{id}", request.id()).with(helper.session()).header("User-Agent", PHONE))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		// the page differs by browser (WeChat's or not): caches must know
		assertThat(response.getHeaders("Vary")).anySatisfy((vary) -> assertThat(vary).contains("User-Agent"));
		String page = response.getContentAsString();
		// one h1, the request's title: a bare link is named by its campaign, like its
		// card
		assertThat(page.split("<h1", -1)).hasSize(2);
		assertThat(page).containsPattern("id=\"request-title\"[^>]*>砍价免费拿助力</h1>");
		assertThat(page).contains("id=\"request-title\"")
			.contains("id=\"help-bar\"")
			// without JavaScript: the field is there to select, and the checkbox must be
			// ticked
			.contains("<textarea class=\"share-text\" id=\"share-text\" readonly")
			.contains("required id=\"claim-done\"")
			.contains("src=\"/js/request.js\"")
			// the QR folded away, captioned for what works on a phone
			.contains("<details class=\"qr-fold\" id=\"qr-fold\">")
			.contains("用另一台手机扫码打开")
			.doesNotContain("长按识别二维码")
			.doesNotContain("id=\"wechat-lead\"");
		// a desktop can scan with a phone
		this.mvc.perform(get("/r/{id}", request.id()).with(helper.session()))
			.andExpect(content().string(containsString("用手机扫码打开")));
		assertThat(page.indexOf("id=\"claim\"")).as("one claim button").isEqualTo(page.lastIndexOf("id=\"claim\""));

		this.helps.claim(helper.id(), request.id());
		String mine = this.mvc.perform(get("/r/{id}", request.id()).with(author.session()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(mine.indexOf("id=\"claims-box\"")).as("claims above the link")
			.isPositive()
			.isLessThan(mine.indexOf("id=\"share-text\""));
		assertThat(mine).doesNotContain("id=\"help-bar\"");
		// withdraw is a step: the first tap opens the confirmation, whose button posts
		assertThat(mine).contains("<summary class=\"button small secondary danger\" id=\"withdraw\"")
			.containsPattern("(?s)<details class=\"confirm-step\" id=\"withdraw-step\">.*<form action=\"/r/"
					+ request.id() + "/withdraw\" method=\"post\".*id=\"withdraw-confirm\"");
	}

	@Test
	void twentyConcurrentAnswersToOneRejectionLeaveExactlyOne() throws Exception {
		TestMember author = member("author");
		TestMember helper = member("helper");
		RequestView request = request(author, 2);
		ClaimView claim = this.helps.claim(helper.id(), request.id());
		this.helps.reject(author.id(), claim.id(), RejectReason.NO_RECORD);
		java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
		java.util.List<Object> results = com.helpboard.support.Concurrently.run(20,
				() -> this.helps.answer(helper.id(), claim.id(), "我帮了，第 " + n.incrementAndGet() + " 次说"));

		assertThat(results).filteredOn(ClaimView.class::isInstance).hasSize(1);
		assertThat(results).filteredOn(com.helpboard.system.HelpBoardException.class::isInstance)
			.hasSize(19)
			.allSatisfy((refused) -> assertThat(((com.helpboard.system.HelpBoardException) refused).messageKey())
				.isEqualTo("help.answer.once"));
		assertThat(this.jdbc.queryForObject("select count(*) from claim_answers where claim_id = ?", Long.class,
				claim.id()))
			.isEqualTo(1);
	}

	@Test
	void aWithdrawalPostedWithoutItsConfirmationChangesNothing() throws Exception {
		TestMember author = member("author");
		RequestView request = request(author, 2);
		this.mvc.perform(post("/r/{id}/withdraw", request.id()).with(csrf()).with(author.session()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/r/" + request.id() + "#withdraw-step"));
		assertThat(this.requests.get(request.id(), author.id()).status())
			.isEqualTo(com.helpboard.request.RequestStatus.OPEN);
		this.mvc
			.perform(post("/r/{id}/withdraw", request.id()).param("confirm", "yes").with(csrf()).with(author.session()))
			.andExpect(redirectedUrl("/my/requests"));
		assertThat(this.requests.get(request.id(), author.id()).status())
			.isEqualTo(com.helpboard.request.RequestStatus.REMOVED);
	}

	@Test
	void inWeChatTheTokenLeadsAndTheAppLinkIsNotTheMainAction() throws Exception {
		TestMember author = member("author");
		TestMember helper = member("helper");
		RequestView request = request(author, 2);
		String page = this.mvc.perform(get("/r/{id}", request.id()).with(helper.session()).header("User-Agent", WECHAT))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"wechat-lead\"")
			.contains("复制链接 → 打开拼多多自动识别")
			.contains("长按识别二维码")
			.contains("class=\"link muted open-in-wechat\" id=\"open-link\"")
			.doesNotContain("打开 App 助力");
		// not in WeChat: the app link is a button
		this.mvc.perform(get("/r/{id}", request.id()).with(helper.session()))
			.andExpect(content().string(containsString("class=\"button secondary\" id=\"open-link\"")))
			.andExpect(content().string(containsString("打开 App 助力")));
		// anonymous visitors in WeChat too, without JavaScript
		this.mvc.perform(get("/r/{id}", request.id()).header("User-Agent", WECHAT))
			.andExpect(content().string(containsString("id=\"wechat-lead\"")));
	}

	@Test
	void closedRequestsShowHowTheyEndedAndNoHelpButtons() throws Exception {
		TestMember author = member("author");
		TestMember helper = member("helper");
		RequestView fulfilled = request(author, 1);
		this.helps.confirm(author.id(), this.helps.claim(helper.id(), fulfilled.id()).id());
		RequestView expired = request(author, 2);
		this.jdbc.update("update help_requests set status = 'EXPIRED', open_key = null where id = ?", expired.id());
		RequestView withdrawn = request(author, 2);
		this.requests.withdraw(withdrawn.id(), author.id());

		TestMember visitor = member("visitor");
		assertClosed(fulfilled, visitor, "已完成 1/1 · ");
		assertClosed(expired, visitor, "已过期 · ");
		assertClosed(withdrawn, author, "已撤回");
		// the helper who helped still sees their claim, and nothing to press
		this.mvc.perform(get("/r/{id}", fulfilled.id()).with(helper.session()))
			.andExpect(content().string(containsString("id=\"my-claim\"")))
			.andExpect(content().string(not(containsString("id=\"claim\""))));
	}

	private void assertClosed(RequestView request, TestMember viewer, String outcome) throws Exception {
		String page = this.mvc.perform(get("/r/{id}", request.id()).with(viewer.session()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"outcome\"")
			.contains(outcome)
			.doesNotContain("id=\"copy\"")
			.doesNotContain("id=\"claim\"")
			.doesNotContain("id=\"qr\"")
			.doesNotContain("id=\"share-text\"")
			.doesNotContain("id=\"open-link\"")
			.doesNotContain("id=\"help-bar\"")
			.doesNotContain("data-countdown");
	}

	private String statusOf(long claimId) {
		return this.jdbc.queryForObject("select status from claims where id = ?", String.class, claimId);
	}

	private long answers(long claimId) {
		return this.jdbc.queryForObject("select count(*) from claim_answers where claim_id = ?", Long.class, claimId);
	}

	private String nickname(TestMember member) {
		return this.jdbc.queryForObject("select nickname from members where id = ?", String.class, member.id());
	}

	private boolean refusedByDatabase(String sql) {
		try {
			this.jdbc.execute(sql);
			return false;
		}
		catch (org.springframework.dao.DataAccessException ex) {
			return true;
		}
	}

	static long id(String json) {
		return JsonPath.<Number>read(json, "$.id").longValue();
	}

}
