package com.helpboard.group;

import com.helpboard.request.RequestView;
import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers.TestMember;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a private group, the help queue and a request's boosts show to those who may not
 * see them: anonymous callers and other members get nothing, not even a count.
 */
@IntegrationTest
class PrivateReadsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Groups groups;

	@Autowired
	TestData testData;

	record PrivateGroup(String slug, String code, TestMember owner, TestMember member) {
	}

	private PrivateGroup privateGroup() {
		TestMember owner = this.testData.member("owner").create();
		String slug = this.testData.group("secret")
			.named("秘密砍价群")
			.describedAs("只给朋友")
			.withRulesText("暗号：芝麻开门")
			.withDefaultCampaign("pdd-bargain")
			.privately()
			.ownedBy(owner);
		String code = this.groups.inviteCode(slug, owner.id());
		TestMember member = this.testData.member("member").joiningWithCode(slug, code);
		return new PrivateGroup(slug, code, owner, member);
	}

	private RequestView postIn(String slug, TestMember author) {
		return this.testData.request().by(author).in(slug).needing(2).post();
	}

	@Test
	void aPrivateGroupIsUnknownToAnyoneOutsideIt() throws Exception {
		PrivateGroup group = privateGroup();
		postIn(group.slug(), group.member());
		TestMember outsider = this.testData.member("outsider").create();
		String path = "/api/v1/groups/" + group.slug();

		this.mvc.perform(get(path))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(content().string(not(containsString("暗号"))));
		this.mvc.perform(get(path).header("Authorization", outsider.bearer()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(content().string(not(containsString("秘密"))));
		this.mvc.perform(get(path).header("Authorization", group.member().bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.slug").value(group.slug()))
			.andExpect(jsonPath("$.rules").value("暗号：芝麻开门"))
			.andExpect(jsonPath("$.openRequests").value(1));
		this.mvc.perform(get("/api/v1/groups/kanjia")).andExpect(status().isOk());

		// the list: public groups to everyone, a private one to its members only
		this.mvc.perform(get("/api/v1/groups").param("size", "100"))
			.andExpect(content().string(containsString("\"slug\":\"kanjia\"")))
			.andExpect(content().string(not(containsString(group.slug()))));
		this.mvc.perform(get("/api/v1/groups").param("size", "100").header("Authorization", outsider.bearer()))
			.andExpect(content().string(containsString("\"slug\":\"kanjia\"")))
			.andExpect(content().string(not(containsString(group.slug()))));
		this.mvc.perform(get("/api/v1/groups").param("size", "100").header("Authorization", group.member().bearer()))
			.andExpect(content().string(containsString(group.slug())));
		this.mvc.perform(get("/g"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(group.slug()))));
		this.mvc.perform(get("/g").with(outsider.session()))
			.andExpect(content().string(not(containsString(group.slug()))));
	}

	@Test
	void aPrivateGroupsPageOpensToMembersAndToItsInviteLinkOnly() throws Exception {
		PrivateGroup group = privateGroup();
		TestMember outsider = this.testData.member("outsider").create();
		String page = "/g/" + group.slug();

		this.mvc.perform(get(page))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("秘密砍价群"))));
		this.mvc.perform(get(page).with(outsider.session()))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("秘密砍价群"))));
		this.mvc.perform(get(page).param("code", "WRONGCODE1").with(outsider.session()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(page + "/post").with(outsider.session())).andExpect(status().isNotFound());
		this.mvc
			.perform(multipart(page + "/post").with(csrf())
				.with(outsider.session())
				.param("input", "https://p.pinduoduo.com/abcdEFGH")
				.param("helpsNeeded", "1"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("秘密砍价群"))));
		this.mvc.perform(get(page).with(group.member().session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("秘密砍价群")));

		// the invite link the owner hands out shows the group and its join form
		this.mvc.perform(get(page).param("code", group.code()).with(outsider.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("秘密砍价群")))
			.andExpect(content().string(containsString("id=\"join\"")));
		this.mvc.perform(get(page).param("code", group.code())).andExpect(status().isOk());
		// a wrong code is said on the group list, as the page stays closed
		this.mvc.perform(post(page + "/join").param("code", "WRONGCODE1").with(csrf()).with(outsider.session()))
			.andExpect(redirectedUrl("/g"));
		this.mvc.perform(post(page + "/join").param("code", group.code()).with(csrf()).with(outsider.session()))
			.andExpect(redirectedUrl(page));
		this.mvc.perform(get(page).with(outsider.session())).andExpect(status().isOk());
		this.mvc.perform(post(page + "/leave").with(csrf()).with(outsider.session())).andExpect(redirectedUrl("/g"));
		this.mvc.perform(get(page).with(outsider.session())).andExpect(status().isNotFound());
	}

	@Test
	void theQueueOfAGroupIAmNotInIsUnknown() throws Exception {
		PrivateGroup group = privateGroup();
		postIn(group.slug(), group.owner());
		TestMember outsider = this.testData.member("outsider").create();

		for (String slug : new String[] { group.slug(), "no-such-group", "orchard" }) {
			this.mvc.perform(get("/api/v1/queue/next").param("group", slug).header("Authorization", outsider.bearer()))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
			this.mvc.perform(get("/queue").param("group", slug).with(outsider.session()))
				.andExpect(status().isNotFound());
		}
		this.mvc.perform(get("/api/v1/queue/next").param("group", group.slug())).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/queue").param("group", group.slug())).andExpect(status().is3xxRedirection());

		this.mvc
			.perform(get("/api/v1/queue/next").param("group", group.slug())
				.header("Authorization", group.member().bearer()))
			.andExpect(status().isOk());
		this.mvc.perform(get("/queue").param("group", group.slug()).with(group.member().session()))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/queue/next").header("Authorization", outsider.bearer()))
			.andExpect(status().isNoContent());
	}

	@Test
	void onlyTheAuthorAndSiteAdminsListARequestsBoosts() throws Exception {
		TestMember author = this.testData.member("author").joining("kanjia");
		RequestView open = postIn("kanjia", author);
		TestMember reader = this.testData.member("reader").joining("kanjia");
		TestMember admin = this.testData.member("admin").admin().create();
		String path = "/api/v1/requests/" + open.id() + "/boosts";

		this.mvc.perform(get(path)).andExpect(status().isUnauthorized());
		this.mvc.perform(get(path).header("Authorization", reader.bearer()))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get(path).header("Authorization", author.bearer())).andExpect(status().isOk());
		this.mvc.perform(get(path).header("Authorization", admin.bearer())).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/requests/987654321/boosts").header("Authorization", author.bearer()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/requests/987654321/boosts").header("Authorization", admin.bearer()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/r/" + open.id() + "/boost")).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/r/" + open.id() + "/boost").with(reader.session())).andExpect(status().isForbidden());
		this.mvc.perform(get("/r/" + open.id() + "/boost").with(author.session())).andExpect(status().isOk());

		// in a private group, outsiders do not learn that the request is there at all
		PrivateGroup group = privateGroup();
		RequestView hidden = postIn(group.slug(), group.member());
		String hiddenPath = "/api/v1/requests/" + hidden.id() + "/boosts";
		TestMember fellow = this.testData.member("fellow").joiningWithCode(group.slug(), group.code());
		this.mvc.perform(get(hiddenPath).header("Authorization", reader.bearer())).andExpect(status().isNotFound());
		this.mvc.perform(get(hiddenPath).header("Authorization", fellow.bearer())).andExpect(status().isForbidden());
		this.mvc.perform(get(hiddenPath).header("Authorization", group.member().bearer())).andExpect(status().isOk());
		this.mvc.perform(get("/r/" + hidden.id() + "/boost").with(reader.session())).andExpect(status().isNotFound());
		this.mvc.perform(get("/r/" + hidden.id() + "/boost").with(fellow.session())).andExpect(status().isForbidden());
	}

}
