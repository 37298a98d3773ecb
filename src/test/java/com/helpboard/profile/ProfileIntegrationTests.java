package com.helpboard.profile;

import java.util.List;
import java.util.Map;

import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers.TestMember;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ProfileIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData testData;

	@Test
	void theApiProfileKeepsItsFieldsAndTheirOrder() throws Exception {
		TestMember member = this.testData.member("profile").create();
		String body = this.mvc.perform(get("/api/v1/me").header("Authorization", member.bearer()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Map<String, Object> profile = JsonMapper.builder().build().readValue(body, new TypeReference<>() {
		});
		assertThat(profile.keySet()).containsExactly("id", "username", "balance", "helpsGiven", "helpsReceived",
				"standing", "groups", "joinedAt", "heldCredits", "debt", "established", "nickname");
		assertThat(profile.get("username")).isEqualTo(member.username());
		assertThat(profile.get("groups")).isEqualTo(List.of());
	}

	@Test
	void theProfilePageShowsTheMember() throws Exception {
		TestMember member = this.testData.member("page").create();
		this.mvc.perform(get("/me").with(member.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(member.username())))
			.andExpect(content().string(containsString("id=\"helps-given\"")));
	}

}
