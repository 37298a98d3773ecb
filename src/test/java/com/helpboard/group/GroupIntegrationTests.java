package com.helpboard.group;

import java.util.UUID;

import com.helpboard.account.Accounts;
import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers.TestMember;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class GroupIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Groups groups;

	@Autowired
	Accounts accounts;

	@Autowired
	TestData testData;

	@Test
	void seededGroupsAreListedInBothLanguages() throws Exception {
		this.mvc.perform(get("/api/v1/groups").param("size", "100"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"slug\":\"kanjia\"")))
			.andExpect(content().string(containsString("多多果园")))
			.andExpect(content().string(containsString("Temu Farmland & Fishland")))
			.andExpect(jsonPath("$.page").value(0));
		this.mvc.perform(get("/g").header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Bargain to free")));
		this.mvc.perform(get("/g").header("Accept-Language", "zh-CN"))
			.andExpect(content().string(containsString("砍价免费拿")));
	}

	@Test
	void joiningIsIdempotentAndLeavingWorks() throws Exception {
		TestMember alice = this.testData.member("alice").create();
		GroupView before = this.groups.get("orchard");
		this.mvc.perform(put("/api/v1/groups/orchard/membership").header("Authorization", alice.bearer()))
			.andExpect(status().isNoContent());
		this.mvc.perform(put("/api/v1/groups/orchard/membership").header("Authorization", alice.bearer()))
			.andExpect(status().isNoContent());
		assertThat(this.groups.get("orchard").memberCount()).isEqualTo(before.memberCount() + 1);
		this.mvc.perform(get("/api/v1/me").header("Authorization", alice.bearer()))
			.andExpect(jsonPath("$.groups[0]").value("orchard"));
		this.mvc.perform(delete("/api/v1/groups/orchard/membership").header("Authorization", alice.bearer()))
			.andExpect(status().isNoContent());
		assertThat(this.groups.isMember(before.id(), alice.id())).isFalse();
	}

	@Test
	void joiningThroughThePage() throws Exception {
		TestMember bob = this.testData.member("bob").create();
		this.mvc.perform(post("/g/pintuan/join").with(csrf()).with(bob.session()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.groups.isMember(this.groups.get("pintuan").id(), bob.id())).isTrue();
		this.mvc.perform(post("/g/pintuan/leave").with(csrf()).with(bob.session()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.groups.isMember(this.groups.get("pintuan").id(), bob.id())).isFalse();
	}

	@Test
	void privateGroupsNeedTheCurrentInviteCode() throws Exception {
		TestMember owner = this.testData.member("owner").create();
		String slug = this.testData.group("private").named("私密砍价群").describedAs("朋友之间").privately().ownedBy(owner);
		String code = this.groups.inviteCode(slug, owner.id());

		TestMember guest = this.testData.member("guest").create();
		this.mvc
			.perform(put("/api/v1/groups/" + slug + "/membership").header("Authorization", guest.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc
			.perform(put("/api/v1/groups/" + slug + "/membership").header("Authorization", guest.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"inviteCode\":\"WRONGCODE1\"}"))
			.andExpect(status().isForbidden());

		String rotated = this.groups.rotateInviteCode(slug, owner.id());
		assertThat(rotated).isNotEqualTo(code);
		this.mvc
			.perform(put("/api/v1/groups/" + slug + "/membership").header("Authorization", guest.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"inviteCode\":\"" + code + "\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(put("/api/v1/groups/" + slug + "/membership").header("Authorization", guest.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"inviteCode\":\"" + rotated + "\"}"))
			.andExpect(status().isNoContent());

		// a private group is not listed to outsiders, and its feed is closed to them
		TestMember outsider = this.testData.member("outsider").create();
		this.mvc.perform(get("/api/v1/groups").param("size", "100").header("Authorization", outsider.bearer()))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(slug))));
		this.mvc.perform(get("/api/v1/groups/" + slug + "/requests").header("Authorization", outsider.bearer()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/groups/" + slug + "/requests").header("Authorization", guest.bearer()))
			.andExpect(status().isOk());
	}

	@Test
	void creatingAGroupNeedsStanding() throws Exception {
		TestMember newcomer = this.testData.member("newbie").create();
		String slug = "new-" + UUID.randomUUID().toString().substring(0, 8);
		this.mvc
			.perform(post("/groups/new").with(csrf())
				.with(newcomer.session())
				.header("Accept-Language", "en")
				.param("slug", slug)
				.param("name", "My group")
				.param("visibility", "PUBLIC"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Creating a group needs a standing of at least")));
		assertThat(this.groups.find(slug)).isEmpty();

		this.accounts.changeStanding(newcomer.id(), 10);
		this.mvc
			.perform(post("/groups/new").with(csrf())
				.with(newcomer.session())
				.param("slug", slug)
				.param("name", "My group")
				.param("visibility", "PUBLIC"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.groups.get(slug).ownerId()).isEqualTo(newcomer.id());
	}

	@Test
	void badSlugsAndPagingAreRefusedClearly() throws Exception {
		TestMember admin = this.testData.member("admin").admin().create();
		this.mvc
			.perform(post("/groups/new").with(csrf())
				.with(admin.session())
				.header("Accept-Language", "en")
				.param("slug", "Bad Slug!")
				.param("name", "x")
				.param("visibility", "PUBLIC"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("An address name is 3–48")));
		this.mvc.perform(get("/api/v1/groups").param("size", "1000"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/v1/groups").param("size", "abc"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/v1/groups/no-such-group")).andExpect(status().isNotFound());
	}

}
