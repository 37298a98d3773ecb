package com.helpboard.group;

import java.util.List;
import java.util.Optional;

import com.helpboard.account.MemberPrincipal;
import com.helpboard.system.ApiTokenAuthenticator;
import com.helpboard.system.FieldRejection;
import com.helpboard.system.HelpBoardException;
import com.helpboard.system.LocalizedText;
import com.helpboard.system.security.ApiSecuritySlice;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The group pages as a web slice: the controller, its Thymeleaf templates, the
 * application's page security and refusal pages, with {@link Groups} mocked. A form's
 * errors come back on the form, beside their fields; refusals no form shows are the
 * refusal page with their status.
 */
@WebMvcTest(controllers = GroupController.class, properties = ApiSecuritySlice.REMEMBER_ME_KEY)
@Import(ApiSecuritySlice.class)
class GroupControllerTests {

	private static final MemberPrincipal ALICE = new MemberPrincipal(42, "alice", "", false);

	@Autowired
	MockMvc mvc;

	@Autowired
	Validator validator;

	@MockitoBean
	Groups groups;

	@MockitoBean
	com.helpboard.account.Accounts accounts;

	@MockitoBean
	ApiTokenAuthenticator tokens;

	/** The layout's nav asks it for the signed-in member's counts. */
	@MockitoBean(name = "notifications")
	com.helpboard.notification.Notifications notifications;

	@BeforeEach
	void noTokens() {
		given(this.tokens.authenticate(anyString())).willReturn(Optional.empty());
		given(this.notifications.navCounts(any(org.springframework.security.core.Authentication.class)))
			.willReturn(com.helpboard.notification.NavCounts.NONE);
		given(this.notifications.pollEvery()).willReturn(java.time.Duration.ofSeconds(30));
	}

	private static RequestPostProcessor alice() {
		return user(ALICE);
	}

	private static GroupView group(String slug, Visibility visibility) {
		return new GroupView(9, slug, new LocalizedText("砍价群", "Bargains"), new LocalizedText("一起砍", ""),
				new LocalizedText("不要刷屏", ""), visibility, 42L, null, 3, new GroupView.PostingRule(3, 1, 48), 5,
				new GroupView.BoostRule(3, 2, List.of(1, 3)));
	}

	private static MockHttpServletRequestBuilder createForm() {
		return post("/groups/new").with(csrf())
			.with(alice())
			.header("Accept-Language", "en")
			.param("slug", "my-group")
			.param("name", "My group")
			.param("description", "For friends")
			.param("rules", "Be kind")
			.param("visibility", "PUBLIC");
	}

