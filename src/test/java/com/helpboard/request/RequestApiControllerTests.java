package com.helpboard.request;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.helpboard.account.MemberPrincipal;
import com.helpboard.group.GroupView;
import com.helpboard.group.Groups;
import com.helpboard.group.Visibility;
import com.helpboard.system.ApiTokenAuthenticator;
import com.helpboard.system.FieldRejection;
import com.helpboard.system.HelpBoardException;
import com.helpboard.system.LimitReached;
import com.helpboard.system.LocalizedText;
import com.helpboard.system.security.ApiSecuritySlice;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The request API as a web slice: the controller, the application's API security and its
 * problem responses, with the facades mocked. What the API answers (status, problem+json,
 * the JSON of a request) is tested here, without a database; what the facades decide is
 * the integration tests' business.
 */
@WebMvcTest(controllers = RequestApiController.class, properties = ApiSecuritySlice.REMEMBER_ME_KEY)
@Import(ApiSecuritySlice.class)
class RequestApiControllerTests {

	private static final MemberPrincipal ALICE = new MemberPrincipal(42, "alice", "", false);

	private static final Instant CREATED = Instant.parse("2026-01-02T03:04:05Z");

	private static final Instant EXPIRES = Instant.parse("2026-01-03T03:04:05Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	Validator validator;

	@MockitoBean
	Requests requests;

	@MockitoBean
	Groups groups;

	@MockitoBean
	ApiTokenAuthenticator tokens;

	@BeforeEach
	void aliceHasAToken() {
		given(this.tokens.authenticate(anyString())).willReturn(Optional.empty());
		given(this.tokens.authenticate("alices-token")).willReturn(
				Optional.of(UsernamePasswordAuthenticationToken.authenticated(ALICE, null, ALICE.getAuthorities())));
	}

	private static RequestView request(long id) {
		return new RequestView(id, 3, "kanjia", 42, "alice", "PINDUODUO", "pdd-bargain",
				"https://mobile.yangkeduo.com/bargain.html?id=abcdEF12", "帮我砍一刀 https://p.pinduoduo.com/abcdEF12",
				"abcdEF12", "thanks!", null, 3, 1, RequestStatus.OPEN, CREATED, EXPIRES, null, new Reciprocity(5, 2));
	}

	private static MockHttpServletRequestBuilder postAsAlice(String json) {
		return post("/api/v1/groups/kanjia/requests").header("Authorization", "Bearer alices-token")
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json);
	}

