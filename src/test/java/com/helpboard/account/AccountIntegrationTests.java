package com.helpboard.account;

import java.util.UUID;

import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestMembers;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AccountIntegrationTests {

	static final String PASSWORD = TestMembers.PASSWORD;

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	/** Sessions live in the database (Spring Session): the SESSION cookie names one. */
	static Cookie sessionCookie(MvcResult result) {
		Cookie cookie = result.getResponse().getCookie("SESSION");
		assertThat(cookie).as("session cookie").isNotNull();
		return cookie;
	}

	static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void registeringSignsInAndShowsTheProfile() throws Exception {
		String name = unique("alice");
		MvcResult result = this.mvc
			.perform(post("/register").with(csrf())
				.param("username", name)
				.param("password", PASSWORD)
				.param("passwordAgain", PASSWORD))
			.andExpect(status().is3xxRedirection())
			// nowhere to return to: what to do first, not a page of zeros
			.andExpect(redirectedUrl("/me/todo"))
			.andReturn();
		Cookie session = sessionCookie(result);
		this.mvc.perform(get("/me").cookie(session).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(name)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Credits")));
	}

	@Test
	void chineseUsernamesAreAccepted() throws Exception {
		String name = "小明" + UUID.randomUUID().toString().substring(0, 4);
		this.mvc
			.perform(post("/register").with(csrf())
				.param("username", name)
				.param("password", PASSWORD)
				.param("passwordAgain", PASSWORD))
			.andExpect(status().is3xxRedirection());
		assertThat(this.accounts.findByUsername(name)).isPresent();
	}

	@Test
	void theIssuesTwoCharacterName小红IsAccepted() throws Exception {
		this.mvc
			.perform(post("/register").with(csrf())
				.param("username", "小红")
				.param("password", PASSWORD)
				.param("passwordAgain", PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/me/todo"));
		assertThat(this.accounts.findByUsername("小红")).isPresent();
		// the next 小红 is told the name is taken, on the name, with nothing else wrong
		this.mvc
			.perform(post("/register").with(csrf())
				.header("Accept-Language", "zh-CN")
				.param("username", "小红")
				.param("password", PASSWORD)
				.param("passwordAgain", PASSWORD))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("这个用户名已被使用")));
	}

	@Test
	void theRegisterFormShowsEveryMistakeAtOnce() throws Exception {
		String page = this.mvc
			.perform(post("/register").with(csrf())
				.header("Accept-Language", "en")
				.param("username", "a")
				.param("password", "short")
				.param("passwordAgain", "other"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"username-error\"", "A username is 2–32 characters")
			.contains("id=\"password-error\"", "A password is 12–128 characters")
			.contains("id=\"passwordAgain-error\"", "The two passwords differ.");
		// a good name with a common password: the password's error alone
		String name = unique("dana");
		page = this.mvc
			.perform(post("/register").with(csrf())
				.header("Accept-Language", "en")
				.param("username", name)
				.param("password", "password1234")
				.param("passwordAgain", "password1234"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"password-error\"").doesNotContain("id=\"username-error\"");
		assertThat(this.accounts.findByUsername(name)).isEmpty();
	}

	@Test
	void registeringAndLoggingInReturnToASameSitePageOnly() throws Exception {
		String name = unique("erin");
		this.mvc
			.perform(post("/register").with(csrf())
				.param("username", name)
				.param("password", PASSWORD)
				.param("passwordAgain", PASSWORD)
				.param("next", "/r/42?from=share"))
			.andExpect(redirectedUrl("/r/42?from=share"));
		this.mvc
			.perform(post("/login").with(csrf())
				.param("username", name)
				.param("password", PASSWORD)
				.param("next", "/g/kanjia"))
			.andExpect(redirectedUrl("/g/kanjia"));
		for (String hostile : new String[] { "https://evil.example/r/1", "//evil.example", "/\\evil.example",
				"/%2F%2Fevil.example", "/%5Cevil.example", "/%09/evil.example", "javascript:alert(1)", "/login",
				"/%252F/evil.example" }) {
			this.mvc
				.perform(post("/login").with(csrf())
					.param("username", name)
					.param("password", PASSWORD)
					.param("next", hostile))
				.andExpect(redirectedUrl("/me/todo"));
			String other = unique("frank");
			this.mvc
				.perform(post("/register").with(csrf())
					.param("username", other)
					.param("password", PASSWORD)
					.param("passwordAgain", PASSWORD)
					.param("next", hostile))
				.andExpect(redirectedUrl("/me/todo"));
		}
		// a failed login keeps a good target for the next try, and drops a bad one
		this.mvc
			.perform(post("/login").with(csrf())
				.param("username", name)
				.param("password", PASSWORD + "-wrong")
				.param("next", "/r/42"))
			.andExpect(redirectedUrl("/login?error&next=%2Fr%2F42"));
		this.mvc
			.perform(post("/login").with(csrf())
				.param("username", name)
				.param("password", PASSWORD + "-wrong")
				.param("next", "//evil.example"))
			.andExpect(redirectedUrl("/login?error"));
		// the forms carry the target along, escaped
		this.mvc.perform(get("/login").param("next", "/r/42"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"next\" value=\"/r/42\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("/register?next=")));
		this.mvc.perform(get("/login").param("next", "//evil.example"))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("evil"))));
		this.mvc.perform(get("/register").param("next", "/r/42"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"/r/42\"")));
	}

	@Test
	void tooShortTooLongAndBadCharactersAreRefusedOnTheForm() throws Exception {
		for (String bad : new String[] { "a", "x".repeat(33), "bad name", "<script>" }) {
			this.mvc
				.perform(post("/register").with(csrf())
					.header("Accept-Language", "en")
					.param("username", bad)
					.param("password", PASSWORD)
					.param("passwordAgain", PASSWORD))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("A username is 2–32 characters")));
			assertThat(this.accounts.findByUsername(bad)).isEmpty();
		}
	}

	@Test
	void shortPasswordIsRefused() throws Exception {
		String name = unique("bob");
		this.mvc
			.perform(post("/register").with(csrf())
				.header("Accept-Language", "en")
				.param("username", name)
				.param("password", "short")
				.param("passwordAgain", "short"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("A password is 12–128 characters")));
		assertThat(this.accounts.findByUsername(name)).isEmpty();
	}

	@Test
	void aNameTakenInAnotherCaseIsRefused() throws Exception {
		String name = unique("Carol");
		this.accounts.register(name, PASSWORD);
		this.mvc
			.perform(post("/register").with(csrf())
				.header("Accept-Language", "en")
				.param("username", name.toUpperCase())
				.param("password", PASSWORD)
				.param("passwordAgain", PASSWORD))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("That username is taken")));
	}

	@Test
	void formsWithoutCsrfTokenAreForbidden() throws Exception {
		String name = unique("dave");
		this.mvc.perform(
				post("/register").param("username", name).param("password", PASSWORD).param("passwordAgain", PASSWORD))
			.andExpect(status().isForbidden());
		assertThat(this.accounts.findByUsername(name)).isEmpty();
	}

	@Test
	void loginLogoutAndRememberMe() throws Exception {
		String name = unique("erin");
		this.accounts.register(name, PASSWORD);
		MvcResult login = this.mvc
			.perform(post("/login").with(csrf())
				.param("username", name.toUpperCase())
				.param("password", PASSWORD)
				.param("remember-me", "on"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/me/todo"))
			.andExpect(cookie().exists("remember-me"))
			.andReturn();
		Cookie session = sessionCookie(login);
		this.mvc.perform(get("/me").cookie(session)).andExpect(status().isOk());
		// remember-me alone, without the session, signs the member in again
		this.mvc.perform(get("/me").cookie(login.getResponse().getCookie("remember-me"))).andExpect(status().isOk());
		this.mvc.perform(post("/logout").with(csrf()).cookie(session)).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/me").cookie(session))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void wrongPasswordAndUnknownUserGetTheSameAnswer() throws Exception {
		String name = unique("frank");
		this.accounts.register(name, PASSWORD);
		String wrongPassword = this.mvc
			.perform(post("/login").with(csrf()).param("username", name).param("password", "wrong-password"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String unknownUser = this.mvc
			.perform(post("/login").with(csrf()).param("username", unique("nobody")).param("password", "whatever1"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(wrongPassword).isEqualTo("/login?error").isEqualTo(unknownUser);
		this.mvc.perform(get("/login?error").header("Accept-Language", "en"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Wrong username or password.")));
	}

	@Test
	void apiTokenLifeCycle() throws Exception {
		String name = unique("gina");
		String created = this.mvc
			.perform(post("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(created).contains("\"username\":\"" + name + "\"");

		String issued = this.mvc
			.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"bot\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String token = JsonPath.read(issued, "$.token");
		long id = JsonPath.<Number>read(issued, "$.id").longValue();

		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("\"username\":\"" + name + "\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("\"balance\":")));

		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/tokens/" + id)
				.header("Authorization", "Bearer " + token))
			.andExpect(status().isNoContent());

		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void aSuspendedAccountCannotSignInNorUseItsTokens() throws Exception {
		String name = unique("sus");
		long id = this.accounts.register(name, PASSWORD).id();
		String token = this.accounts.issueToken(id, "bot").token();
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

		assertThat(this.accounts.suspend(id, "spam ring").suspended()).isTrue();

		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized());
		this.mvc
			.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/login").with(csrf()).param("username", name).param("password", PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
		assertThat(this.accounts.isSuspended(id)).isTrue();
		assertThat(this.accounts.suspendedAmong(java.util.List.of(id))).containsExactly(id);

		this.accounts.unsuspend(id);
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
	}

	@Test
	void apiRefusesWrongCredentialsAndMissingTokens() throws Exception {
		String name = unique("hank");
		this.accounts.register(name, PASSWORD);
		this.mvc
			.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + name + "\",\"password\":\"nope-nope\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer hb_made_up"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aSessionCookieDoesNotAuthenticateTheApi() throws Exception {
		String name = unique("ivy");
		this.accounts.register(name, PASSWORD);
		MvcResult login = this.mvc
			.perform(post("/login").with(csrf()).param("username", name).param("password", PASSWORD))
			.andReturn();
		Cookie session = sessionCookie(login);
		this.mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
	}

	@Test
	void badApiInputIsProblemJson() throws Exception {
		this.mvc
			.perform(post("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
				.header("Accept-Language", "en")
				.content("{\"username\":\"a\",\"password\":\"" + PASSWORD + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("\"field\":\"username\"")));
		this.mvc.perform(post("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON).content("{not json"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Exception"))));
		this.mvc.perform(post("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		String name = unique("Jack");
		this.accounts.register(name, PASSWORD);
		this.mvc
			.perform(post("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + name.toLowerCase() + "\",\"password\":\"" + PASSWORD + "\"}"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

}
