package com.helpboard.system.security;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers;
import com.helpboard.support.TestMembers.TestMember;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Guessing and flooding are throttled, shared by every instance (buckets in PostgreSQL),
 * and a throttled member gets back in after a short wait (limits in docs/security.md).
 */
@IntegrationTest
@TestPropertySource(properties = { "helpboard.throttle.enabled=true", "helpboard.throttle.login.per-account=3/PT15S",
		"helpboard.throttle.login.per-address=1000/PT1H", "helpboard.throttle.registration.per-address=2/PT60S",
		"helpboard.throttle.posting.per-account=3/PT1H", "helpboard.throttle.posting.per-new-account=2/PT1H",
		"helpboard.throttle.uploads.per-new-account=1/PT1H", "helpboard.throttle.claiming.per-new-account=1/PT1H",
		"helpboard.throttle.reporting.per-account=3/PT1H", "helpboard.throttle.reporting.per-new-account=2/PT1H" })
class ThrottleIntegrationTests {

	static final String PASSWORD = TestMembers.PASSWORD;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData testData;

	@Autowired
	JdbcTemplate jdbc;

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private static String someAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

	@Test
	void guessingAPasswordOnTheFormIsStoppedAndTheMemberGetsBackInAfterAWhile() throws Exception {
		String name = this.testData.member("guess").create().username();
		String address = someAddress();
		for (int i = 0; i < 3; i++) {
			this.mvc
				.perform(post("/login").with(csrf())
					.with(from(address))
					.param("username", name)
					.param("password", "wrong-" + i))
				.andExpect(redirectedUrl("/login?error"));
		}
		// the right password does not help while throttled, from any address
		String throttled = this.mvc
			.perform(post("/login").with(csrf())
				.with(from(someAddress()))
				.param("username", name.toUpperCase())
				.param("password", PASSWORD))
			.andExpect(redirectedUrlPattern("/login?throttled=*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(get("/login").param("throttled", "2").header("Accept-Language", "en"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("try again in 2 seconds")));
		// one attempt comes back every 5 s (3 per 15 s), within the wait the page said;
		// until then every try is throttled (and a throttled try takes no attempt)
		long wait = Long.parseLong(throttled.substring("/login?throttled=".length()));
		assertThat(wait).isBetween(1L, 5L);
		awaitWithin(wait, () -> {
			String redirect = this.mvc.perform(
					post("/login").with(csrf()).with(from(address)).param("username", name).param("password", PASSWORD))
				.andReturn()
				.getResponse()
				.getRedirectedUrl();
			assertThat(redirect).as("while waiting")
				.satisfiesAnyOf((url) -> assertThat(url).isEqualTo("/me/todo"),
						(url) -> assertThat(url).startsWith("/login?throttled="));
			return "/me/todo".equals(redirect);
		});
	}

	/**
	 * Retries {@code signedIn} until it is true, failing if that takes longer than
	 * {@code seconds} (as the throttle said) and a little slack.
	 */
	private static void awaitWithin(long seconds, Callable<Boolean> signedIn) {
		await().atMost(Duration.ofSeconds(seconds).plusSeconds(2)).pollInterval(Duration.ofMillis(250)).until(signedIn);
	}

	@Test
	void guessingThroughTheApiIs429WithRetryAfter() throws Exception {
		String name = this.testData.member("apiguess").create().username();
		for (int i = 0; i < 3; i++) {
			this.mvc
				.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
					.content("{\"username\":\"" + name + "\",\"password\":\"wrong-password-" + i + "\"}"))
				.andExpect(status().isUnauthorized());
		}
		this.mvc
			.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.retryAfter").isNumber());
		// the form login shares the count: no doubling attempts by switching doors
		String retryAfter = this.mvc
			.perform(post("/login").with(csrf()).param("username", name).param("password", PASSWORD))
			.andExpect(redirectedUrlPattern("/login?throttled=*"))
			.andReturn()
			.getResponse()
			.getHeader("Retry-After");
		// one attempt comes back every 5 s (3 per 15 s), within the Retry-After; until
		// then every try is a 429 (and a throttled try takes no attempt)
		long wait = Long.parseLong(retryAfter);
		assertThat(wait).isBetween(1L, 5L);
		awaitWithin(wait, () -> {
			int status = this.mvc
				.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
					.content("{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}"))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as("while waiting").isIn(201, 429);
			return status == 201;
		});
	}

