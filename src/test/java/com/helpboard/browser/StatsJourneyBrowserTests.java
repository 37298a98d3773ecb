package com.helpboard.browser;

import java.time.Clock;
import java.time.LocalDate;

import com.helpboard.group.Groups;
import com.helpboard.stats.StatsRows;
import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers.TestMember;
import com.helpboard.system.ChinaTime;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A group's statistics in a real Chromium, on a phone (Chinese, 390 px) and on a desktop
 * (English): from the group page (whose card shows its campaign's completion rate) to its
 * stats page, where ECharts draws both charts (canvases within the screen) above the
 * tables with the same numbers and this week's leaderboard; without JavaScript the tables
 * alone. Everything loads from the app. Screenshots land in target/screenshots.
 */
@IntegrationTest
class StatsJourneyBrowserTests extends BrowserSupport {

	@Autowired
	private TestData testData;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Groups groups;

	@Autowired
	private Clock clock;

	@Autowired
	private ApplicationContext context;

	private String slug;

	private TestMember helper;

	@BeforeAll
	void aGroupWithAMonthOfHistory() {
		TestMember owner = this.testData.member("sbo").create();
		this.slug = this.testData.group("stbrowse").postingFreely().ownedBy(owner);
		long group = this.groups.get(this.slug).id();
		this.helper = this.testData.member("sbh").joining(this.slug);
		StatsRows rows = new StatsRows(this.jdbc);
		LocalDate today = ChinaTime.day(this.clock.instant());
		String[] campaigns = { "pdd-bargain", "pdd-cash-wheel", "pdd-orchard" };
		for (int d = 0; d < 30; d++) {
			LocalDate day = today.minusDays(d);
			for (int i = 0; i < 2 + (d * 7) % 5; i++) {
				String campaign = campaigns[(d + i) % 3];
				String status = ((d + i) % 3 == 0) ? "EXPIRED" : "FULFILLED";
				long request = rows.request(group, owner, campaign, status, StatsRows.at(day, 0, 5 + i),
						StatsRows.at(day, 0, 5 + i).plusSeconds(1200L * (1 + (d + 2 * i) % 12)));
				if (d < 2 && "FULFILLED".equals(status)) {
					rows.claim(request, this.helper, "CONFIRMED", StatsRows.at(day, 0, 5 + i).plusSeconds(600));
				}
			}
		}
		// earlier tests may have computed these days already: compute them again, as the
		// job does with today and yesterday
		StatsRows.compute(this.context, today.minusDays(29), today);
		this.testData.request().by(owner).in(this.slug).inCampaign("pdd-cash-wheel").saying("帮我转一下").post();
	}

	@Test
	void aPhoneReadsTheChartsAt390px() {
		journey(phone(), "phone", "统计", "现金大转盘");
	}

	@Test
	void aDesktopReadsThemInEnglish() {
		journey(desktop("en"), "desktop", "Statistics", "Cash wheel");
	}

	private void journey(Page page, String device, String statsLink, String campaignName) {
		navigate(page, "/g/" + this.slug);
		assertThat(page.locator(".request-card .completion").first().textContent()).contains(campaignName);
		screenshot(page, "stats-" + device + "-group");
		assertThat(page.locator("#stats-link").textContent().trim()).isEqualTo(statsLink);
		page.waitForNavigation(() -> page.locator("#stats-link").click());
		assertThat(page.url()).endsWith("/g/" + this.slug + "/stats");

		for (String chart : new String[] { "#days-chart", "#campaigns-chart" }) {
			Locator canvas = page.locator(chart + " canvas").first();
			canvas.waitFor();
			BoundingBox box = canvas.boundingBox();
			assertThat(box.width).as("%s width", chart).isGreaterThan(250);
			assertThat(box.height).as("%s height", chart).isGreaterThan(200);
			assertThat(box.x + box.width).as("%s within the screen", chart)
				.isLessThanOrEqualTo(page.viewportSize().width);
			// drawn: some pixel of the canvas is not blank
			Object painted = canvas.evaluate("""
					c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
					       for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) return true; } return false; }""");
			assertThat(painted).as("%s painted", chart).isEqualTo(true);
		}
		assertThat(page.locator("#days-table tbody tr").count()).isEqualTo(30);
		assertThat(page.locator("#campaigns-table tbody tr").count()).isEqualTo(3);
		assertThat(page.locator("#leaderboard-table").textContent()).contains(this.helper.username());
		assertFitsTheScreen(page);
		assertOnlyLocalRequests(page);
		screenshot(page, "stats-" + device);
		// the charts up close, to look at
		page.locator("#days")
			.screenshot(new Locator.ScreenshotOptions()
				.setPath(SCREENSHOTS.resolve("stats-" + device + "-days-chart.png")));
		page.locator("#campaigns")
			.screenshot(new Locator.ScreenshotOptions()
				.setPath(SCREENSHOTS.resolve("stats-" + device + "-campaigns-chart.png")));
	}

	@Test
	void withoutJavaScriptTheTablesAlone() {
		Page page = open(new Browser.NewContextOptions().setViewportSize(PHONE_WIDTH, 844)
			.setJavaScriptEnabled(false)
			.setLocale("zh-CN"));
		navigate(page, "/g/" + this.slug + "/stats");
		assertThat(page.locator("#days-chart").isVisible()).isFalse();
		assertThat(page.locator("#days-table").isVisible()).isTrue();
		assertThat(page.locator("#campaigns-table tbody tr").count()).isEqualTo(3);
		assertNoHorizontalScroll(page);
		screenshot(page, "stats-phone-no-js");
	}

}
