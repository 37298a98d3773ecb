package com.helpboard.account;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers;
import com.helpboard.support.TestMembers.TestMember;
import com.helpboard.system.FieldRejection;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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
 * The account module's security rules: usernames that cannot deceive, password rules,
 * password changes that end other logins, sign-in without session fixation, and no
 * control characters in free text.
 */
@IntegrationTest
class AccountSecurityIntegrationTests {

	static final String PASSWORD = TestMembers.PASSWORD;

	static final String NEW_PASSWORD = "a-brand-new-secret-42";

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	TestData testData;

	@Autowired
	FindByIndexNameSessionRepository<? extends Session> sessions;

	@Autowired
	JdbcTemplate jdbc;

	private int rememberMeLogins(String username) {
		Integer count = this.jdbc.queryForObject("select count(*) from remember_me_logins where username = ?",
				Integer.class, username);
		return (count != null) ? count : 0;
	}

	static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}

	// --- sessions -------------------------------------------------------------

	/** A stored session as an attacker could plant it, and the cookie naming it. */
	private Cookie plantedSession() {
		return new Cookie("SESSION", encode(create(this.sessions)));
	}

	private static <S extends Session> String create(FindByIndexNameSessionRepository<S> repository) {
		S session = repository.createSession();
		session.setAttribute("planted", "yes");
		repository.save(session);
		return session.getId();
	}

	private static String encode(String sessionId) {
		return Base64.getEncoder().encodeToString(sessionId.getBytes(StandardCharsets.UTF_8));
	}

	private static String sessionId(Cookie cookie) {
		return new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
	}

	private static Cookie sessionCookie(MvcResult result) {
		Cookie cookie = result.getResponse().getCookie("SESSION");
		assertThat(cookie).as("session cookie").isNotNull();
		return cookie;
	}

	private Authentication authenticationIn(Cookie cookie) {
		Session session = this.sessions.findById(sessionId(cookie));
		assertThat(session).as("stored session").isNotNull();
		SecurityContext context = session.getAttribute("SPRING_SECURITY_CONTEXT");
		assertThat(context).isNotNull();
		return context.getAuthentication();
	}

	@Test
	void registrationGivesANewSessionIdAndKeepsNoPasswordHash() throws Exception {
		Cookie planted = plantedSession();
		String name = unique("fix");
		MvcResult result = this.mvc
			.perform(post("/register").with(csrf())
				.cookie(planted)
				.param("username", name)
				.param("password", PASSWORD)
				.param("passwordAgain", PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/me/todo"))
			.andReturn();
		Cookie session = sessionCookie(result);
		assertThat(sessionId(session)).isNotEqualTo(sessionId(planted));
		// the planted id names nothing any more; the new one is signed in
		assertThat(this.sessions.findById(sessionId(planted))).isNull();
		this.mvc.perform(get("/me").cookie(planted)).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/me").cookie(session)).andExpect(status().isOk());
		Authentication authentication = authenticationIn(session);
		assertThat(authentication.getPrincipal()).isInstanceOfSatisfying(MemberPrincipal.class, (principal) -> {
			assertThat(principal.username()).isEqualTo(name);
			assertThat(principal.getPassword()).isNull();
		});
		assertThat(authentication.getCredentials()).isNull();
	}

	@Test
	void theLoginFormGivesANewSessionId() throws Exception {
		TestMember member = this.testData.member("login").create();
		Cookie planted = plantedSession();
		MvcResult result = this.mvc
			.perform(post("/login").with(csrf())
				.cookie(planted)
				.param("username", member.username())
				.param("password", PASSWORD))
			.andExpect(redirectedUrl("/me/todo"))
			.andReturn();
		Cookie session = sessionCookie(result);
		assertThat(sessionId(session)).isNotEqualTo(sessionId(planted));
		this.mvc.perform(get("/me").cookie(planted)).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/me").cookie(session)).andExpect(status().isOk());
		assertThat(((MemberPrincipal) authenticationIn(session).getPrincipal()).getPassword()).isNull();
	}

	// --- usernames ------------------------------------------------------------

	@Test
	void deceptiveUsernamesAreRefusedOnTheApi() throws Exception {
		for (String name : new String[] { "p\\u0430ypal" + suffix(), "\\u3164\\u3164", "\\u115f\\u1160",
				"\\u0301\\u0301", "ab\\u0661" + suffix() + "1" }) {
			this.mvc.perform(newAccount(name, PASSWORD))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].field").value("username"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("could mislead")));
		}
	}

	@Test
	void aDeceptiveUsernameIsExplainedOnTheForm() throws Exception {
		String name = "p\u0430ypal" + suffix();
		this.mvc
			.perform(post("/register").with(csrf())
				.header("Accept-Language", "en")
				.param("username", name)
				.param("password", PASSWORD)
				.param("passwordAgain", PASSWORD))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("could mislead")));
		assertThat(this.accounts.findByUsername(name)).isEmpty();
	}

	@Test
	void namesInOneScriptOrInScriptsWrittenTogetherAreFine() throws Exception {
		for (String name : new String[] { "小明abc" + suffix(), "さくら_" + suffix(), "김철수" + suffix(),
				"иван" + suffix() }) {
			this.mvc.perform(newAccount(name, PASSWORD)).andExpect(status().isCreated());
		}
	}

	private static String suffix() {
		return UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 6);
	}

	// --- password rules -------------------------------------------------------

	private static MockHttpServletRequestBuilder newAccount(String jsonUsername, String jsonPassword) {
		return post("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "en")
			.content("{\"username\":\"" + jsonUsername + "\",\"password\":\"" + jsonPassword + "\"}");
	}

	@Test
	void weakPasswordsAreRefusedOnTheRegisterPage() throws Exception {
		String name = unique("weakling");
		String[][] cases = { { "12345678", "A password is 12–128 characters" },
				{ "password", "A password is 12–128 characters" }, { "password1234", "This is a common password" },
				{ "PASSWORD1234", "This is a common password" },
				{ "            ", "A password must not be only spaces" },
				{ name + "!!", "A password must not be your username" },
				{ "correct\thorse-battery", "A password must not contain control characters" } };
		for (String[] weak : cases) {
			this.mvc
				.perform(post("/register").with(csrf())
					.header("Accept-Language", "en")
					.param("username", name)
					.param("password", weak[0])
					.param("passwordAgain", weak[0]))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(weak[1])));
			assertThat(this.accounts.findByUsername(name)).as(weak[0]).isEmpty();
		}
		refusedOnAPage(
				post("/register").with(csrf())
					.header("Accept-Language", "en")
					.param("username", name)
					.param("password", "correct\u0000horse-battery")
					.param("passwordAgain", "correct\u0000horse-battery"),
				status().isOk(), content().string(containsString("A password must not contain control characters")));
		assertThat(this.accounts.findByUsername(name)).isEmpty();
		// the hint says the rule
		this.mvc.perform(get("/register").header("Accept-Language", "en"))
			.andExpect(content().string(containsString("12–128 characters")));
	}

	@Test
	void weakPasswordsAreRefusedOnTheApi() throws Exception {
		String name = unique("weakapi");
		for (String weak : new String[] { "12345678", "password", "        ", "            ", "password1234",
				"qwertyuiopasdfgh", name, name.toUpperCase() + "-and-more", "correct\\u0000horse-battery",
				"correct\\thorse-battery" }) {
			this.mvc.perform(newAccount(name, weak))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].field").value("password"));
		}
		assertThat(this.accounts.findByUsername(name)).isEmpty();
		// as typed: surrounding spaces are part of it, and it works only with them
		this.mvc.perform(newAccount(name, "  " + PASSWORD + "  ")).andExpect(status().isCreated());
		assertThat(this.accounts.verify(name, "  " + PASSWORD + "  ")).isPresent();
		assertThat(this.accounts.verify(name, PASSWORD)).isEmpty();
	}

	@Test
	void aLongPasswordIsStoredWholeAndEveryCharacterCounts() throws Exception {
		String name = unique("longpw");
		// 128 characters, 384 bytes: within the
		// rules, far beyond the 72 bytes bcrypt reads
		String longPassword = "马上帮我砍一刀".repeat(19).substring(0, 128);
		this.mvc.perform(newAccount(name, longPassword)).andExpect(status().isCreated());
		// every character counts: the same password but for its last one does not match
		this.mvc
			.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + name + "\",\"password\":\"" + longPassword.substring(0, 127) + "x\"}"))
			.andExpect(status().isUnauthorized());
		this.mvc
			.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + name + "\",\"password\":\"" + longPassword + "\"}"))
			.andExpect(status().isCreated());
		// and such a password never signs anyone in
		this.mvc
			.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + unique("nobody") + "\",\"password\":\"" + longPassword + "\"}"))
			.andExpect(status().isUnauthorized());
	}

	// --- password change ------------------------------------------------------

	private Cookie login(String username, String password) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/login").with(csrf()).param("username", username).param("password", password))
			.andExpect(redirectedUrl("/me/todo"))
			.andReturn();
		return sessionCookie(result);
	}

	private Cookie rememberMe(String username, String password) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/login").with(csrf())
				.param("username", username)
				.param("password", password)
				.param("remember-me", "on"))
			.andExpect(redirectedUrl("/me/todo"))
			.andReturn();
		Cookie cookie = result.getResponse().getCookie("remember-me");
		assertThat(cookie).isNotNull();
		return cookie;
	}

	@Test
	void changingThePasswordOnThePageEndsTheOtherSessionsAndRememberMe() throws Exception {
		TestMember member = this.testData.member("changer").create();
		Cookie here = login(member.username(), PASSWORD);
		Cookie elsewhere = login(member.username(), PASSWORD);
		Cookie remembered = rememberMe(member.username(), PASSWORD);
		this.mvc.perform(get("/me").cookie(elsewhere)).andExpect(status().isOk());
		assertThat(rememberMeLogins(member.username())).isEqualTo(1);

		this.mvc.perform(get("/me").cookie(here).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("href=\"/me/password\"")));
		this.mvc.perform(get("/me/password").cookie(here).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Current password")));
		this.mvc
			.perform(post("/me/password").with(csrf())
				.cookie(here)
				.param("currentPassword", PASSWORD)
				.param("newPassword", NEW_PASSWORD)
				.param("newPasswordAgain", NEW_PASSWORD))
			.andExpect(redirectedUrl("/me"))
			.andExpect(flash().attribute("flash", "account.password.changed"));

		// this browser stays signed in; the other one and remember-me do not
		this.mvc.perform(get("/me").cookie(here)).andExpect(status().isOk());
		this.mvc.perform(get("/me").cookie(elsewhere)).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/me").cookie(remembered)).andExpect(redirectedUrl("/login"));
		assertThat(rememberMeLogins(member.username())).isZero();
		assertThat(this.accounts.verify(member.username(), PASSWORD)).isEmpty();
		assertThat(this.accounts.verify(member.username(), NEW_PASSWORD)).isPresent();
		// API tokens stay until revoked
		this.mvc.perform(get("/api/v1/me").header("Authorization", member.bearer())).andExpect(status().isOk());
	}

	@Test
	void aWrongCurrentPasswordChangesNothing() throws Exception {
		TestMember member = this.testData.member("wrongcur").create();
		Cookie here = login(member.username(), PASSWORD);
		Cookie elsewhere = login(member.username(), PASSWORD);
		this.mvc
			.perform(post("/me/password").with(csrf())
				.cookie(here)
				.header("Accept-Language", "en")
				.param("currentPassword", "not-my-password-at-all")
				.param("newPassword", NEW_PASSWORD)
				.param("newPasswordAgain", NEW_PASSWORD))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The current password is wrong.")))
			.andExpect(content().string(containsString("id=\"currentPassword-error\"")));
		assertThat(this.accounts.verify(member.username(), PASSWORD)).isPresent();
		this.mvc.perform(get("/me").cookie(elsewhere)).andExpect(status().isOk());
	}

	@Test
	void theNewPasswordFollowsTheRulesOnThePage() throws Exception {
		TestMember member = this.testData.member("rulesnew").create();
		Cookie here = login(member.username(), PASSWORD);
		String[][] cases = { { "short", "short", "A password is 12–128 characters" },
				{ "password1234", "password1234", "This is a common password" },
				{ member.username(), member.username(), "A password must not be your username" },
				{ NEW_PASSWORD, NEW_PASSWORD + "x", "The two passwords differ." } };
		for (String[] weak : cases) {
			this.mvc
				.perform(post("/me/password").with(csrf())
					.cookie(here)
					.header("Accept-Language", "en")
					.param("currentPassword", PASSWORD)
					.param("newPassword", weak[0])
					.param("newPasswordAgain", weak[1]))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(weak[2])));
		}
		assertThat(this.accounts.verify(member.username(), PASSWORD)).isPresent();
		// without a CSRF token nothing happens
		this.mvc
			.perform(post("/me/password").cookie(here)
				.param("currentPassword", PASSWORD)
				.param("newPassword", NEW_PASSWORD)
				.param("newPasswordAgain", NEW_PASSWORD))
			.andExpect(status().isForbidden());
		assertThat(this.accounts.verify(member.username(), PASSWORD)).isPresent();
		this.mvc.perform(get("/me/password")).andExpect(redirectedUrl("/login"));
	}

	private static MockHttpServletRequestBuilder changeOnApi(TestMember member, String current, String next) {
		return put("/api/v1/me/password").header("Authorization", member.bearer())
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}");
	}

	@Test
	void changingThePasswordOnTheApi() throws Exception {
		TestMember member = this.testData.member("apichange").create();
		Cookie browser = login(member.username(), PASSWORD);
		Cookie remembered = rememberMe(member.username(), PASSWORD);
		assertThat(rememberMeLogins(member.username())).isEqualTo(1);

		this.mvc.perform(changeOnApi(member, "not-my-password-at-all", NEW_PASSWORD))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(changeOnApi(member, PASSWORD, "password1234"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("newPassword"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("common password")));
		this.mvc.perform(changeOnApi(member, PASSWORD, "short")).andExpect(status().isBadRequest());
		this.mvc.perform(changeOnApi(member, PASSWORD, "correct\\u0000horse-battery"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/me").cookie(browser)).andExpect(status().isOk());
		assertThat(this.accounts.verify(member.username(), PASSWORD)).isPresent();

		// the session cookie sent along does not count as "this session" on the API
		this.mvc.perform(changeOnApi(member, PASSWORD, NEW_PASSWORD).cookie(browser)).andExpect(status().isNoContent());
		this.mvc.perform(get("/me").cookie(browser)).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/me").cookie(remembered)).andExpect(redirectedUrl("/login"));
		assertThat(rememberMeLogins(member.username())).isZero();
		assertThat(this.accounts.verify(member.username(), NEW_PASSWORD)).isPresent();
		this.mvc.perform(get("/api/v1/me").header("Authorization", member.bearer())).andExpect(status().isOk());
		this.mvc
			.perform(put("/api/v1/me/password").contentType(MediaType.APPLICATION_JSON)
				.content("{\"currentPassword\":\"" + NEW_PASSWORD + "\",\"newPassword\":\"" + PASSWORD + "\"}"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void theApiListsTokensWithoutTheirSecrets() throws Exception {
		TestMember member = this.testData.member("tokens").create();
		String body = this.mvc.perform(get("/api/v1/me/tokens").header("Authorization", member.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").isNumber())
			.andExpect(jsonPath("$[0].name").value("test"))
			.andExpect(jsonPath("$[0].createdAt").isString())
			.andExpect(jsonPath("$[0].lastUsedAt").isString())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContain(member.token()).doesNotContain("\"token\"");
		this.mvc.perform(get("/api/v1/me/tokens")).andExpect(status().isUnauthorized());
	}

	// --- control characters ---------------------------------------------------

	/**
	 * A page request with a control character: refused by the page itself (a form error,
	 * checked with {@code matchers}) or, when the security firewall refuses such
	 * parameters, by a 400 before the page sees it; never a server error.
	 */
	private void refusedOnAPage(MockHttpServletRequestBuilder request, ResultMatcher... matchers) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		int status = result.getResponse().getStatus();
		assertThat(status).as("status").isLessThan(500);
		if (status != 400) {
			for (ResultMatcher matcher : matchers) {
				matcher.match(result);
			}
		}
	}

	@Test
	void aNulInTheUsernameIsAFormErrorOrABadRequest() throws Exception {
		refusedOnAPage(
				post("/register").with(csrf())
					.header("Accept-Language", "en")
					.param("username", "nul\u0000name")
					.param("password", PASSWORD)
					.param("passwordAgain", PASSWORD),
				status().isOk(), content().string(containsString("Must not contain control characters")));
		this.mvc.perform(newAccount("nul\\u0000name", PASSWORD))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("username"));
		this.mvc
			.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"nul\\u0000name\",\"password\":\"" + PASSWORD + "\"}"))
			.andExpect(status().isBadRequest());
		// the login form answers as for any wrong name
		refusedOnAPage(post("/login").with(csrf()).param("username", "nul\u0000name").param("password", PASSWORD),
				redirectedUrl("/login?error"));
		assertThat(this.accounts.findByUsername("nul\u0000name")).isEmpty();
		assertThat(this.accounts.verify("nul\u0000name", PASSWORD)).isEmpty();
	}

	@Test
	void aNulInAPasswordIsRefusedWithAClearMessage() throws Exception {
		String name = unique("nulpw");
		this.mvc.perform(newAccount(name, "correct\\u0000horse-battery"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("password"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("control characters")));
		refusedOnAPage(post("/login").with(csrf()).param("username", name).param("password", "correct\u0000horse"),
				redirectedUrl("/login?error"));
	}

	@Test
	void aNulInATokenNameIsAFormErrorOrABadRequest() throws Exception {
		TestMember member = this.testData.member("nultoken").create();
		this.mvc
			.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
				.header("Accept-Language", "en")
				.content("{\"username\":\"" + member.username() + "\",\"password\":\"" + PASSWORD
						+ "\",\"name\":\"bot\\u0000\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		Cookie here = login(member.username(), PASSWORD);
		refusedOnAPage(post("/me/tokens").with(csrf()).cookie(here).param("name", "bot\u0000"),
				status().is3xxRedirection(), flash().attribute("flash", "account.token.name.plain"));
		// the same refusal straight from the facade (whatever reaches it)
		assertThatExceptionOfType(FieldRejection.class)
			.isThrownBy(() -> this.accounts.issueToken(member.id(), "bot\u0000"))
			.extracting(FieldRejection::field)
			.isEqualTo("name");
		this.mvc.perform(post("/me/tokens").with(csrf()).cookie(here).param("name", "x".repeat(65)))
			.andExpect(flash().attribute("flash", "account.token.name.invalid"));
		assertThat(this.accounts.tokens(member.id())).extracting(Accounts.TokenView::name).containsExactly("test");
		this.mvc.perform(get("/me").cookie(here).header("Accept-Language", "en"))
			.andExpect(content().string(not(containsString("bot\u0000"))));
	}

}