	@Test
	void aPostedRequestIsA201WithItsLocationAndTheRequestsJson() throws Exception {
		given(this.requests.post(eq(42L), eq("kanjia"), any(NewRequest.class), isNull())).willReturn(request(7));
		String body = this.mvc
			.perform(postAsAlice("{\"input\":\"帮我砍一刀 https://p.pinduoduo.com/abcdEF12\",\"campaign\":\"pdd-bargain\","
					+ "\"helpsNeeded\":3,\"note\":\"thanks!\",\"expiresInHours\":24}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/requests/7"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.id").value(7))
			.andExpect(jsonPath("$.group").value("kanjia"))
			.andExpect(jsonPath("$.author").value("alice"))
			.andExpect(jsonPath("$.platform").value("PINDUODUO"))
			.andExpect(jsonPath("$.campaign").value("pdd-bargain"))
			.andExpect(jsonPath("$.canonicalUrl").value("https://mobile.yangkeduo.com/bargain.html?id=abcdEF12"))
			.andExpect(jsonPath("$.shareText").value("帮我砍一刀 https://p.pinduoduo.com/abcdEF12"))
			.andExpect(jsonPath("$.token").value("abcdEF12"))
			.andExpect(jsonPath("$.note").value("thanks!"))
			.andExpect(jsonPath("$.helpsNeeded").value(3))
			.andExpect(jsonPath("$.helpsConfirmed").value(1))
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.createdAt").value("2026-01-02T03:04:05Z"))
			.andExpect(jsonPath("$.expiresAt").value("2026-01-03T03:04:05Z"))
			.andExpect(jsonPath("$.authorHelpsGiven").value(5))
			.andExpect(jsonPath("$.authorHelpsReceived").value(2))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// the fields API.md lists, in its order, then the author's record; nothing else
		// (no author id, no group id)
		Map<String, Object> json = JsonMapper.builder().build().readValue(body, new TypeReference<>() {
		});
		assertThat(json.keySet()).containsExactly("id", "group", "author", "platform", "campaign", "canonicalUrl",
				"shareText", "token", "note", "helpsNeeded", "helpsConfirmed", "status", "createdAt", "expiresAt",
				"boostedUntil", "authorHelpsGiven", "authorHelpsReceived", "campaignCompletionRate", "title");
		// the share text names no product and the member said nothing: no title
		assertThat(json.get("title")).isNull();
		assertThat(json.get("boostedUntil")).isNull();
		// the body reaches the facade as the member sent it, for the signed-in member
		ArgumentCaptor<NewRequest> command = ArgumentCaptor.forClass(NewRequest.class);
		then(this.requests).should().post(eq(42L), eq("kanjia"), command.capture(), isNull());
		assertThat(command.getValue())
			.isEqualTo(new NewRequest("帮我砍一刀 https://p.pinduoduo.com/abcdEF12", "pdd-bargain", 3, "thanks!", 24));
	}

	@Test
	void aBodyWithoutItsLinkIsA400ProblemNamingTheFieldAndPostsNothing() throws Exception {
		this.mvc.perform(postAsAlice("{\"helpsNeeded\":2}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.detail").value("Invalid input."))
			.andExpect(jsonPath("$.instance").value("/api/v1/groups/kanjia/requests"))
			.andExpect(jsonPath("$.errors[0].field").value("input"))
			.andExpect(jsonPath("$.errors[0].message").value("Must not be empty."));
		then(this.requests).should(never()).post(anyLong(), anyString(), any(NewRequest.class), any());
	}

	@Test
	void malformedJsonIsA400ProblemThatShowsNoInternals() throws Exception {
		this.mvc.perform(postAsAlice("{\"input\": "))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(content().string(not(containsString("Exception"))))
			.andExpect(content().string(not(containsString("jackson"))));
		this.mvc
			.perform(post("/api/v1/groups/kanjia/requests").header("Authorization", "Bearer alices-token")
				.contentType(MediaType.TEXT_PLAIN)
				.content("https://p.pinduoduo.com/abcdEF12"))
			// no handler matched, so its body is the error page's
			// (ErrorPagesIntegrationTests)
			.andExpect(status().isUnsupportedMediaType());
		then(this.requests).should(never()).post(anyLong(), anyString(), any(NewRequest.class), any());
	}

	@Test
	void theCommandsOwnConstraintsAreA400ProblemNamingTheField() throws Exception {
		// what the facade's method validation throws for a note over 280 characters
		NewRequest tooLong = new NewRequest("https://p.pinduoduo.com/abcdEF12", null, 2, "x".repeat(281), null);
		ConstraintViolationException refused = new ConstraintViolationException(this.validator.validate(tooLong));
		assertThat(refused.getConstraintViolations()).hasSize(1);
		given(this.requests.post(eq(42L), eq("kanjia"), any(NewRequest.class), isNull())).willThrow(refused);
		this.mvc
			.perform(postAsAlice("{\"input\":\"https://p.pinduoduo.com/abcdEF12\",\"note\":\"" + "x".repeat(281)
					+ "\",\"helpsNeeded\":2}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("note"))
			.andExpect(jsonPath("$.errors[0].message").value("A note is at most 280 characters."));
	}

	@Test
	void refusalsOfAPostAreProblemsWithTheirStatus() throws Exception {
		String body = "{\"input\":\"https://p.pinduoduo.com/abcdEF12\"}";
		// the same link is open: 409, the field named, the detail pointing at it
		given(this.requests.post(eq(42L), eq("kanjia"), any(NewRequest.class), isNull()))
			.willThrow(new FieldRejection(FieldRejection.Kind.TAKEN, "input", "request.duplicate", "/r/5"));
		this.mvc.perform(postAsAlice(body))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("This link already has an open request in this group: /r/5"))
			.andExpect(jsonPath("$.errors[0].field").value("input"));
		// not a link we know: 422
		given(this.requests.post(eq(42L), eq("kanjia"), any(NewRequest.class), isNull()))
			.willThrow(new FieldRejection(FieldRejection.Kind.UNPROCESSABLE, "input", "request.campaign.platform"));
		this.mvc.perform(postAsAlice(body))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("input"));
		// not a member: 403
		given(this.requests.post(eq(42L), eq("kanjia"), any(NewRequest.class), isNull()))
			.willThrow(HelpBoardException.forbidden("request.post.not-member"));
		this.mvc.perform(postAsAlice(body))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("Join this group first, then post."));
		// no such group: 404
		given(this.requests.post(eq(42L), eq("kanjia"), any(NewRequest.class), isNull()))
			.willThrow(HelpBoardException.notFound("group.not-found"));
		this.mvc.perform(postAsAlice(body))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("No such group."));
		// a cap with a reset time: 429 and when to come back
		given(this.requests.post(eq(42L), eq("kanjia"), any(NewRequest.class), isNull()))
			.willThrow(new LimitReached(Instant.now().plusSeconds(600), "request.post.limit", 3));
		this.mvc.perform(postAsAlice(body))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.retryAt").isString());
	}

