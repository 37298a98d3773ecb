package com.helpboard.credit;

import com.helpboard.request.RequestView;
import com.helpboard.request.Requests;
import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers.TestMember;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Boosts as members and bots meet them: the API, the page, and the pinned feed. */
@IntegrationTest
class BoostWebIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Boosts boosts;

	@Autowired
	Credits credits;

	@Autowired
	Requests requests;

	@Autowired
	TestData testData;

	@Autowired
	JdbcTemplate jdbc;

	BoostFixture fixture;

	@BeforeEach
	void fixture() {
		this.fixture = new BoostFixture(this.testData, this.jdbc);
	}

	private static String hours(int hours) {
		return "{\"hours\":" + hours + "}";
	}

	@Test
	void boostingThroughTheApiAnswers201WithTheBoostAndListsIt() throws Exception {
		String group = this.fixture.group(1);
		TestMember author = this.fixture.member(group, 10);
		TestMember second = this.fixture.member(group, 10);
		RequestView request = this.fixture.post(author, group);
		RequestView waiting = this.fixture.post(second, group);

		this.mvc
			.perform(post("/api/v1/requests/" + request.id() + "/boosts").header("Authorization", author.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content(hours(3)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").isNumber())
			.andExpect(jsonPath("$.request").value(request.id()))
			.andExpect(jsonPath("$.cost").value(6))
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.startsAt").isString())
			.andExpect(jsonPath("$.endsAt").isString())
			.andExpect(jsonPath("$.estimated").value(false));
		this.mvc
			.perform(post("/api/v1/requests/" + waiting.id() + "/boosts").header("Authorization", second.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content(hours(1)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("QUEUED"))
			.andExpect(jsonPath("$.startsAt").isString())
			.andExpect(jsonPath("$.estimated").value(true));

		// another member's boosts and spending are not for others to list
		this.mvc.perform(get("/api/v1/requests/" + request.id() + "/boosts").header("Authorization", second.bearer()))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/v1/requests/" + request.id() + "/boosts").header("Authorization", author.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].status").value("ACTIVE"))
			.andExpect(jsonPath("$[0].cost").value(6));
		this.mvc.perform(get("/api/v1/me").header("Authorization", author.bearer()))
			.andExpect(jsonPath("$.balance").value(4));
	}

	@Test
	void theApiRefusesWithProblemDetails() throws Exception {
		String group = this.fixture.group(1);
		TestMember author = this.fixture.member(group, 1);
		TestMember other = this.fixture.member(group, 100);
		RequestView request = this.fixture.post(author, group);
		String path = "/api/v1/requests/" + request.id() + "/boosts";

		this.mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(hours(1)))
			.andExpect(status().isUnauthorized());
		this.mvc
			.perform(post(path).header("Authorization", author.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content(hours(1)))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(409))
			.andExpect(jsonPath("$.detail").value(containsString("1")))
			.andExpect(jsonPath("$.trace").doesNotExist());
		this.mvc
			.perform(post(path).header("Authorization", other.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content(hours(1)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc
			.perform(post(path).header("Authorization", author.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content(hours(5)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("hours"));
		this.mvc
			.perform(post(path).header("Authorization", author.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("hours"));
		this.mvc
			.perform(post(path).header("Authorization", author.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"hours\":\"lots\"}"))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/api/v1/requests/" + Long.MAX_VALUE + "/boosts").header("Authorization", author.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content(hours(1)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

		this.credits.grant(author.id(), 10, "test:" + java.util.UUID.randomUUID(), "test");
		this.requests.withdraw(request.id(), author.id());
		this.mvc
			.perform(post(path).header("Authorization", author.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content(hours(1)))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(this.fixture.count("select count(*) from boosts where request_id = ?", request.id())).isZero();
		assertThat(this.credits.balance(author.id())).isEqualTo(11);
	}

	@Test
	void boostedRequestsLeadTheFeedInTheOrderTheirBoostsStarted() throws Exception {
		String group = this.fixture.group(3);
		TestMember first = this.fixture.member(group, 10);
		TestMember second = this.fixture.member(group, 48);
		TestMember plain = this.fixture.member(group, 0);
		RequestView boostedFirst = this.fixture.post(first, group);
		RequestView boostedSecond = this.fixture.post(second, group);
		RequestView newest = this.fixture.post(plain, group);

		// before any boost nothing is pinned (the rest follow the fair order)
		this.mvc.perform(get("/api/v1/groups/" + group + "/requests"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(3))
			.andExpect(jsonPath("$.items[0].boostedUntil").value(nullValue()))
			.andExpect(jsonPath("$.items[1].boostedUntil").value(nullValue()))
			.andExpect(jsonPath("$.items[2].boostedUntil").value(nullValue()));

		this.boosts.boost(first.id(), boostedFirst.id(), 1);
		BoostView later = this.boosts.boost(second.id(), boostedSecond.id(), 24);

		this.mvc.perform(get("/api/v1/groups/" + group + "/requests"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].id").value(boostedFirst.id()))
			.andExpect(jsonPath("$.items[1].id").value(boostedSecond.id()))
			.andExpect(jsonPath("$.items[1].boostedUntil").value(later.endsAt().toString()))
			.andExpect(jsonPath("$.items[2].id").value(newest.id()))
			.andExpect(jsonPath("$.items[2].boostedUntil").value(nullValue()));
		// the page marks them pinned
		String page = this.mvc.perform(get("/g/" + group))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page.split("class=\"badge boost\"").length - 1).isEqualTo(2);
		assertThat(page.indexOf("data-request-id=\"" + boostedFirst.id() + "\""))
			.isLessThan(page.indexOf("data-request-id=\"" + newest.id() + "\""));
	}

	@Test
	void theBoostPageShowsPricesAndBalanceAndBuysABoost() throws Exception {
		String group = this.fixture.group(2);
		TestMember author = this.fixture.member(group, 7);
		RequestView request = this.fixture.post(author, group);
		String path = "/r/" + request.id() + "/boost";

		this.mvc.perform(get("/r/" + request.id()).with(author.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"" + path + "\"")));
		this.mvc.perform(get(path).with(author.session()).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"balance\">7<")))
			.andExpect(content().string(containsString("2 credits an hour")))
			.andExpect(content().string(containsString("3 h · 6 credits")))
			.andExpect(content().string(containsString("No boosts yet.")));

		this.mvc.perform(post(path).with(csrf()).with(author.session()).param("hours", "3"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(path))
			.andExpect(flash().attribute("flash", "boost.bought.ACTIVE"));
		this.mvc.perform(get(path).with(author.session()).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"balance\">1<")))
			.andExpect(content().string(containsString("Pinned")))
			.andExpect(content().string(not(containsString("No boosts yet."))));
		assertThat(this.fixture.boostedUntil(request.id())).isNotNull();

		// short of credits: the page says so, and nothing is bought
		this.mvc
			.perform(post(path).with(csrf()).with(author.session()).header("Accept-Language", "en").param("hours", "1"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("id=\"boost-error\"")))
			.andExpect(content().string(containsString("Not enough credits")));
		assertThat(this.credits.balance(author.id())).isEqualTo(1);
		assertThat(this.boosts.boostsOf(request.id())).hasSize(1);
	}

	@Test
	void theBoostPageIsOnlyForTheAuthor() throws Exception {
		String group = this.fixture.group(2);
		TestMember author = this.fixture.member(group, 7);
		TestMember other = this.fixture.member(group, 7);
		RequestView request = this.fixture.post(author, group);
		String path = "/r/" + request.id() + "/boost";

		this.mvc.perform(get(path)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get(path).with(other.session())).andExpect(status().isForbidden());
		this.mvc.perform(post(path).with(csrf()).with(other.session()).param("hours", "1"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/r/" + request.id()).with(other.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("href=\"" + path + "\""))));
		assertThat(this.credits.balance(other.id())).isEqualTo(7);
	}

	@Test
	void aBoostRetriedWithOneIdempotencyKeyChargesOnceEvenConcurrently() throws Exception {
		String group = this.fixture.group(3);
		TestMember author = this.fixture.member(group, 20);
		RequestView request = this.fixture.post(author, group);
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		java.util.List<java.util.concurrent.Future<org.springframework.mock.web.MockHttpServletResponse>> answers = new java.util.ArrayList<>();
		for (int i = 0; i < 8; i++) {
			answers.add(pool.submit(() -> {
				start.await();
				return this.mvc
					.perform(post("/api/v1/requests/" + request.id() + "/boosts")
						.header("Authorization", author.bearer())
						.header("Idempotency-Key", "boost-once")
						.contentType(MediaType.APPLICATION_JSON)
						.content(hours(3)))
					.andReturn()
					.getResponse();
			}));
		}
		start.countDown();
		java.util.Set<String> bodies = new java.util.HashSet<>();
		for (var answer : answers) {
			var response = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
			assertThat(response.getStatus()).isEqualTo(201);
			bodies.add(response.getContentAsString());
		}
		pool.shutdown();
		assertThat(bodies).hasSize(1);
		assertThat(this.credits.balance(author.id())).isEqualTo(20 - 3 * 2);
		assertThat(this.fixture.count("select count(*) from boosts where request_id = ?", request.id())).isEqualTo(1);
	}

	@Test
	void aBoostCannotOutlastItsRequest() throws Exception {
		String group = this.fixture.group(3);
		TestMember author = this.fixture.member(group, 50);
		RequestView shortLived = this.requests.post(author.id(), group,
				new com.helpboard.request.NewRequest(
						"https://p.pinduoduo.com/" + java.util.UUID.randomUUID().toString().substring(0, 8), null, 2,
						null, 2),
				null);
		this.mvc
			.perform(post("/api/v1/requests/" + shortLived.id() + "/boosts").header("Authorization", author.bearer())
				.header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content(hours(3)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("hours"))
			.andExpect(jsonPath("$.detail").value("This request expires within 2 hours; a boost cannot outlast it."));
		assertThat(this.credits.balance(author.id())).isEqualTo(50);
		this.mvc
			.perform(post("/api/v1/requests/" + shortLived.id() + "/boosts").header("Authorization", author.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content(hours(1)))
			.andExpect(status().isCreated());
	}

}
