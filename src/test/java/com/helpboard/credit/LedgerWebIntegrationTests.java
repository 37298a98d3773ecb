package com.helpboard.credit;

import java.util.UUID;

import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers.TestMember;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The ledger as a member sees it: {@code GET /api/v1/me/ledger} and the page. */
@IntegrationTest
class LedgerWebIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData testData;

	@Autowired
	Credits credits;

	TestMember memberWithThreeEntries() {
		TestMember member = this.testData.member("ld").create();
		this.credits.grant(member.id(), 5, "grant:" + UUID.randomUUID(), "welcome");
		this.credits.earn(member.id(), 2, "claim:" + UUID.randomUUID() + ":confirmed", "claim:9000000000007");
		this.credits.spend(member.id(), 3, "boost:" + UUID.randomUUID(), "boost:3");
		return member;
	}

	@Test
	void theApiPagesTheLedgerNewestFirst() throws Exception {
		TestMember member = memberWithThreeEntries();
		String token = member.bearer();
		this.mvc.perform(get("/api/v1/me/ledger?page=0&size=2").header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(2))
			.andExpect(jsonPath("$.items[0].amount").value(-3))
			.andExpect(jsonPath("$.items[0].kind").value("SPEND"))
			.andExpect(jsonPath("$.items[0].reference").value("boost:3"))
			.andExpect(jsonPath("$.items[0].balanceAfter").value(4))
			.andExpect(jsonPath("$.items[0].createdAt").isString())
			.andExpect(jsonPath("$.items[0].id").isNumber())
			.andExpect(jsonPath("$.items[1].kind").value("EARN"))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(2))
			.andExpect(jsonPath("$.hasNext").value(true));
		this.mvc.perform(get("/api/v1/me/ledger?page=1&size=2").header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].kind").value("GRANT"))
			.andExpect(jsonPath("$.hasNext").value(false));
		this.mvc.perform(get("/api/v1/me").header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.balance").value(4));
	}

	@Test
	void theApiNeedsAToken() throws Exception {
		this.mvc.perform(get("/api/v1/me/ledger"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void badPagingIsA400Problem() throws Exception {
		String token = memberWithThreeEntries().bearer();
		for (String query : new String[] { "size=1000", "size=0", "page=-1", "page=abc", "size=2.5" }) {
			this.mvc
				.perform(get("/api/v1/me/ledger?" + query).header("Authorization", token)
					.header("Accept-Language", "en"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(content().string(not(containsString("Exception"))));
		}
		this.mvc
			.perform(get("/api/v1/me/ledger?size=1000").header("Authorization", token).header("Accept-Language", "en"))
			.andExpect(jsonPath("$.errors[0].field").value("size"))
			.andExpect(jsonPath("$.detail").value("The page size must be between 1 and 100."));
	}

	@Test
	void thePageShowsTheBalanceAndEachEntryInEnglish() throws Exception {
		TestMember member = memberWithThreeEntries();
		this.mvc.perform(get("/me/ledger").with(member.session()).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Credit history")))
			.andExpect(content().string(containsString("<dd id=\"balance\">4</dd>")))
			.andExpect(content().string(containsString("Earned by helping")))
			.andExpect(content().string(containsString("Spent")))
			.andExpect(content().string(containsString("Granted")))
			.andExpect(content().string(containsString(">+2</strong>")))
			.andExpect(content().string(containsString(">-3</strong>")))
			.andExpect(content().string(containsString("claim:9000000000007")))
			.andExpect(content().string(containsString("balance 4")));
	}

	@Test
	void thePageIsChineseByDefaultAndPaged() throws Exception {
		TestMember member = memberWithThreeEntries();
		for (int i = 0; i < LedgerController.PAGE_SIZE; i++) {
			this.credits.grant(member.id(), 1, "grant:" + UUID.randomUUID(), "bonus:" + i);
		}
		this.mvc.perform(get("/me/ledger").with(member.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("积分明细")))
			.andExpect(content().string(containsString("赠送")))
			.andExpect(content().string(not(containsString("boost:3"))))
			.andExpect(content().string(containsString("/me/ledger?page=1")));
		this.mvc.perform(get("/me/ledger?page=1").with(member.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("boost:3")))
			.andExpect(content().string(containsString("助力所得")))
			.andExpect(content().string(containsString("/me/ledger?page=0")));
	}

	@Test
	void thePageNeedsASignedInMemberAndShowsOnlyTheirs() throws Exception {
		this.mvc.perform(get("/me/ledger")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		TestMember someone = memberWithThreeEntries();
		TestMember newcomer = this.testData.member("ld").create();
		this.mvc.perform(get("/me/ledger").with(newcomer.session()).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No credit entries yet")))
			.andExpect(content().string(not(containsString("claim:9000000000007"))));
		this.mvc.perform(get("/me/ledger").with(someone.session()).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("claim:9000000000007")));
	}

}
