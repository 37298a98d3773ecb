package com.helpboard.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.helpboard.group.Groups;
import com.helpboard.request.RequestView;
import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers.TestMember;
import com.helpboard.system.ChinaTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The daily statistics rows, the stats pages and API read from them, the cards'
 * completion rates and the weekly leaderboard.
 */
@IntegrationTest
class StatsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestData testData;

	@Autowired
	Groups groups;

	@Autowired
	DailyStats daily;

	@Autowired
	DailyStatsJob job;

	@Autowired
	CompletionRates rates;

	@Autowired
	Statistics statistics;

	@Autowired
	Clock clock;

	StatsRows rows;

	LocalDate today;

	@BeforeEach
	void setUp() {
		this.rows = new StatsRows(this.jdbc);
		this.today = ChinaTime.day(this.clock.instant());
	}

	@Test
	void aHandBuiltDayGivesItsRowsAndComputingItAgainGivesTheSameRows() throws Exception {
		TestMember author = this.testData.member("sau").create();
		String slug = this.testData.group("stday").postingFreely().ownedBy(author);
		long group = this.groups.get(slug).id();
		TestMember a = this.testData.member("sha").create();
		TestMember b = this.testData.member("shb").create();
		LocalDate d = this.today.minusDays(5);

		// posted the evening before, fulfilled 30 minutes later, after midnight: bucket 3
		long r1 = this.rows.request(group, author, "pdd-bargain", "FULFILLED", StatsRows.at(d.minusDays(1), 23, 40),
				StatsRows.at(d, 0, 10));
		// fulfilled after 125 minutes: bucket 12
		long r2 = this.rows.request(group, author, "pdd-bargain", "FULFILLED", StatsRows.at(d, 1, 0),
				StatsRows.at(d, 3, 5));
		// the last minute of the day is the day's
		this.rows.request(group, author, "pdd-bargain", "OPEN", StatsRows.at(d, 23, 59), null);
		long r4 = this.rows.request(group, author, "pdd-cash-wheel", "EXPIRED", StatsRows.at(d, 0, 0),
				StatsRows.at(d, 12, 0));
		// the next day's first minute is the next day's
		long r5 = this.rows.request(group, author, "pdd-bargain", "FULFILLED", StatsRows.at(d.plusDays(1), 0, 0),
				StatsRows.at(d.plusDays(1), 0, 30));
		// withdrawn: neither fulfilled nor expired
		this.rows.request(group, author, "pdd-bargain", "REMOVED", StatsRows.at(d.minusDays(2), 9, 0),
				StatsRows.at(d, 5, 0));
		this.rows.claim(r1, a, "CONFIRMED", StatsRows.at(d, 0, 5));
		this.rows.claim(r2, a, "CONFIRMED", StatsRows.at(d, 2, 0));
		this.rows.claim(r2, b, "CONFIRMED", StatsRows.at(d, 3, 0));
		this.rows.claim(r4, b, "REJECTED", StatsRows.at(d, 6, 0));
		this.rows.claim(r5, a, "CONFIRMED", StatsRows.at(d.plusDays(1), 0, 20));

		this.daily.compute(d);
		List<String> helpers = new ArrayList<>(
				List.of("helper " + a.username() + " helps=2", "helper " + b.username() + " helps=1"));
		helpers.sort(null);
		List<String> expected = new ArrayList<>(List.of("daily pdd-bargain posted=2 helps=3 fulfilled=2 expired=0",
				"daily pdd-cash-wheel posted=1 helps=0 fulfilled=0 expired=1", "fulfil pdd-bargain bucket=3 requests=1",
				"fulfil pdd-bargain bucket=12 requests=1"));
		expected.addAll(helpers);
		assertThat(this.rows.rowsOf(group, d)).containsExactlyElementsOf(expected);

		// again: the same rows, not twice as many
		this.daily.compute(d);
		assertThat(this.rows.rowsOf(group, d)).containsExactlyElementsOf(expected);

		// the day before: r1 posted; an empty day: no rows, but computed
		this.daily.compute(d.minusDays(1));
		assertThat(this.rows.rowsOf(group, d.minusDays(1)))
			.containsExactly("daily pdd-bargain posted=1 helps=0 fulfilled=0 expired=0");
		this.daily.compute(d.minusDays(3));
		assertThat(this.rows.rowsOf(group, d.minusDays(3))).isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from stats_days where on_day = ?", Integer.class,
				d.minusDays(3)))
			.isEqualTo(1);

		// the API: 30 days, oldest first, empty days as zeros; per campaign
		this.mvc.perform(get("/api/v1/groups/" + slug + "/stats").param("days", "30"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.days.length()").value(30))
			.andExpect(jsonPath("$.days[0].day").value(this.today.minusDays(29).toString()))
			.andExpect(jsonPath("$.days[29].day").value(this.today.toString()))
			.andExpect(jsonPath("$.days[24].day").value(d.toString()))
			.andExpect(jsonPath("$.days[24].posted").value(3))
			.andExpect(jsonPath("$.days[24].helpsConfirmed").value(3))
			.andExpect(jsonPath("$.days[24].fulfilled").value(2))
			.andExpect(jsonPath("$.days[24].expired").value(1))
			.andExpect(jsonPath("$.days[21].posted").value(0))
			.andExpect(jsonPath("$.days[21].fulfilled").value(0))
			.andExpect(jsonPath("$.campaigns.length()").value(2))
			.andExpect(jsonPath("$.campaigns[0].campaign").value("pdd-bargain"))
			.andExpect(jsonPath("$.campaigns[0].posted").value(3))
			.andExpect(jsonPath("$.campaigns[0].fulfilled").value(2))
			.andExpect(jsonPath("$.campaigns[0].completionRate").value(1.0))
			// the middle request took 30 minutes: bucket 3, whose middle is 35 minutes
			.andExpect(jsonPath("$.campaigns[0].medianHoursToFulfil").value(0.6))
			.andExpect(jsonPath("$.campaigns[1].campaign").value("pdd-cash-wheel"))
			.andExpect(jsonPath("$.campaigns[1].completionRate").value(0.0))
			.andExpect(jsonPath("$.campaigns[1].medianHoursToFulfil").value(nullValue()));

		// the page: the same numbers in its tables
		this.mvc.perform(get("/g/" + slug + "/stats").header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<time datetime=\"" + d + "\"")))
			.andExpect(content().string(containsString("id=\"days-chart\"")))
			.andExpect(content().string(containsString("/webjars/echarts/5.3.1/dist/echarts.min.js")))
			.andExpect(content().string(containsString("100%")));
	}

	@Test
	void theJobComputesTodayYesterdayAndEveryMissingDayOfTheWindow() {
		this.job.run();
		assertThat(this.jdbc.queryForObject("select count(*) from stats_days where on_day > ? and on_day <= ?",
				Integer.class, this.today.minusDays(this.statistics.maxDays()), this.today))
			.isEqualTo(this.statistics.maxDays());
		assertThat(this.daily.daysToCompute(this.statistics.maxDays())).containsExactly(this.today,
				this.today.minusDays(1));
	}

	@Test
	void aCardShowsItsCampaignsCompletionRateOnlyOnceTenClosedInTheGroup() throws Exception {
		TestMember author = this.testData.member("sra").create();
		String slug = this.testData.group("strate").postingFreely().ownedBy(author);
		long group = this.groups.get(slug).id();
		LocalDate d = this.today.minusDays(3);
		for (int i = 0; i < 9; i++) {
			this.rows.request(group, author, "pdd-bargain", (i < 6) ? "FULFILLED" : "EXPIRED", StatsRows.at(d, 1, i),
					StatsRows.at(d, 2, i));
		}
		// closed before the 30 days: not counted
		for (int i = 0; i < 12; i++) {
			this.rows.request(group, author, "pdd-cash-wheel", "FULFILLED",
					StatsRows.at(this.today.minusDays(31), 1, i), StatsRows.at(this.today.minusDays(31), 2, i));
		}
		this.daily.compute(this.today.minusDays(31));
		this.daily.compute(d);
		this.rates.reload();
		RequestView bargain = this.testData.request().by(author).in(slug).inCampaign("pdd-bargain").post();
		RequestView wheel = this.testData.request().by(author).in(slug).inCampaign("pdd-cash-wheel").post();

		// nine closed: not enough to say
		this.mvc.perform(get("/g/" + slug).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("class=\"completion"))));
		this.mvc.perform(get("/api/v1/requests/" + bargain.id()))
			.andExpect(jsonPath("$.campaignCompletionRate").value(nullValue()));

		this.rows.request(group, author, "pdd-bargain", "FULFILLED", StatsRows.at(d, 3, 0), StatsRows.at(d, 4, 0));
		this.daily.compute(d);
		this.rates.reload();
		// ten closed, seven fulfilled
		this.mvc.perform(get("/g/" + slug).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("70% of Bargain to free requests here were fulfilled")));
		this.mvc.perform(get("/g/" + slug).header("Accept-Language", "zh-CN"))
			.andExpect(content().string(containsString("这里 70% 的砍价免费拿请求完成了")));
		this.mvc.perform(get("/api/v1/requests/" + bargain.id()))
			.andExpect(jsonPath("$.campaignCompletionRate").value(0.7));
		this.mvc.perform(get("/api/v1/requests/" + wheel.id()))
			.andExpect(jsonPath("$.campaignCompletionRate").value(nullValue()));
		this.mvc.perform(get("/api/v1/groups/" + slug + "/requests").param("campaign", "pdd-bargain"))
			.andExpect(jsonPath("$.items[0].id").value(bargain.id()))
			.andExpect(jsonPath("$.items[0].campaignCompletionRate").value(0.7));
		// one card with the rate, the other without
		String page = this.mvc.perform(get("/g/" + slug).header("Accept-Language", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page.split("class=\"completion").length - 1).isEqualTo(1);
	}

	@Test
	void theWeeklyLeaderboardLeavesOutWhoOptedOut() throws Exception {
		TestMember author = this.testData.member("sla").create();
		String slug = this.testData.group("stlead").postingFreely().ownedBy(author);
		long group = this.groups.get(slug).id();
		TestMember first = this.testData.member("slf").joining(slug);
		TestMember second = this.testData.member("sls").joining(slug);
		TestMember third = this.testData.member("slt").joining(slug);
		java.time.Instant now = this.clock.instant();
		int[] helps = { 3, 2, 1 };
		TestMember[] helpers = { first, second, third };
		for (int h = 0; h < helpers.length; h++) {
			for (int i = 0; i < helps[h]; i++) {
				long request = this.rows.request(group, author, "pdd-bargain", "OPEN", now.minusSeconds(120), null);
				this.rows.claim(request, helpers[h], "CONFIRMED", now);
			}
		}
		this.daily.compute(ChinaTime.day(now));

		String page = statsPage(slug);
		assertThat(page).contains(first.username(), second.username(), third.username());
		assertThat(page.indexOf(first.username())).isLessThan(page.indexOf(second.username()));
		assertThat(page.indexOf(second.username())).isLessThan(page.indexOf(third.username()));

		this.mvc.perform(post("/me/leaderboard").param("leave", "true").with(first.session()).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/me"));
		this.mvc.perform(get("/me").with(first.session()))
			.andExpect(content().string(containsString("id=\"leave-leaderboards\" checked")));
		page = statsPage(slug);
		assertThat(page).doesNotContain(first.username()).contains(second.username(), third.username());

		// and back on
		this.mvc.perform(post("/me/leaderboard").with(first.session()).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.statistics.leavesLeaderboards(first.id())).isFalse();
		assertThat(statsPage(slug)).contains(first.username());
	}

	private String statsPage(String slug) throws Exception {
		return this.mvc.perform(get("/g/" + slug + "/stats"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void aPrivateGroupsStatsAreNotThereForOutsiders() throws Exception {
		TestMember owner = this.testData.member("spo").create();
		TestMember outsider = this.testData.member("spx").create();
		String slug = this.testData.group("stpriv").privately().ownedBy(owner);
		this.mvc.perform(get("/g/" + slug + "/stats")).andExpect(status().isNotFound());
		this.mvc.perform(get("/g/" + slug + "/stats").with(outsider.session())).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/groups/" + slug + "/stats"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		this.mvc.perform(get("/api/v1/groups/" + slug + "/stats").header("Authorization", outsider.bearer()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/g/" + slug + "/stats").with(owner.session())).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/groups/" + slug + "/stats").header("Authorization", owner.bearer()))
			.andExpect(status().isOk());
	}

	@Test
	void daysOutsideOneToNinetyAreA400Problem() throws Exception {
		for (String days : new String[] { "0", "-1", "91", "abc", "99999999999" }) {
			this.mvc.perform(get("/api/v1/stats").param("days", days))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.status").value(400));
		}
		this.mvc.perform(get("/api/v1/stats").param("days", "1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.days.length()").value(1))
			.andExpect(jsonPath("$.days[0].day").value(this.today.toString()));
		this.mvc.perform(get("/stats")).andExpect(status().isOk());
	}

}
