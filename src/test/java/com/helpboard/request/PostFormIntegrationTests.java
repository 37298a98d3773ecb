package com.helpboard.request;

import java.util.List;
import java.util.UUID;

import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers;
import com.helpboard.support.TestMembers.TestMember;
import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13: cards that say what, a post form that fails early and the global "＋发布".
 */
@IntegrationTest
class PostFormIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData testData;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Campaigns campaigns;

	private static String goods() {
		return Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) + 1);
	}

	private static String bargain() {
		return "https://mobile.yangkeduo.com/goods.html?goods_id=" + goods();
	}

	private long count(long authorId) {
		return this.jdbc.queryForObject("select count(*) from help_requests where author_id = ?", Long.class, authorId);
	}

	private long lastId(long authorId) {
		return this.jdbc.queryForObject("select max(id) from help_requests where author_id = ?", Long.class, authorId);
	}

	@Test
	void whatItIsIsPostedOnThePageAndShownOnTheCardEscaped() throws Exception {
		TestMember poster = this.testData.member("what").joining("kanjia");
		String slug = this.testData.group("what").withDefaultCampaign("pdd-bargain").postingFreely().ownedBy(poster);
		this.mvc
			.perform(multipart("/g/" + slug + "/post").with(csrf())
				.with(poster.session())
				.param("input", bargain())
				.param("title", "空气炸锅 还差3刀"))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(multipart("/g/" + slug + "/post").with(csrf())
				.with(poster.session())
				.param("input", bargain())
				.param("title", "<script>alert(1)</script>"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/g/" + slug))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<span>空气炸锅 还差3刀</span>")))
			.andExpect(content().string(containsString("<span>&lt;script&gt;alert(1)&lt;/script&gt;</span>")))
			.andExpect(content().string(not(containsString("<script>alert(1)"))));
		this.mvc.perform(get("/api/v1/requests/" + lastId(poster.id())))
			.andExpect(jsonPath("$.title").value("<script>alert(1)</script>"));
	}

	@Test
	void anOverLongOrControlCharacterTitleIsRefusedOnItsFieldWithEveryOtherRefusalAndNothingIsPosted()
			throws Exception {
		TestMember poster = this.testData.member("long").joining("kanjia");
		this.mvc
			.perform(multipart("/g/kanjia/post").with(csrf())
				.with(poster.session())
				.header("Accept-Language", "en")
				.param("input", "not a link at all")
				.param("title", "x".repeat(Requests.MAX_TITLE + 1))
				.param("helpsNeeded", "51"))
			.andExpect(status().isOk())
			// all three at once, each on its field
			.andExpect(content().string(containsString("is at most 40 characters, without control characters.")))
			.andExpect(content().string(containsString("Helps needed is 1–50.")))
			.andExpect(content().string(containsString("id=\"input-error\"")));
		for (String body : List.of(
				"{\"input\":\"" + bargain() + "\",\"title\":\"" + "x".repeat(Requests.MAX_TITLE + 1) + "\"}",
				"{\"input\":\"" + bargain() + "\",\"title\":\"bell\\u0007\"}")) {
			this.mvc
				.perform(post("/api/v1/groups/kanjia/requests").header("Authorization", poster.bearer())
					.contentType(MediaType.APPLICATION_JSON)
					.content(body))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("title"));
		}
		assertThat(count(poster.id())).isZero();
	}

	@Test
	void theApiTakesATitleAndOtherwiseNamesTheProductOfTheShareTextNeverTheHostOrBoilerplate() throws Exception {
		TestMember poster = this.testData.member("api").joining("kanjia");
		this.mvc
			.perform(post("/api/v1/groups/kanjia/requests").header("Authorization", poster.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"input\":\"" + bargain() + "\",\"title\":\"  电饭煲 差2刀 \",\"helpsNeeded\":2}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.title").value("电饭煲 差2刀"));
		this.mvc
			.perform(post("/api/v1/groups/kanjia/requests").header("Authorization", poster.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"input\":\"我在拼多多看中了「儿童保温杯」，帮我砍一刀 " + bargain() + "\",\"helpsNeeded\":2}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.title").value("儿童保温杯"));
		String boilerplate = "【拼多多】帮我砍一刀，就差你了！复制这条信息，打开拼多多 " + bargain();
		MvcResult plain = this.mvc
			.perform(post("/api/v1/groups/kanjia/requests").header("Authorization", poster.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"input\":\"" + boilerplate + "\",\"helpsNeeded\":2}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.title").doesNotExist())
			.andReturn();
		long id = JsonPath.<Number>read(plain.getResponse().getContentAsString(), "$.id").longValue();
		String feed = this.mvc.perform(get("/g/kanjia").param("size", "100"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String card = feed.substring(feed.indexOf("data-request-id=\"" + id + "\""));
		card = card.substring(0, card.indexOf("</article>"));
		assertThat(card).contains("<span>砍价免费拿助力</span>")
			.doesNotContain("yangkeduo")
			.doesNotContain("就差你了")
			.doesNotContain("复制这条信息");
	}

	@Test
	void aLinkOfTheOtherAppIsRefusedOnTheInputWithALinkToItsGroupAndTheInputKept() throws Exception {
		TestMember member = this.testData.member("mismatch").joining("kanjia", "temu-farm");
		String token = "T:/⇥aB3dE9fG⇤ 复制并打开拼多多APP【家用收纳盒】";
		String page = this.mvc
			.perform(multipart("/g/temu-farm/post").with(csrf())
				.with(member.session())
				.param("input", token)
				.param("campaign", "")
				.param("title", "收纳盒"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String inputField = page.substring(page.indexOf("id=\"input-error\""));
		assertThat(inputField).startsWith("id=\"input-error\">这是拼多多口令 → 去「砍价免费拿」发布</p>");
		assertThat(page).contains("id=\"other-group-link\"")
			.contains("href=\"/g/kanjia/post?input=T:/%E2%87%A5aB3dE9fG%E2%87%A4")
			.contains("title=%E6%94%B6%E7%BA%B3%E7%9B%92");
		// the campaign the member left on auto is not blamed
		String campaignField = page.substring(page.indexOf("<select id=\"campaign\""));
		campaignField = campaignField.substring(0, campaignField.indexOf("</div>"));
		assertThat(campaignField).doesNotContain("class=\"error\"");
		// the other group's form opens with the paste in it
		this.mvc.perform(get("/g/kanjia/post").with(member.session()).param("input", token).param("title", "收纳盒"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">T:/⇥aB3dE9fG⇤ 复制并打开拼多多APP【家用收纳盒】</textarea>")))
			.andExpect(content().string(containsString("value=\"收纳盒\"")));
		this.mvc
			.perform(post("/api/v1/groups/temu-farm/requests").header("Authorization", member.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"input\":\"" + bargain() + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("input"));
		assertThat(count(member.id())).isZero();
	}

	@Test
	void aMemberTheRuleBlocksIsToldBeforeTypingWithALinkToTheQueueAndADisabledForm() throws Exception {
		TestMember owner = this.testData.member("rule-owner").create();
		String slug = this.testData.group("rule").withPostingRule(0, 1).ownedBy(owner);
		TestMember member = this.testData.member("blocked").joining(slug);
		this.mvc.perform(get("/g/" + slug + "/post").with(member.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"posting-rule\"")))
			.andExpect(content().string(containsString("先助力再发帖：再帮 1 个人")))
			.andExpect(content().string(containsString("href=\"/queue?group=" + slug + "\"")))
			.andExpect(content().string(containsString("<fieldset class=\"plain\" disabled=\"disabled\">")));
		TestMember free = this.testData.member("free").joining("kanjia");
		this.mvc.perform(get("/g/kanjia/post").with(free.session()))
			.andExpect(content().string(not(containsString("id=\"posting-rule\""))))
			.andExpect(content().string(containsString("<fieldset class=\"plain\">")));
	}

	@Test
	void aNonMemberOpeningThePostFormIsAskedToJoinAndComesBackToIt() throws Exception {
		TestMember outsider = this.testData.member("outsider").create();
		this.mvc.perform(get("/g/kanjia/post").with(outsider.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"join-first\"")))
			.andExpect(content().string(containsString("先加入「砍价免费拿」才能在这里发布")))
			.andExpect(content().string(containsString("id=\"join-to-post\"")))
			.andExpect(content().string(not(containsString("id=\"submit-post\""))));
		this.mvc.perform(post("/g/kanjia/join").with(csrf()).with(outsider.session()).param("then", "post"))
			.andExpect(redirectedUrl("/g/kanjia/post"));
		this.mvc.perform(get("/g/kanjia/post").with(outsider.session()))
			.andExpect(content().string(containsString("id=\"submit-post\"")));
	}

	@Test
	void helpsNeededStartsFromTheCampaignNotFromOne() throws Exception {
		TestMember poster = this.testData.member("helps").joining("kanjia", "pintuan");
		this.mvc.perform(get("/g/kanjia/post").with(poster.session()))
			.andExpect(content().string(containsString("placeholder=\"5\"")))
			.andExpect(content().string(containsString("留空则按活动的默认次数（砍价免费拿：5 次）")));
		this.mvc
			.perform(multipart("/g/kanjia/post").with(csrf())
				.with(poster.session())
				.param("input", "帮我砍一刀 " + bargain())
				.param("helpsNeeded", ""))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("select helps_needed from help_requests where id = ?", Integer.class,
				lastId(poster.id())))
			.isEqualTo(5);
		this.mvc
			.perform(
					post("/api/v1/groups/pintuan/requests").header("Authorization", poster.bearer())
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"input\":\"https://mobile.yangkeduo.com/pincard_ask.html?group_order_id=" + goods()
								+ "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.campaign").value("pdd-group-buy"))
			.andExpect(jsonPath("$.helpsNeeded").value(2));
	}

	@Test
	void anAdminSetsTheCampaignsUsualNumberOfHelps() throws Exception {
		TestMember admin = this.testData.member("helps-admin").admin().create();
		TestMember poster = this.testData.member("checkin").joining("orchard");
		var asAdmin = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(new com.helpboard.account.MemberPrincipal(admin.id(), admin.username(), "", true));
		try {
			this.mvc.perform(get("/admin/campaigns/pdd-checkin").with(asAdmin))
				.andExpect(content().string(containsString("name=\"defaultHelps\" value=\"1\"")));
			this.mvc
				.perform(post("/admin/campaigns/pdd-checkin").with(csrf())
					.with(asAdmin)
					.param("nameZh", "签到")
					.param("nameEn", "Daily check-in")
					.param("ttlMode", "MIDNIGHT")
					.param("defaultTtlHours", "24")
					.param("maxTtlHours", "24")
					.param("helperDailyCap", "20")
					.param("defaultHelps", "4"))
				.andExpect(status().is3xxRedirection());
			this.mvc
				.perform(
						post("/api/v1/groups/orchard/requests").header("Authorization", poster.bearer())
							.contentType(MediaType.APPLICATION_JSON)
							.content("{\"input\":\"签到 https://p.pinduoduo.com/" + goods()
									+ "x\",\"campaign\":\"pdd-checkin\"}"))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.helpsNeeded").value(4));
		}
		finally {
			this.campaigns.update("pdd-checkin", new Campaigns.CampaignEdit("签到", "Daily check-in",
					Campaign.TtlMode.MIDNIGHT, 24, 24, 20, false, 1));
		}
	}

	@Test
	void theGlobalPostPicksTheOnlyGroupThatFits() throws Exception {
		TestMember poster = this.testData.member("one").joining("kanjia");
		MvcResult result = this.mvc
			.perform(post("/post").with(csrf())
				.with(poster.session())
				.param("input", "帮我砍一刀 " + bargain())
				.param("title", "台灯 还差1刀"))
			.andExpect(redirectedUrlPattern("/r/*"))
			.andReturn();
		long id = Long.parseLong(result.getResponse().getRedirectedUrl().substring(3));
		this.mvc.perform(get("/api/v1/requests/" + id))
			.andExpect(jsonPath("$.group").value("kanjia"))
			.andExpect(jsonPath("$.title").value("台灯 还差1刀"));
	}

	@Test
	void theGlobalPostLetsTheMemberChooseWhenSeveralFit() throws Exception {
		TestMember poster = this.testData.member("several").joining("kanjia");
		String other = this.testData.group("bargains")
			.withDefaultCampaign("pdd-bargain")
			.postingFreely()
			.ownedBy(poster);
		String input = "帮我砍一刀 " + bargain();
		this.mvc.perform(post("/post").with(csrf()).with(poster.session()).param("input", input).param("title", "雨伞"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"group-choices\"")))
			.andExpect(content().string(containsString("value=\"kanjia\"")))
			.andExpect(content().string(containsString("value=\"" + other + "\"")));
		assertThat(count(poster.id())).isZero();
		MvcResult posted = this.mvc
			.perform(post("/post").with(csrf())
				.with(poster.session())
				.param("input", input)
				.param("title", "雨伞")
				.param("group", other))
			.andExpect(redirectedUrlPattern("/r/*"))
			.andReturn();
		long id = Long.parseLong(posted.getResponse().getRedirectedUrl().substring(3));
		this.mvc.perform(get("/api/v1/requests/" + id)).andExpect(jsonPath("$.group").value(other));
		// a group that is not among the choices is not taken
		this.mvc
			.perform(post("/post").with(csrf())
				.with(poster.session())
				.param("input", "帮我砍一刀 " + bargain())
				.param("group", "temu-farm"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"group-choices\"")));
		assertThat(count(poster.id())).isEqualTo(1);
	}

	@Test
	void theGlobalPostExplainsWhenNoGroupFits() throws Exception {
		TestMember poster = this.testData.member("none").create();
		// no group of its own, and no public group for Temu while this runs
		List<Long> temu = this.jdbc.queryForList(
				"select g.id from topic_groups g join campaign_types c"
						+ " on c.code = g.default_campaign where c.platform = 'TEMU' and g.visibility = 'PUBLIC'",
				Long.class);
		try {
			temu.forEach((id) -> this.jdbc.update(
					"update topic_groups set visibility = 'PRIVATE', invite_code = 'hidden-for-a-test' where id = ?",
					id));
			this.mvc
				.perform(post("/post").with(csrf())
					.with(poster.session())
					.param("input", "https://temu.com/a/" + goods() + "Ab"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("你能发布的群组里没有收这个链接的（Temu）")))
				.andExpect(content().string(containsString("id=\"browse-groups\" href=\"/g\"")));
		}
		finally {
			temu.forEach((id) -> this.jdbc
				.update("update topic_groups set visibility = 'PUBLIC', invite_code = null where id = ?", id));
		}
		assertThat(count(poster.id())).isZero();
	}

	@Test
	void theGlobalPostNeedsAMemberAndComesBackAfterLogin() throws Exception {
		TestMember member = this.testData.member("back").joining("kanjia");
		MvcResult sent = this.mvc.perform(get("/post"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"))
			.andExpect(cookie().exists("REDIRECT_URI"))
			.andReturn();
		Cookie saved = sent.getResponse().getCookie("REDIRECT_URI");
		this.mvc
			.perform(post("/login").with(csrf())
				.cookie(saved)
				.param("username", member.username())
				.param("password", TestMembers.PASSWORD))
			.andExpect(redirectedUrl("http://localhost/post"));
		this.mvc.perform(get("/post").with(member.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"post-any\"")));
		this.mvc.perform(get("/").with(member.session()))
			.andExpect(content().string(containsString("id=\"home-post\" href=\"/post\"")));
	}

	@Test
	void theFeedFilterListsOnlyTheGroupsCampaigns() throws Exception {
		TestMember owner = this.testData.member("filter").create();
		String slug = this.testData.group("orchard").withDefaultCampaign("pdd-orchard").postingFreely().ownedBy(owner);
		this.testData.request().by(owner).in(slug).inCampaign("pdd-bargain").post();
		String page = this.mvc.perform(get("/g/" + slug)).andReturn().getResponse().getContentAsString();
		String filter = page.substring(page.indexOf("<select name=\"campaign\""));
		filter = filter.substring(0, filter.indexOf("</select>"));
		assertThat(filter).contains("value=\"pdd-orchard\"")
			.contains("value=\"pdd-bargain\"")
			.doesNotContain("value=\"temu-farmland\"")
			.doesNotContain("value=\"pdd-checkin\"");
	}

	@Test
	void groupCreationTellsItsRuleBeforeTheFormIsFilled() throws Exception {
		TestMember fresh = this.testData.member("newbie").fresh().create();
		this.mvc.perform(get("/groups/new").with(fresh.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"creation-rule\"")))
			.andExpect(content().string(containsString("id=\"creation-refusal\"")))
			.andExpect(content().string(containsString("<fieldset class=\"plain\" disabled=\"disabled\">")));
		TestMember admin = this.testData.member("admin").admin().create();
		this.mvc.perform(get("/groups/new").with(admin.session()))
			.andExpect(content().string(not(containsString("id=\"creation-refusal\""))))
			.andExpect(content().string(containsString("<fieldset class=\"plain\">")));
	}

}
