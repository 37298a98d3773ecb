package com.helpboard.system.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.helpboard.account.Accounts;
import com.helpboard.account.MemberSummary;
import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sessions, remember-me, cookies and transport, tried as a hostile visitor would (the
 * threat model and ASVS V3 in docs/security.md).
 */
@IntegrationTest
class SessionSecurityIntegrationTests {

	static final String PASSWORD = TestMembers.PASSWORD;

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	TestData testData;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SecurityHousekeeping housekeeping;

	@Autowired
	org.springframework.session.FindByIndexNameSessionRepository<? extends org.springframework.session.Session> sessionRepository;

	@Value("${local.server.port}")
	int port;

	private String member() {
		return this.testData.member("sess").create().username();
	}

	private long sessions() {
		return this.jdbc.queryForObject("select count(*) from spring_session", Long.class);
	}

	@Test
	void aFailedLoginStoresNoSession() throws Exception {
		long before = sessions();
		this.mvc.perform(post("/login").with(csrf()).param("username", "nobody").param("password", "wrong-password"))
			.andExpect(redirectedUrl("/login?error"));
		assertThat(sessions()).isEqualTo(before);
	}

	@Test
	void everyLoginGetsANewSessionIdAndThePrincipalKeepsNoPasswordHash() throws Exception {
		String name = member();
		MvcResult first = login(name, false);
		Cookie session = first.getResponse().getCookie("SESSION");
		assertThat(session).isNotNull();
		var stored = this.sessionRepository.findByPrincipalName(name).values();
		assertThat(stored).hasSize(1);
		SecurityContext context = stored.iterator().next().getAttribute("SPRING_SECURITY_CONTEXT");
		assertThat(context.getAuthentication().getName()).isEqualTo(name);
		assertThat(
				((org.springframework.security.core.userdetails.UserDetails) context.getAuthentication().getPrincipal())
					.getPassword())
			.isNull();
		// logging in again from a session someone may have planted gives a new id
		MvcResult second = this.mvc
			.perform(post("/login").with(csrf()).cookie(session).param("username", name).param("password", PASSWORD))
			.andExpect(redirectedUrl("/me/todo"))
			.andReturn();
		Cookie renewed = second.getResponse().getCookie("SESSION");
		assertThat(renewed).isNotNull();
		assertThat(renewed.getValue()).isNotEqualTo(session.getValue());
		this.mvc.perform(get("/me").cookie(session)).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/me").cookie(renewed)).andExpect(status().isOk());
	}

	@Test
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void signedInPageViewsWriteTheSessionRowAtMostOnceAMinute() throws Exception {
		String name = member();
		Cookie session = login(name, false).getResponse().getCookie("SESSION");
		String select = "select last_access_time from spring_session where principal_name = ?";
		Long stored = this.jdbc.queryForObject(select, Long.class, name);
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(get("/me").cookie(session)).andExpect(status().isOk());
		}
		assertThat(this.jdbc.queryForObject(select, Long.class, name)).as("no write within the minute")
			.isEqualTo(stored);

