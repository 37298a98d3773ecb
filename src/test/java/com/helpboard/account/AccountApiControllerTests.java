package com.helpboard.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.helpboard.system.ApiTokenAuthenticator;
import com.helpboard.system.MemberSessions;
import com.helpboard.system.security.ApiSecuritySlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The account API as a web slice: the controller, the application's API security and
 * problem responses, with the facades mocked. What the API answers is tested here in
 * milliseconds; what the facades do is the integration tests' business.
 */
@WebMvcTest(controllers = AccountApiController.class, properties = ApiSecuritySlice.REMEMBER_ME_KEY)
@Import(ApiSecuritySlice.class)
class AccountApiControllerTests {

	private static final MemberPrincipal ALICE = new MemberPrincipal(42, "alice", "", false);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Accounts accounts;

	@MockitoBean
	MemberSessions memberSessions;

	@MockitoBean
	ApiTokenAuthenticator tokens;

	@BeforeEach
	void aliceHasAToken() {
		given(this.tokens.authenticate(anyString())).willReturn(Optional.empty());
		given(this.tokens.authenticate("alices-token")).willReturn(
				Optional.of(UsernamePasswordAuthenticationToken.authenticated(ALICE, null, ALICE.getAuthorities())));
	}

	@Test
	void aMemberListsTheirTokens() throws Exception {
		Instant created = Instant.parse("2026-01-02T03:04:05Z");
		given(this.accounts.tokens(42)).willReturn(List.of(new Accounts.TokenView(7, "bot", created, null)));
		this.mvc.perform(get("/api/v1/me/tokens").header("Authorization", "Bearer alices-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(7))
			.andExpect(jsonPath("$[0].name").value("bot"))
			.andExpect(jsonPath("$.length()").value(1));
	}

	@Test
	void withoutATokenTheAnswerIsAProblem401() throws Exception {
		this.mvc.perform(get("/api/v1/me/tokens"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/v1/me/tokens").header("Authorization", "Bearer someone-elses"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		then(this.accounts).should(never()).tokens(anyLong());
	}

	@Test
	void aWrongPasswordIssuesNoToken() throws Exception {
		given(this.accounts.verify("alice", "wrong-password")).willReturn(Optional.empty());
		this.mvc
			.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"alice\",\"password\":\"wrong-password\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		then(this.accounts).should(never()).issueToken(anyLong(), any());
	}

	@Test
	void anInvalidSignUpNeverReachesTheFacade() throws Exception {
		this.mvc
			.perform(post("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + "x".repeat(65) + "\",\"password\":\"correct-horse-battery\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		then(this.accounts).should(never()).register(anyString(), anyString());
	}

}