	@Test
	void creatingAGroupNeedsASignedInMemberAndACsrfToken() throws Exception {
		this.mvc.perform(get("/groups/new")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/groups/new").with(alice()).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(view().name("group/new"))
			.andExpect(content().string(containsString("name=\"slug\"")));
		this.mvc.perform(post("/groups/new").with(alice()).param("slug", "my-group").param("name", "My group"))
			.andExpect(status().isForbidden());
		then(this.groups).should(never()).create(anyLong(), any());
	}

	@Test
	void aCreatedGroupOpensWithTheFormAsTyped() throws Exception {
		given(this.groups.create(eq(42L), any(NewGroup.class))).willReturn(group("my-group", Visibility.PUBLIC));
		this.mvc.perform(createForm())
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/g/my-group"))
			.andExpect(flash().attribute("flash", "group.created"));
		then(this.groups).should()
			.create(42L, new NewGroup("my-group", "My group", "For friends", "Be kind", Visibility.PUBLIC, null));
	}

	@Test
	void aFormWithoutAVisibilityIsShownAgainAndCreatesNothing() throws Exception {
		this.mvc
			.perform(post("/groups/new").with(csrf())
				.with(alice())
				.header("Accept-Language", "en")
				.param("slug", "my-group")
				.param("name", "My group"))
			.andExpect(status().isOk())
			.andExpect(view().name("group/new"))
			.andExpect(model().attributeHasFieldErrorCode("form", "visibility", "NotNull"))
			// what was typed stays in the form
			.andExpect(content().string(containsString("value=\"my-group\"")));
		then(this.groups).should(never()).create(anyLong(), any());
	}

	@Test
	void aSlugTheGroupsRefuseIsShownBesideItsField() throws Exception {
		given(this.groups.create(eq(42L), any(NewGroup.class)))
			.willThrow(new FieldRejection("slug", "group.slug.invalid"));
		this.mvc.perform(createForm())
			.andExpect(status().isOk())
			.andExpect(view().name("group/new"))
			.andExpect(model().attributeHasFieldErrorCode("form", "slug", "group.slug.invalid"))
			.andExpect(content().string(containsString("id=\"slug-error\"")))
			.andExpect(content().string(containsString("An address name is 3–48")));
	}

	@Test
	void theCommandsConstraintsAreShownBesideTheirFields() throws Exception {
		// what the facade's method validation throws for a name over 64 characters
		NewGroup tooLong = new NewGroup("my-group", "n".repeat(65), "", "", Visibility.PUBLIC, null);
		ConstraintViolationException refused = new ConstraintViolationException(this.validator.validate(tooLong));
		assertThat(refused.getConstraintViolations()).hasSize(1);
		given(this.groups.create(eq(42L), any(NewGroup.class))).willThrow(refused);
		this.mvc.perform(createForm())
			.andExpect(status().isOk())
			.andExpect(view().name("group/new"))
			.andExpect(model().attributeHasFieldErrors("form", "name"))
			.andExpect(content().string(containsString("id=\"name-error\"")));
	}

	@Test
	void notEnoughStandingIsSaidOnTheForm() throws Exception {
		given(this.groups.create(eq(42L), any(NewGroup.class)))
			.willThrow(HelpBoardException.forbidden("group.create.standing", 10, 0));
		// the form again (status 200, as GroupIntegrationTests expects), the reason above
		// it
		this.mvc.perform(createForm())
			.andExpect(status().isOk())
			.andExpect(view().name("group/new"))
			.andExpect(content().string(containsString("role=\"alert\"")))
			.andExpect(
					content().string(containsString("Creating a group needs a standing of at least 10 (yours is 0).")));
	}

	@Test
	void joiningSaysHowItWent() throws Exception {
		given(this.groups.get("kanjia")).willReturn(group("kanjia", Visibility.PUBLIC));
		given(this.groups.get("secret")).willReturn(group("secret", Visibility.PRIVATE));
		this.mvc.perform(post("/g/kanjia/join").with(csrf()).with(alice()))
			.andExpect(redirectedUrl("/g/kanjia"))
			.andExpect(flash().attribute("flash", "group.joined"));
		then(this.groups).should().join("kanjia", 42L, null);

		// a wrong invite code: said on the group list, as the private page stays closed
		willThrow(HelpBoardException.forbidden("group.invite.invalid")).given(this.groups)
			.join("secret", 42L, "WRONGCODE1");
		this.mvc.perform(post("/g/secret/join").param("code", "WRONGCODE1").with(csrf()).with(alice()))
			.andExpect(redirectedUrl("/g"))
			.andExpect(flash().attribute("flash", "group.invite.invalid"));
		// a public group's refusal is said on its page
		willThrow(HelpBoardException.conflict("group.full")).given(this.groups).join("kanjia", 42L, "x");
		this.mvc.perform(post("/g/kanjia/join").param("code", "x").with(csrf()).with(alice()))
			.andExpect(redirectedUrl("/g/kanjia"))
			.andExpect(flash().attribute("flash", "group.full"));
		// no such group: the refusal page, 404
		willThrow(HelpBoardException.notFound("group.not-found")).given(this.groups).join("nowhere", 42L, null);
		this.mvc.perform(post("/g/nowhere/join").with(csrf()).with(alice()).header("Accept-Language", "en"))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/refused"))
			.andExpect(content().string(containsString("No such group.")));
	}

	@Test
	void settingsAreForTheOwnerOnly() throws Exception {
		GroupView kanjia = group("kanjia", Visibility.PUBLIC);
		given(this.groups.get("kanjia")).willReturn(kanjia);
		given(this.groups.isOwner(kanjia, 42L)).willReturn(false);
		this.mvc.perform(get("/g/kanjia/settings").with(alice()).header("Accept-Language", "en"))
			.andExpect(status().isForbidden())
			.andExpect(view().name("error/refused"))
			.andExpect(content().string(containsString("Only the group&#39;s owner may do this.")));
		given(this.groups.get("nowhere")).willThrow(HelpBoardException.notFound("group.not-found"));
		this.mvc.perform(get("/g/nowhere/settings").with(alice()))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/refused"));
		this.mvc.perform(get("/g/kanjia/settings")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void settingsWithoutTheLimitAreShownAgainAndSaveNothing() throws Exception {
		GroupView secret = group("secret", Visibility.PRIVATE);
		given(this.groups.get("secret")).willReturn(secret);
		given(this.groups.isOwner(secret, 42L)).willReturn(true);
		given(this.groups.inviteCode("secret", 42L)).willReturn("INVITE1234");
		this.mvc
			.perform(post("/g/secret/settings").with(csrf())
				.with(alice())
				.header("Accept-Language", "en")
				.param("description", "Only friends")
				.param("rules", "No spam"))
			.andExpect(status().isOk())
			.andExpect(view().name("group/settings"))
			.andExpect(model().attributeHasFieldErrorCode("form", "maxOpenPerMember", "NotNull"))
			.andExpect(content().string(containsString("id=\"maxOpenPerMember-error\"")))
			.andExpect(content().string(containsString("INVITE1234")))
			.andExpect(content().string(containsString("Only friends")));
		then(this.groups).should(never()).updateRules(anyString(), anyLong(), any(), any(), anyInt());

		this.mvc
			.perform(post("/g/secret/settings").with(csrf())
				.with(alice())
				.param("description", "Only friends")
				.param("rules", "No spam")
				.param("maxOpenPerMember", "5"))
			.andExpect(redirectedUrl("/g/secret/settings"))
			.andExpect(flash().attribute("flash", "group.settings.saved"));
		then(this.groups).should().updateRules("secret", 42L, "Only friends", "No spam", 5);
	}

}
