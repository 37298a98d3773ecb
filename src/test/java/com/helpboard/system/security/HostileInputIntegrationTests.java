package com.helpboard.system.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers.TestMember;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bad input is a 400 with a reason, never a 500; pages that need a member send anonymous
 * visitors to log in; an unreachable database is a quick 503 (security hardening, point
 * 9).
 */
@IntegrationTest
class HostileInputIntegrationTests {

	private static final String NUL = "\u0000";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData testData;

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	DataSource dataSource;

	@org.springframework.beans.factory.annotation.Value("${local.server.port}")
	int port;

	@Test
	void controlCharactersInPageFormsAreRefusedWithAReason() throws Exception {
		TestMember member = this.testData.member("nul").create();
		// a member's forms: refused before any field is stored
		assertThat(this.mvc
			.perform(post("/groups/new").with(member.session())
				.with(csrf())
				.param("slug", "nul-group")
				.param("name", "name")
				.param("description", "bad" + NUL + "text")
				.param("visibility", "PUBLIC"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(400);
		assertThat(this.mvc
			.perform(multipart("/g/kanjia/post").param("input", "https://p.pinduoduo.com/abcdEF12")
				.param("note", "note" + NUL)
				.with(member.session())
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(400);
		assertThat(
				this.mvc.perform(post("/me/tokens").with(member.session()).with(csrf()).param("name", "bot\u001b[31m"))
					.andReturn()
					.getResponse()
					.getStatus())
			.isEqualTo(400);
		// over real HTTP, so the friendly error page is rendered: a query and a form
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		HttpResponse<String> query = http.send(HttpRequest.newBuilder(URI.create(base() + "/g/kanjia?campaign=x%00"))
			.header("Accept-Language", "en")
			.header("Accept", "text/html")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(query.statusCode()).isEqualTo(400);
		assertThat(query.body()).contains("control characters");
		assertThat(this.mvc
			.perform(post("/register").with(csrf())
				.param("username", "ab" + NUL + "cd")
				.param("password", "x")
				.param("passwordAgain", "x"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(400);
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	@Test
	void controlCharactersInApiBodiesAreA400WithTheField() throws Exception {
		TestMember member = this.testData.member("nulapi").create();
		this.mvc
			.perform(post("/api/v1/groups/kanjia/requests").header("Authorization", member.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"input\":\"https://p.pinduoduo.com/zxcvBN12\",\"note\":\"a\\u0000b\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("note"));
		this.mvc
			.perform(get("/api/v1/groups/kanjia/requests").param("campaign", "a" + NUL)
				.header("Authorization", member.bearer()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void everyPageThatNeedsAMemberSendsAnonymousVisitorsToLogin() throws Exception {
		Map<String, String> values = Map.of("slug", "kanjia", "id", "1", "code", "pdd-bargain");
		Set<String> checked = new java.util.TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				continue;
			}
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/api/") || pattern.startsWith("/error") || pattern.contains("**")) {
					continue;
				}
				String path = pattern;
				for (Map.Entry<String, String> value : values.entrySet()) {
					path = path.replace("{" + value.getKey() + "}", value.getValue());
				}
				path = path.replaceAll("\\{[^}]+\\}", "1");
				int status = this.mvc.perform(get(path)).andReturn().getResponse().getStatus();
				assertThat(status).as("anonymous GET " + path).isLessThan(500);
				checked.add(path);
			}
		}
		assertThat(checked).contains("/g/kanjia/settings", "/me", "/queue", "/g/kanjia/post", "/post",
				"/claims/1/reject");
		this.mvc.perform(get("/g/kanjia/settings"))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/login"));
	}

	@Test
	void aDatabaseThatDoesNotAnswerIsAQuickFriendly503() throws Exception {
		HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
		List<Connection> held = new ArrayList<>();
		try {
			// every connection taken: to the app the database does not answer
			while (held.size() < pool.getMaximumPoolSize()) {
				held.add(pool.getConnection());
			}
			long start = System.nanoTime();
			// pages no other test asks for: a feed page viewed in the last two seconds is
			// served from memory (FeedPages) and needs no database at all
			MvcResult page = this.mvc.perform(get("/g/kanjia").param("size", "13").header("Accept-Language", "en"))
				.andReturn();
			long millis = (System.nanoTime() - start) / 1_000_000;
			assertThat(page.getResponse().getStatus()).isEqualTo(503);
			assertThat(millis).as("answered without a 30-second hang").isLessThan(10_000);
			this.mvc.perform(get("/api/v1/groups/kanjia/requests").param("size", "14"))
				.andExpect(status().isServiceUnavailable());
			HttpResponse<String> real = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(base() + "/g/kanjia?size=15"))
					.header("Accept-Language", "en")
					.header("Accept", "text/html")
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(real.statusCode()).isEqualTo(503);
			assertThat(real.body()).contains("try again in a minute").doesNotContain("Exception");
		}
		finally {
			for (Connection connection : held) {
				connection.close();
			}
		}
		this.mvc.perform(get("/g/kanjia")).andExpect(status().isOk());
	}

}
