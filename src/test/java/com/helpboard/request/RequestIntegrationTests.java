package com.helpboard.request;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.helpboard.group.Groups;
import com.helpboard.link.QrCodeImages;
import com.helpboard.support.IntegrationTest;
import com.helpboard.support.StatementCounter;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers.TestMember;
import com.helpboard.system.Violations;
import com.jayway.jsonpath.JsonPath;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class RequestIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Groups groups;

	@Autowired
	Requests requests;

	@Autowired
	TestData testData;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Campaigns campaigns;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	private static String json(String input, int helps) {
		return "{\"input\":\"" + input.replace("\"", "\\\"") + "\",\"helpsNeeded\":" + helps + "}";
	}

	private static String goods() {
		return Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) + 1);
	}

	private long countRequests(long authorId) {
		return this.jdbc.queryForObject("select count(*) from help_requests where author_id = ?", Long.class, authorId);
	}

	@Test
	void aWholeShareTextIsPostedAndShownInTheFeedOnPagesAndApi() throws Exception {
		TestMember alice = this.testData.member("alice").joining("kanjia");
		String id = goods();
		String share = "【拼多多】帮我砍一刀 https://mobile.yangkeduo.com/goods.html?goods_id=" + id
				+ "&refer_share_uid=123&_oak_rcto=abc 复制此消息打开拼多多";
		Instant before = Instant.now();
		MvcResult result = this.mvc
			.perform(post("/api/v1/groups/kanjia/requests").header("Authorization", alice.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json(share, 3)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/requests/")))
			.andExpect(jsonPath("$.platform").value("PINDUODUO"))
			.andExpect(jsonPath("$.campaign").value("pdd-bargain"))
			.andExpect(jsonPath("$.canonicalUrl").value("https://mobile.yangkeduo.com/goods.html?goods_id=" + id))
			.andExpect(jsonPath("$.shareText").value(share))
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.helpsNeeded").value(3))
			.andExpect(jsonPath("$.group").value("kanjia"))
			.andReturn();
		long requestId = JsonPath.<Number>read(result.getResponse().getContentAsString(), "$.id").longValue();
		RequestView posted = this.requests.get(requestId, null);
		// 砍价 lives 24 h
		assertThat(Duration.between(before, posted.expiresAt())).isBetween(Duration.ofHours(23).plusMinutes(59),
				Duration.ofHours(24).plusMinutes(1));

		this.mvc.perform(get("/api/v1/groups/kanjia/requests").param("size", "100"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"id\":" + requestId + ",")));
		this.mvc.perform(get("/g/kanjia").param("size", "100"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-request-id=\"" + requestId + "\"")));
		this.mvc.perform(get("/r/" + requestId))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("rel=\"noopener noreferrer nofollow ugc\"")))
			.andExpect(content().string(containsString("mobile.yangkeduo.com")))
			.andExpect(content().string(containsString("data-copy-target=\"share-text\"")))
			// times read in China time, where the members are; without JavaScript "截止
			// 11-27 00:00"
			.andExpect(content().string(containsString(java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm")
				.format(posted.expiresAt().atZone(com.helpboard.system.ChinaTime.ZONE)))));
	}

	@Test
	void postingThroughThePageFormRedirectsToTheRequest() throws Exception {
		TestMember bob = this.testData.member("bob").joining("pintuan");
		String order = goods() + "12";
		MvcResult result = this.mvc
			.perform(multipart("/g/pintuan/post").with(csrf())
				.with(bob.session())
				.param("input", "https://mobile.yangkeduo.com/pincard_ask.html?group_order_id=" + order)
				.param("helpsNeeded", "2")
				.param("note", "<script>alert('x')</script> 还差两人"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/r/");
		this.mvc.perform(get(location))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert('x')</script>"))))
			.andExpect(content().string(containsString("0/2")));
	}

	@Test
	void postingThroughThePageFormRunsAFewStatements() throws Exception {
		TestMember poster = this.testData.member("counted").joining("pintuan");
		String order = goods() + "34";
		this.campaigns.all();
		StatementCounter.reset();
		this.mvc
			.perform(multipart("/g/pintuan/post").with(csrf())
				.with(poster.session())
				.param("input", "https://mobile.yangkeduo.com/pincard_ask.html?group_order_id=" + order)
				.param("helpsNeeded", "2"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/r/*"));
		// the group, membership, a ban in the group, the open key, the member's lock,
		// both limits, the insert, and the new session holding the flash message (two)
		List<String> statements = StatementCounter.statements();
		assertThat(statements).as(String.join("\n", statements)).hasSizeLessThanOrEqualTo(9);
		assertThat(statements.stream().filter((sql) -> sql.contains("from topic_groups")))
			.as(String.join("\n", statements))
			.hasSize(1);
	}

	@Test
	void aDuplicateInTheSameGroupPointsAtTheOpenOne() throws Exception {
		TestMember carol = this.testData.member("carol").joining("kanjia");
		TestMember dave = this.testData.member("dave").joining("kanjia");
		String link = "https://mobile.yangkeduo.com/goods.html?goods_id=" + goods();
		String firstJson = this.mvc
			.perform(post("/api/v1/groups/kanjia/requests").header("Authorization", carol.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json(link, 1)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long first = JsonPath.<Number>read(firstJson, "$.id").longValue();
		this.mvc
			.perform(post("/api/v1/groups/kanjia/requests").header("Authorization", dave.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json(link + "&refer_page_name=other", 1)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("/r/" + first)));
		this.mvc
			.perform(multipart("/g/kanjia/post").with(csrf())
				.with(dave.session())
				.header("Accept-Language", "en")
				.param("input", link)
				.param("helpsNeeded", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("already has an open request in this group: help there")))
			.andExpect(content().string(containsString("href=\"/r/" + first + "\"")));
		assertThat(countRequests(dave.id())).isZero();
	}

	@Test
	void twoConcurrentIdenticalPostsLetExactlyOneWin() throws Exception {
		List<TestMember> posters = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			posters.add(this.testData.member("racer").joining("kanjia"));
		}
		String link = "https://p.pinduoduo.com/" + UUID.randomUUID().toString().substring(0, 8);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(posters.size());
		List<Future<Integer>> results = new ArrayList<>();
		for (TestMember poster : posters) {
			results.add(pool.submit(() -> {
				start.await();
				return this.mvc
					.perform(post("/api/v1/groups/kanjia/requests").header("Authorization", poster.bearer())
						.contentType(MediaType.APPLICATION_JSON)
						.content(json(link, 1)))
					.andReturn()
					.getResponse()
					.getStatus();
			}));
		}
		start.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> result : results) {
			statuses.add(result.get(60, TimeUnit.SECONDS));
		}
		pool.shutdown();
		assertThat(statuses).filteredOn((s) -> s == 201).hasSize(1);
		assertThat(statuses).filteredOn((s) -> s == 409).hasSize(posters.size() - 1);
		String key = "short=" + link.substring(link.lastIndexOf('/') + 1);
		assertThat(this.jdbc.queryForObject("select count(*) from help_requests where dedupe_key = ?", Long.class, key))
			.isEqualTo(1);
	}

	@Test
	void nonMembersCannotPost() throws Exception {
		TestMember outsider = this.testData.member("outsider").create();
		this.mvc
			.perform(post("/api/v1/groups/kanjia/requests").header("Authorization", outsider.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json("https://p.pinduoduo.com/abcdEFGH", 1)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc
			.perform(post("/api/v1/groups/kanjia/requests").contentType(MediaType.APPLICATION_JSON)
				.content(json("https://p.pinduoduo.com/abcdEFGH", 1)))
			.andExpect(status().isUnauthorized());
		assertThat(countRequests(outsider.id())).isZero();
	}

	@Test
	void hostileInputsAreRefusedClearlyAndStoreNothing() throws Exception {
		TestMember eve = this.testData.member("eve").joining("kanjia");
		String[][] cases = { { "javascript:alert(1)//mobile.yangkeduo.com", "422" },
				{ "https://yangkeduo.com.evil.cn/goods.html?goods_id=1", "422" },
				{ "https://mobile.yangkeduo.com@evil.cn/goods.html", "422" },
				{ "https://mobile.yаngkeduo.com/goods.html?goods_id=1", "422" }, { "<script>alert(1)</script>", "422" },
				{ "x".repeat(10_000), "400" }, { "   ", "400" } };
		for (String[] c : cases) {
			this.mvc
				.perform(post("/api/v1/groups/kanjia/requests").header("Authorization", eve.bearer())
					.header("Accept-Language", "en")
					.contentType(MediaType.APPLICATION_JSON)
					.content(json(c[0], 1)))
				.andExpect(status().is(Integer.parseInt(c[1])))
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].field").value("input"));
		}
		for (String bad : new String[] { "{\"input\":\"https://p.pinduoduo.com/abcdEFGH\",\"helpsNeeded\":0}",
				"{\"input\":\"https://p.pinduoduo.com/abcdEFGH\",\"helpsNeeded\":51}",
				"{\"input\":\"https://p.pinduoduo.com/abcdEFGH\",\"helpsNeeded\":\"many\"}",
				"{\"input\":\"https://p.pinduoduo.com/abcdEFGH\",\"note\":\"" + "n".repeat(281) + "\"}",
				"{\"input\":\"https://p.pinduoduo.com/abcdEFGH\",\"expiresInHours\":25}",
				"{\"input\":\"https://p.pinduoduo.com/abcdEFGH\",\"campaign\":\"temu-farmland\"}", "[1,2]" }) {
			int status = this.mvc
				.perform(post("/api/v1/groups/kanjia/requests").header("Authorization", eve.bearer())
					.contentType(MediaType.APPLICATION_JSON)
					.content(bad))
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as(bad).isIn(400, 422);
		}
		this.mvc
			.perform(multipart("/g/kanjia/post").with(csrf())
				.with(eve.session())
				.header("Accept-Language", "en")
				.param("input", "https://evil.cn/?u=https://mobile.yangkeduo.com/goods.html")
				.param("helpsNeeded", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Only Pinduoduo (yangkeduo.com, pinduoduo.com)")));
		assertThat(countRequests(eve.id())).isZero();
	}

	@Test
	void theCommandsConstraintsHoldForTheApiThePageAndADirectCall() throws Exception {
		TestMember grace = this.testData.member("grace").joining("kanjia");
		this.mvc
			.perform(post("/api/v1/groups/kanjia/requests").header("Authorization", grace.bearer())
				.header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"input\":\"https://p.pinduoduo.com/abcdEFGH\",\"helpsNeeded\":51}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("helpsNeeded"))
			.andExpect(jsonPath("$.errors[0].message").value("Helps needed is 1–50."));
		this.mvc
			.perform(multipart("/g/kanjia/post").with(csrf())
				.with(grace.session())
				.header("Accept-Language", "en")
				.param("input", "https://p.pinduoduo.com/abcdEFGH")
				.param("helpsNeeded", "1")
				.param("note", "n".repeat(Requests.MAX_NOTE + 1)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A note is at most 280 characters.")));
		assertThatExceptionOfType(ConstraintViolationException.class)
			.isThrownBy(() -> this.requests.post(grace.id(), "kanjia",
					new NewRequest("https://p.pinduoduo.com/abcdEFGH", null, 0, null, null), null))
			.satisfies((ex) -> assertThat(ex.getConstraintViolations()).singleElement()
				.satisfies((violation) -> assertThat(Violations.field(violation)).isEqualTo("helpsNeeded")));
		assertThat(countRequests(grace.id())).isZero();
	}

	@Test
	void qrImagesArePostedAndBrokenOrHugeOnesRefused() throws Exception {
		TestMember frank = this.testData.member("frank").joining("temu-farm");
		String code = "Qr" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		byte[] png = QrCodeImages.png("https://www.temu.com/a/" + code, 300);
		this.mvc
			.perform(multipart("/api/v1/groups/temu-farm/requests/qr")
				.file(new MockMultipartFile("image", "qr.png", "image/png", png))
				.param("helpsNeeded", "2")
				.header("Authorization", frank.bearer()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.platform").value("TEMU"))
			.andExpect(jsonPath("$.canonicalUrl").value("https://www.temu.com/a/" + code));
		this.mvc
			.perform(multipart("/api/v1/groups/temu-farm/requests/qr")
				.file(new MockMultipartFile("image", "x.png", "image/png", "not an image".getBytes()))
				.header("Authorization", frank.bearer()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("image"));
		this.mvc
			.perform(multipart("/api/v1/groups/temu-farm/requests/qr")
				.file(new MockMultipartFile("image", "big.png", "image/png", new byte[3 * 1024 * 1024]))
				.header("Authorization", frank.bearer()))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(countRequests(frank.id())).isEqualTo(1);
	}

	@Test
	void theQrCodeOfARequestDecodesToItsCanonicalLink() throws Exception {
		TestMember grace = this.testData.member("grace").joining("kanjia");
		String canonical = "https://mobile.yangkeduo.com/goods.html?goods_id=" + goods();
		long id = this.requests
			.post(grace.id(), "kanjia", new NewRequest(canonical + "&uin=x", null, 1, null, null), null)
			.id();
		MvcResult result = this.mvc.perform(get("/r/" + id + "/qr.png"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.IMAGE_PNG))
			.andExpect(header().string("Cache-Control", containsString("max-age")))
			.andReturn();
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()));
		// found as a phone's scanner finds a code in a picture (ZXing's detector): the
		// board draws each code so it does (QrCodeImages)
		String decoded = new MultiFormatReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
					java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE))
			.getText();
		assertThat(decoded).isEqualTo(canonical);
	}

	@Test
	void expiredRequestsLeaveTheFeedAtOnceAndTheKeyIsFreeAgain() throws Exception {
		TestMember heidi = this.testData.member("heidi").joining("kanjia");
		String link = "https://p.pinduoduo.com/" + UUID.randomUUID().toString().substring(0, 8);
		RequestView posted = this.requests.post(heidi.id(), "kanjia", new NewRequest(link, null, 1, null, 1), null);
		assertThat(Duration.between(posted.createdAt(), posted.expiresAt())).isEqualTo(Duration.ofHours(1));
		this.jdbc.update("update help_requests set expires_at = ? where id = ?",
				java.sql.Timestamp.from(Instant.now().minusSeconds(1)), posted.id());
		// no scheduler ran: the query itself filters on time
		this.mvc.perform(get("/api/v1/groups/kanjia/requests").param("size", "100"))
			.andExpect(content().string(not(containsString("\"id\":" + posted.id() + ","))));
		assertThat(this.requests.get(posted.id(), null).status()).isEqualTo(RequestStatus.EXPIRED);
		RequestView again = this.requests.post(heidi.id(), "kanjia", new NewRequest(link, null, 1, null, null), null);
		assertThat(again.id()).isNotEqualTo(posted.id());
	}

	@Test
	void theAuthorWithdrawsAndRaisesProgressButNeverLowersIt() throws Exception {
		TestMember ivan = this.testData.member("ivan").joining("kanjia");
		TestMember judy = this.testData.member("judy").joining("kanjia");
		RequestView posted = this.requests.post(ivan.id(), "kanjia", new NewRequest(
				"https://p.pinduoduo.com/" + UUID.randomUUID().toString().substring(0, 8), null, 3, null, null), null);
		this.mvc
			.perform(patch("/api/v1/requests/" + posted.id() + "/progress").header("Authorization", judy.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"helpsConfirmed\":2}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(patch("/api/v1/requests/" + posted.id() + "/progress").header("Authorization", ivan.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"helpsConfirmed\":2}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.helpsConfirmed").value(2));
		this.mvc
			.perform(patch("/api/v1/requests/" + posted.id() + "/progress").header("Authorization", ivan.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"helpsConfirmed\":1}"))
			.andExpect(status().isConflict());
		this.mvc.perform(delete("/api/v1/requests/" + posted.id()).header("Authorization", judy.bearer()))
			.andExpect(status().isForbidden());
		this.mvc.perform(delete("/api/v1/requests/" + posted.id()).header("Authorization", ivan.bearer()))
			.andExpect(status().isNoContent());
		assertThat(this.requests.get(posted.id(), null).status()).isEqualTo(RequestStatus.REMOVED);
		this.mvc.perform(get("/my/requests").with(ivan.session()).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Withdrawn")));
		this.mvc.perform(get("/api/v1/requests/999999999")).andExpect(status().isNotFound());
	}

	@Test
	void theOpenRequestLimitPerMemberHolds() throws Exception {
		TestMember kim = this.testData.member("kim").joining("cash-wheel");
		for (int i = 0; i < 3; i++) {
			this.requests.post(kim.id(), "cash-wheel",
					new NewRequest("https://p.pinduoduo.com/" + UUID.randomUUID().toString().substring(0, 8), null, 1,
							null, null),
					null);
		}
		this.mvc
			.perform(post("/api/v1/groups/cash-wheel/requests").header("Authorization", kim.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.header("Accept-Language", "en")
				.content(json("https://p.pinduoduo.com/" + UUID.randomUUID().toString().substring(0, 8), 1)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("You may have at most 3 open requests in this group."));
		assertThat(countRequests(kim.id())).isEqualTo(3);
	}

	@Test
	void aFeedPageRunsTheSameFewStatementsWhateverItsLength() throws Exception {
		TestMember owner = this.testData.member("feedowner").create();
		String slug = "feed-" + UUID.randomUUID().toString().substring(0, 8);
		this.jdbc.update("update members set site_role = 'ADMIN' where id = ?", owner.id());
		this.groups.create(owner.id(),
				new com.helpboard.group.NewGroup(slug, "Feed", "", "", com.helpboard.group.Visibility.PUBLIC, null));
		this.jdbc.update("update topic_groups set max_open_per_member = 50, helps_to_post = 0 where slug = ?", slug);
		for (int i = 0; i < 50; i++) {
			this.requests.post(owner.id(), slug,
					new NewRequest("https://p.pinduoduo.com/" + UUID.randomUUID().toString().substring(0, 8), null, 2,
							null, null),
					null);
		}
		this.mvc.perform(get("/g/" + slug).param("size", "5")).andExpect(status().isOk());
		// another size: a page read from the cached order, not the page kept in memory;
		// each right after a view of yet another size, so the group's view (kept 2 s) is
		// kept for both, however slowly a busy machine runs them
		this.mvc.perform(get("/g/" + slug).param("size", "7")).andExpect(status().isOk());
		StatementCounter.reset();
		this.mvc.perform(get("/g/" + slug).param("size", "6")).andExpect(status().isOk());
		int small = StatementCounter.count();
		List<String> smallStatements = StatementCounter.statements();
		this.mvc.perform(get("/g/" + slug).param("size", "8")).andExpect(status().isOk());
		StatementCounter.reset();
		String page = this.mvc.perform(get("/g/" + slug).param("size", "50"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		int large = StatementCounter.count();
		assertThat(page.split("data-request-id=").length - 1).isEqualTo(50);
		assertThat(large).as("the page of 50: %s%nthe page of 6: %s", StatementCounter.statements(), smallStatements)
			.isEqualTo(small);
		assertThat(large).isLessThanOrEqualTo(5);

		StatementCounter.reset();
		this.mvc.perform(get("/api/v1/groups/" + slug + "/requests").param("size", "50")).andExpect(status().isOk());
		assertThat(StatementCounter.count()).isLessThanOrEqualTo(5);
	}

	@Test
	void theCampaignFacadeRefusesAnInvalidEditWithItsFieldsAndChangesNothing() {
		Campaign before = this.campaigns.get("pdd-checkin");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.campaigns.update("pdd-checkin",
					new Campaigns.CampaignEdit(" ", "Daily check-in", Campaign.TtlMode.HOURS, 0, 24, 20, false)))
			.isInstanceOfSatisfying(jakarta.validation.ConstraintViolationException.class,
					(ex) -> assertThat(ex.getConstraintViolations()).extracting(com.helpboard.system.Violations::field)
						.contains("nameZh", "defaultTtlHours"));
		assertThat(this.campaigns.get("pdd-checkin")).isEqualTo(before);
	}

	@Test
	void onlyAdminsEditCampaignRulesAndTheEditTakesEffect() throws Exception {
		TestMember member = this.testData.member("member").create();
		this.mvc.perform(get("/admin/campaigns").with(member.session())).andExpect(status().isForbidden());
		TestMember admin = this.testData.member("admin").create();
		org.springframework.test.web.servlet.request.RequestPostProcessor asAdmin = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(new com.helpboard.account.MemberPrincipal(admin.id(), admin.username(), "", true));
		this.mvc.perform(get("/admin/campaigns").with(asAdmin).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("pdd-checkin")));
		this.mvc
			.perform(post("/admin/campaigns/pdd-checkin").with(csrf())
				.with(asAdmin)
				.header("Accept-Language", "en")
				.param("nameZh", "签到")
				.param("nameEn", "Daily check-in")
				.param("ttlMode", "MIDNIGHT")
				.param("defaultTtlHours", "30")
				.param("maxTtlHours", "24")
				.param("helperDailyCap", "20"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The default expiry is between 1 and the maximum")));
		try {
			this.mvc
				.perform(post("/admin/campaigns/pdd-checkin").with(csrf())
					.with(asAdmin)
					.param("nameZh", "签到")
					.param("nameEn", "Daily check-in")
					.param("ttlMode", "HOURS")
					.param("defaultTtlHours", "6")
					.param("maxTtlHours", "12")
					.param("helperDailyCap", "20"))
				.andExpect(status().is3xxRedirection());
			TestMember poster = this.testData.member("checkin").joining("orchard");
			RequestView posted = this.requests.post(poster.id(), "orchard",
					new NewRequest("签到 https://p.pinduoduo.com/" + UUID.randomUUID().toString().substring(0, 8),
							"pdd-checkin", 1, null, null),
					null);
			assertThat(Duration.between(posted.createdAt(), posted.expiresAt())).isEqualTo(Duration.ofHours(6));
		}
		finally {
			this.campaigns.update("pdd-checkin",
					new Campaigns.CampaignEdit("签到", "Daily check-in", Campaign.TtlMode.MIDNIGHT, 24, 24, 20, false));
		}
	}

	@Test
	void hidingTheOnesIHelpedLeavesThemOutOfMyFeed() throws Exception {
		TestMember author = this.testData.member("author").joining("pintuan");
		TestMember helper = this.testData.member("helper").joining("pintuan");
		RequestView request = this.requests.post(author.id(), "pintuan", new NewRequest(
				"https://p.pinduoduo.com/" + UUID.randomUUID().toString().substring(0, 8), null, 3, null, null), null);
		this.mvc.perform(post("/api/v1/requests/" + request.id() + "/claims").header("Authorization", helper.bearer()))
			.andExpect(status().isCreated());
		this.mvc.perform(get("/g/pintuan").param("size", "100").with(helper.session()))
			.andExpect(content().string(containsString("data-request-id=\"" + request.id() + "\"")));
		this.mvc.perform(get("/g/pintuan").param("size", "100").param("hideHelped", "true").with(helper.session()))
			.andExpect(content().string(not(containsString("data-request-id=\"" + request.id() + "\""))));
	}

	@Test
	void anOverLargeScreenshotOnThePageIsAFormError() throws Exception {
		TestMember member = this.testData.member("uploader").joining("kanjia");
		this.mvc
			.perform(multipart("/g/kanjia/post")
				.file(new MockMultipartFile("image", "big.png", "image/png", new byte[3 * 1024 * 1024]))
				.with(csrf())
				.with(member.session())
				.header("Accept-Language", "en")
				.param("helpsNeeded", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The image is too large")));
		assertThat(countRequests(member.id())).isZero();
	}

	@Test
	void aHugeUploadOverRealHttpIsA413ProblemNotAStackTrace() throws Exception {
		TestMember member = this.testData.member("uploader").joining("kanjia");
		String boundary = "hb" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"big.png\"\r\n"
				+ "Content-Type: image/png\r\n\r\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + 20 * 1024 * 1024 + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
		java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/api/v1/groups/kanjia/requests/qr"))
				.header("Authorization", member.bearer())
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).doesNotContain("Exception");
		assertThat(countRequests(member.id())).isZero();
	}

}