	@Test
	void signUpsFromOneAddressAreLimited() throws Exception {
		String address = someAddress();
		for (int i = 0; i < 2; i++) {
			this.mvc
				.perform(post("/api/v1/accounts").with(from(address))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"username\":\"flood" + UUID.randomUUID().toString().substring(0, 8)
							+ "\",\"password\":\"" + PASSWORD + "\"}"))
				.andExpect(status().isCreated());
		}
		this.mvc
			.perform(post("/api/v1/accounts").with(from(address))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"flood" + UUID.randomUUID().toString().substring(0, 8) + "\",\"password\":\""
						+ PASSWORD + "\"}"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"));
		// the page says when to try again
		String page = this.mvc
			.perform(post("/register").with(csrf())
				.with(from(address))
				.header("Accept-Language", "en")
				.param("username", "flood" + UUID.randomUUID().toString().substring(0, 8))
				.param("password", PASSWORD)
				.param("passwordAgain", PASSWORD))
			.andExpect(status().isTooManyRequests())
			.andReturn()
			.getResponse()
			.getErrorMessage();
		assertThat(page).isNull();
		// someone else is not affected
		this.mvc
			.perform(post("/api/v1/accounts").with(from(someAddress()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"other" + UUID.randomUUID().toString().substring(0, 8) + "\",\"password\":\""
						+ PASSWORD + "\"}"))
			.andExpect(status().isCreated());
	}

	@Test
	void newAccountsPostClaimAndUploadLessThanEstablishedOnes() throws Exception {
		TestMember fresh = this.testData.member("fresh").joining("kanjia");
		TestMember settled = this.testData.member("settled").joinedAgo(Duration.ofDays(30)).joining("kanjia");
		assertThat(posts(fresh, 3)).containsExactly(201, 201, 429);
		assertThat(posts(settled, 4)).containsExactly(201, 201, 201, 429);
		// uploads have their own, lower limit
		MockMultipartFile image = new MockMultipartFile("image", "qr.png", "image/png", new byte[] { 1, 2, 3 });
		TestMember uploader = this.testData.member("uploader").joining("kanjia");
		int first = this.mvc
			.perform(multipart("/api/v1/groups/kanjia/requests/qr").file(image)
				.header("Authorization", uploader.bearer()))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(first).isNotEqualTo(429);
		this.mvc
			.perform(multipart("/api/v1/groups/kanjia/requests/qr").file(image)
				.header("Authorization", uploader.bearer()))
			.andExpect(status().isTooManyRequests());
		// claims: one for a new account in this setting
		long request = this.jdbc.queryForObject(
				"select max(id) from help_requests where author_id = ? and status = 'OPEN'", Long.class, settled.id());
		long another = this.jdbc.queryForObject(
				"select min(id) from help_requests where author_id = ? and status = 'OPEN'", Long.class, settled.id());
		this.mvc.perform(post("/api/v1/requests/" + request + "/claims").header("Authorization", fresh.bearer()))
			.andExpect(status().isCreated());
		this.mvc.perform(post("/api/v1/requests/" + another + "/claims").header("Authorization", fresh.bearer()))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"));
	}

	@Test
	void reportsAreThrottledLowerForNewAccountsOnTheApiAndThePage() throws Exception {
		TestMember owner = this.testData.member("owner").create();
		String slug = this.testData.group("reports").postingFreely().limitingOpenRequestsTo(20).ownedBy(owner);
		TestMember author = this.testData.member("author").joining(slug);
		java.util.List<Long> ids = new java.util.ArrayList<>();
		for (int i = 0; i < 8; i++) {
			ids.add(this.testData.request().by(author).in(slug).post().id());
		}
		TestMember fresh = this.testData.member("fresh").fresh().joining(slug);
		TestMember settled = this.testData.member("settled").joinedAgo(Duration.ofDays(30)).joining(slug);
		assertThat(reports(fresh, ids.subList(0, 3))).containsExactly(201, 201, 429);
		assertThat(reports(settled, ids.subList(3, 7))).containsExactly(201, 201, 201, 429);
		this.mvc
			.perform(post("/api/v1/requests/" + ids.get(7) + "/reports").header("Authorization", settled.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"SPAM\"}"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		// the page form counts against the same member's limit, and shows the 429 page
		this.mvc
			.perform(post("/r/" + ids.get(7) + "/report").with(settled.session()).with(csrf()).param("reason", "SPAM"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"));
		assertThat(this.jdbc.queryForObject("select count(*) from request_reports where reporter_id in (?, ?)",
				Long.class, fresh.id(), settled.id()))
			.isEqualTo(5);
	}

	private java.util.List<Integer> reports(TestMember member, java.util.List<Long> requestIds) throws Exception {
		java.util.List<Integer> statuses = new java.util.ArrayList<>();
		for (long id : requestIds) {
			statuses.add(
					this.mvc
						.perform(post("/api/v1/requests/" + id + "/reports").header("Authorization", member.bearer())
							.with(from(someAddress()))
							.contentType(MediaType.APPLICATION_JSON)
							.content("{\"reason\":\"DEAD_LINK\"}"))
						.andReturn()
						.getResponse()
						.getStatus());
		}
		return statuses;
	}

	private java.util.List<Integer> posts(TestMember member, int count) throws Exception {
		java.util.List<Integer> statuses = new java.util.ArrayList<>();
		for (int i = 0; i < count; i++) {
			statuses.add(this.mvc
				.perform(post("/api/v1/groups/kanjia/requests").header("Authorization", member.bearer())
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"input\":\"https://p.pinduoduo.com/"
							+ UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "\"}"))
				.andReturn()
				.getResponse()
				.getStatus());
		}
		return statuses;
	}

}