		// a request a minute or more after the stored access moves it
		var repository = (org.springframework.session.FindByIndexNameSessionRepository) this.sessionRepository;
		org.springframework.session.Session found = (org.springframework.session.Session) repository
			.findByPrincipalName(name)
			.values()
			.iterator()
			.next();
		found.setLastAccessedTime(Instant.ofEpochMilli(stored).plusSeconds(30));
		repository.save(found);
		assertThat(this.jdbc.queryForObject(select, Long.class, name)).isEqualTo(stored);
		found.setLastAccessedTime(Instant.ofEpochMilli(stored).plusSeconds(61));
		repository.save(found);
		assertThat(this.jdbc.queryForObject(select, Long.class, name)).isEqualTo(stored + 61_000);
		this.mvc.perform(get("/me").cookie(session)).andExpect(status().isOk());
	}

	@Test
	void rememberMeIsStoredHashedAndDiesWithLogout() throws Exception {
		String name = member();
		MvcResult login = login(name, true);
		Cookie remember = login.getResponse().getCookie("remember-me");
		assertThat(remember).isNotNull();
		String[] parts = new String(java.util.Base64.getDecoder().decode(remember.getValue())).split(":");
		assertThat(this.jdbc.queryForObject("select token_hash from remember_me_logins where series = ?", String.class,
				parts[0]))
			.isEqualTo(RememberMeLogins.sha256(parts[1]))
			.isNotEqualTo(parts[1]);
		// the cookie alone signs in
		this.mvc.perform(get("/me").cookie(remember)).andExpect(status().isOk());
		// a forged secret with the right series does not
		Cookie forged = new Cookie("remember-me",
				java.util.Base64.getEncoder().encodeToString((parts[0] + ":forged").getBytes()));
		this.mvc.perform(get("/me").cookie(forged)).andExpect(redirectedUrl("/login"));
		this.mvc.perform(post("/logout").with(csrf()).cookie(login.getResponse().getCookie("SESSION"), remember))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/me").cookie(remember)).andExpect(redirectedUrl("/login"));
		assertThat(this.jdbc.queryForObject("select count(*) from remember_me_logins where username = ?", Long.class,
				name))
			.isZero();
	}

	@Test
	void thePublishedRememberMeKeyIsRefusedOutsideTheEmbeddedDatabase() {
		SecurityConfiguration config = new SecurityConfiguration();
		assertThatThrownBy(() -> config.rememberMeLogins(SecurityConfiguration.DEFAULT_REMEMBER_ME_KEY,
				"jdbc:postgresql://db/helpboard", (u) -> null, this.jdbc, java.time.Clock.systemUTC()))
			.hasMessageContaining("HELPBOARD_REMEMBER_ME_KEY");
		assertThat(config.rememberMeLogins(SecurityConfiguration.DEFAULT_REMEMBER_ME_KEY, "jdbc:h2:file:./data/x",
				(u) -> null, this.jdbc, java.time.Clock.systemUTC()))
			.isNotNull();
	}

	@Test
	void tokenRepliesAreNeverStoredForReplayAndAnonymousKeysDoNotCollide() throws Exception {
		String name = member();
		String body = "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"bot\"}";
		String key = "same-key-" + UUID.randomUUID();
		String first = this.mvc
			.perform(post("/api/v1/tokens").header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String second = this.mvc
			.perform(post("/api/v1/tokens").header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(second).isNotEqualTo(first);
		assertThat(
				this.jdbc.queryForObject("select count(*) from idempotency_keys where idem_key = ?", Long.class, key))
			.isZero();
		// another anonymous caller with the same key is not answered with a conflict
		String other = member();
		this.mvc
			.perform(post("/api/v1/tokens").header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + other + "\",\"password\":\"" + PASSWORD + "\"}"))
			.andExpect(status().isCreated());
	}

	@Test
	void idempotencyKeysArePurgedAfterADay() {
		Instant now = Instant.now();
		this.jdbc.update(
				"insert into idempotency_keys (scope, idem_key, request_hash, state, created_at) values (?, ?, 'h', 'DONE', ?)",
				"old-scope", "old-key", Timestamp.from(now.minusSeconds(25 * 3600)));
		this.jdbc.update(
				"insert into idempotency_keys (scope, idem_key, request_hash, state, created_at) values (?, ?, 'h', 'DONE', ?)",
				"new-scope", "new-key", Timestamp.from(now.minusSeconds(3600)));
		this.housekeeping.purge();
		assertThat(
				this.jdbc.queryForObject("select count(*) from idempotency_keys where scope = 'old-scope'", Long.class))
			.isZero();
		assertThat(
				this.jdbc.queryForObject("select count(*) from idempotency_keys where scope = 'new-scope'", Long.class))
			.isOne();
		this.jdbc.update("delete from idempotency_keys where scope = 'new-scope'");
	}

	@Test
	void healthDetailsAreForAdminsOnly() throws Exception {
		String name = member();
		MvcResult login = login(name, false);
		String asMember = this.mvc.perform(get("/actuator/health").cookie(login.getResponse().getCookie("SESSION")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(asMember).contains("\"status\"").doesNotContain("components").doesNotContain("db");
		MemberSummary admin = this.accounts.findByUsername(name).orElseThrow();
		this.accounts.makeAdmin(admin.id());
		MvcResult adminLogin = login(name, false);
		String asAdmin = this.mvc.perform(get("/actuator/health").cookie(adminLogin.getResponse().getCookie("SESSION")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(asAdmin).contains("components");
	}

	private MvcResult login(String name, boolean remember) throws Exception {
		var request = post("/login").with(csrf()).param("username", name).param("password", PASSWORD);
		if (remember) {
			request = request.param("remember-me", "on");
		}
		return this.mvc.perform(request).andExpect(redirectedUrl("/me/todo")).andReturn();
	}

}