	@Test
	void postingNeedsAToken() throws Exception {
		this.mvc
			.perform(post("/api/v1/groups/kanjia/requests").contentType(MediaType.APPLICATION_JSON)
				.content("{\"input\":\"https://p.pinduoduo.com/abcdEF12\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(delete("/api/v1/requests/7")).andExpect(status().isUnauthorized());
		then(this.requests).should(never()).post(anyLong(), anyString(), any(NewRequest.class), any());
		then(this.requests).should(never()).withdraw(anyLong(), anyLong());
	}

	@Test
	void aRequestIsReadByAnyoneAndAnUnknownOneIsA404Problem() throws Exception {
		given(this.requests.get(7, null)).willReturn(request(7));
		this.mvc.perform(get("/api/v1/requests/7"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(7))
			.andExpect(jsonPath("$.status").value("OPEN"));
		// a member's read is theirs (a private group's request is for its members)
		given(this.requests.get(7, 42L)).willThrow(HelpBoardException.notFound("request.not-found"));
		this.mvc
			.perform(get("/api/v1/requests/7").header("Authorization", "Bearer alices-token")
				.header("Accept-Language", "en"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.detail").value("No such request; it may have been removed."));
		this.mvc.perform(get("/api/v1/requests/not-a-number"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void theAuthorWithdrawsAndOthersAreRefused() throws Exception {
		this.mvc.perform(delete("/api/v1/requests/7").header("Authorization", "Bearer alices-token"))
			.andExpect(status().isNoContent());
		then(this.requests).should().withdraw(7, 42);
		willThrow(HelpBoardException.forbidden("request.not-author")).given(this.requests).withdraw(8, 42);
		this.mvc.perform(delete("/api/v1/requests/8").header("Authorization", "Bearer alices-token"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void progressNeedsItsCountAndOnlyGoesUp() throws Exception {
		MockHttpServletRequestBuilder empty = patch("/api/v1/requests/7/progress")
			.header("Authorization", "Bearer alices-token")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}");
		this.mvc.perform(empty)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("helpsConfirmed"));
		then(this.requests).should(never()).raiseProgress(anyLong(), anyLong(), any(Integer.class));

		given(this.requests.raiseProgress(7, 42, 2)).willReturn(request(7));
		this.mvc
			.perform(patch("/api/v1/requests/7/progress").header("Authorization", "Bearer alices-token")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"helpsConfirmed\":2}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(7));
		given(this.requests.raiseProgress(7, 42, 0))
			.willThrow(HelpBoardException.conflict("request.progress.lower", 1));
		this.mvc
			.perform(patch("/api/v1/requests/7/progress").header("Authorization", "Bearer alices-token")
				.header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"helpsConfirmed\":0}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Progress can only go up (it is 1)."));
	}

	@Test
	void aPrivateGroupIsA404ToThoseWhoMayNotReadIt() throws Exception {
		GroupView secret = new GroupView(9, "secret", new LocalizedText("秘密", "Secret"), new LocalizedText("只给朋友", ""),
				new LocalizedText("暗号", ""), Visibility.PRIVATE, 1L, null, 3, new GroupView.PostingRule(3, 1, 48), 2,
				new GroupView.BoostRule(3, 2, java.util.List.of(1, 3)));
		given(this.groups.visit("secret", null, null)).willThrow(HelpBoardException.notFound("group.not-found"));
		given(this.groups.visit("secret", 42L, null)).willReturn(new Groups.GroupVisit(secret, true, false, true));
		given(this.requests.card(secret)).willReturn(new GroupCard(secret, 4));

		for (String path : new String[] { "/api/v1/groups/secret", "/api/v1/groups/secret/requests" }) {
			this.mvc.perform(get(path).header("Accept-Language", "en"))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value("No such group."))
				.andExpect(content().string(not(containsString("秘密"))))
				.andExpect(content().string(not(containsString("暗号"))));
		}
		then(this.requests).should(never()).feed(any(), any(), any(), any(), any());

		this.mvc.perform(get("/api/v1/groups/secret").header("Authorization", "Bearer alices-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.slug").value("secret"))
			.andExpect(jsonPath("$.name").value("秘密"))
			.andExpect(jsonPath("$.nameEn").value("Secret"))
			.andExpect(jsonPath("$.visibility").value("PRIVATE"))
			.andExpect(jsonPath("$.rules").value("暗号"))
			.andExpect(jsonPath("$.openRequests").value(4))
			.andExpect(jsonPath("$.memberCount").value(2));
	}

	@Test
	void aRequestCarriesItsCampaignsCompletionRate() throws Exception {
		given(this.requests.get(7, null)).willReturn(request(7));
		given(this.requests.campaignCompletionRate(any(RequestView.class))).willReturn(0.62);
		this.mvc.perform(get("/api/v1/requests/7"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.campaignCompletionRate").value(0.62));
	}

}
