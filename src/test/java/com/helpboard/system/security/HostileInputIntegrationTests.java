package com.helpboard.system.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestMembers;
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
	TestMembers members;

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	DataSource dataSource;

	@Test
	void controlCharactersInPageFormsAreRefusedWithAReason() throws Exception {
		TestMember member = this.members.create("nul");
		List<MvcResult> results = new ArrayList<>();
		results.add(
				this.mvc
					.perform(post("/groups/new").with(member.session())
						.with(csrf())
						.header("Accept-Language", "en")
						.param("slug", "nul-group")
						.param("name", "name")
						.param("description", "bad" + NUL + "text")
						.param("visibility", "PUBLIC"))
					.andReturn());
		results.add(
				this.mvc
					.perform(multipart("/g/kanjia/post").param("input", "https://p.pinduoduo.com/abcdEF12")
						.param("note", "note" + NUL)
						.with(member.session())
						.with(csrf())
						.header("Accept-Language", "en"))
					.andReturn());
		results.add(
				this.mvc
					.perform(post("/me/tokens").with(member.session())
						.with(csrf())
						.header("Accept-Language", "en")
						.param("name", "bot\u001b[31m"))
					.andReturn());
		results.add(this.mvc.perform(get("/g/kanjia").param("campaign", "x" + NUL).header("Accept-Language", "en"))
			.andReturn());
		for (MvcResult result : results) {
			assertThat(result.getResponse().getStatus()).as(result.getRequest().getRequestURI()).isEqualTo(400);
			assertThat(result.getResponse().getContentAsString()).contains("control characters");
		}
	}

	@Test
	void controlCharactersInApiBodiesAreA400WithTheField() throws Exception {
		TestMember member = this.members.create("nulapi");
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
		Map<String, String> values = Map.of("slug", "kanjia", "id", "1");
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
				int status = this.mvc.perform(get(path)).andReturn().getResponse().getStatus();
				assertThat(status).as("anonymous GET " + path).isLessThan(500);
				checked.add(path);
			}
		}
		assertThat(checked).contains("/g/kanjia/settings", "/me", "/queue", "/g/kanjia/post");
		this.mvc.perform(get("/g/kanjia/settings"))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/login"));
	}

	@Test
	void anUnreachableDatabaseIsAQuickFriendly503() throws Exception {
		HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
		String password = pool.getPassword();
		pool.getHikariConfigMXBean().setPassword("not-the-password");
		pool.getHikariPoolMXBean().softEvictConnections();
		try {
			long start = System.nanoTime();
			MvcResult page = this.mvc.perform(get("/g/kanjia").header("Accept-Language", "en")).andReturn();
			long millis = (System.nanoTime() - start) / 1_000_000;
			assertThat(page.getResponse().getStatus()).isEqualTo(503);
			assertThat(page.getResponse().getContentAsString()).contains("try again in a minute");
			assertThat(millis).as("answered without waiting for a long time-out").isLessThan(15_000);
			this.mvc.perform(get("/api/v1/groups/kanjia/requests"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
		finally {
			pool.getHikariConfigMXBean().setPassword(password);
			pool.getHikariPoolMXBean().softEvictConnections();
		}
		this.mvc.perform(get("/g/kanjia")).andExpect(status().isOk());
	}

}
