package com.helpboard.browser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.helpboard.help.Helps;
import com.helpboard.request.RequestView;
import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers;
import com.helpboard.support.TestMembers.TestMember;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One thumb at 390 px: every visible tap target on the request page (as a helper and as
 * its author), the help queue and the post form is at least 44 px tall (links inside
 * running text exempt, see {@link #tapTargetsBelow}); and the top bar stays one line in
 * Chinese and in English with both of its counts showing.
 */
@IntegrationTest
class TapTargetBrowserTests extends BrowserSupport {

	static final int MIN = 44;

	@Autowired
	TestData testData;

	@Autowired
	Helps helps;

	private TestMember member;

	private String group;

	private RequestView mine;

	private RequestView theirs;

	@BeforeAll
	void aMemberWithClaimsWaitingAndARequestToHelp() {
		this.member = this.testData.member("thumb").create();
		this.group = this.testData.group("thumb").named("拇指测试").postingFreely().ownedBy(this.member);
		TestMember other = this.testData.member("thumb-other").joining(this.group);
		this.mine = this.testData.request().by(this.member).in(this.group).needing(3).saying("帮我砍一刀 空气炸锅").post();
		this.theirs = this.testData.request().by(other).in(this.group).needing(2).post();
		// a claim to confirm on the author's page, and both nav counts showing
		this.helps.claim(other.id(), this.mine.id());
		// a second request of theirs, so the queue has one to serve after the first
		this.testData.request().by(other).in(this.group).needing(1).post();
	}

	@Test
	void everyTapTargetIsAThumbTall() {
		Page page = phone();
		login(page, this.member.username(), TestMembers.PASSWORD);
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("request (helper)", "/r/" + this.theirs.id());
		pages.put("request (author)", "/r/" + this.mine.id());
		pages.put("help queue", "/queue");
		pages.put("post form", "/g/" + this.group + "/post");
		pages.put("post anywhere", "/post");
		List<String> small = new ArrayList<>();
		pages.forEach((name, path) -> {
			navigate(page, path);
			screenshot(page, "tap-targets-" + path.replaceAll("[^a-z0-9]+", "-"));
			tapTargetsBelow(page, MIN).forEach((target) -> small.add(name + " " + path + ": " + target));
		});
		// the open "我的" menu too
		openMeMenu(page);
		tapTargetsBelow(page, MIN).forEach((target) -> small.add("me menu (open): " + target));
		assertThat(small).as("tap targets under %d px at %d px width", MIN, PHONE_WIDTH)
			.withFailMessage(() -> "\n" + String.join("\n", small))
			.isEmpty();
	}

	@Test
	void theMeMenuOpensAndLogsOutWithoutJavaScript() {
		Page page = open(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(PHONE_WIDTH, 844)
			.setIsMobile(true)
			.setHasTouch(true)
			.setUserAgent(PHONE_USER_AGENT)
			.setLocale("zh-CN")
			.setJavaScriptEnabled(false));
		login(page, this.member.username(), TestMembers.PASSWORD);
		assertThat(page.locator("#nav-menu a[href='/me/helped']")).isHidden();
		page.locator("#nav-menu > summary").click();
		assertThat(page.locator("#nav-menu a[href='/me/helped']")).isVisible();
		assertThat(tapTargetsBelow(page, MIN)).isEmpty();
		screenshot(page, "nav-menu-open-no-js");
		// the summary closes it again
		page.locator("#nav-menu > summary").click();
		assertThat(page.locator("#nav-menu a[href='/me/helped']")).isHidden();
		logout(page);
		assertThat(path(page)).isEqualTo("/");
		assertThat(page.locator("#nav-login")).isVisible();
	}

	@Test
	void theNavIsOneLineInChineseAndEnglish() {
		for (String locale : List.of("zh-CN", "en")) {
			Page page = open(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(PHONE_WIDTH, 844)
				.setDeviceScaleFactor(2)
				.setIsMobile(true)
				.setHasTouch(true)
				.setUserAgent(PHONE_USER_AGENT)
				.setLocale(locale));
			// a visitor: brand, groups, post, log in, register
			navigate(page, "/g");
			assertThat(headerHeight(page)).as("visitor's top bar at 390 px in %s", locale)
				.isLessThanOrEqualTo(ONE_LINE_HEADER);
			assertNoHorizontalScroll(page);
			// a member with a claim waiting and an unread notification: both counts show
			login(page, this.member.username(), TestMembers.PASSWORD);
			navigate(page, "/g");
			assertThat(page.locator("#nav-waiting .count")).isVisible();
			assertThat(page.locator("#nav-notifications .count")).isVisible();
			screenshot(page, "nav-one-line-" + locale);
			assertThat(headerHeight(page)).as("member's top bar at 390 px in %s", locale)
				.isLessThanOrEqualTo(ONE_LINE_HEADER);
			assertNoHorizontalScroll(page);
			// every destination is a tap away: in the bar or in the "我的" menu
			for (String path : List.of("/queue", "/waiting", "/me/notifications", "/post")) {
				assertThat(page.locator("header .nav > a[href='" + path + "']")).isVisible();
			}
			openMeMenu(page);
			screenshot(page, "nav-menu-open-" + locale);
			for (String path : List.of("/g", "/my/requests", "/me/helped", "/me", "/me/ledger", "/me/todo")) {
				assertThat(page.locator("#nav-menu a[href='" + path + "']")).isVisible();
			}
			assertThat(page.locator("#nav-menu form[action='/logout'] button")).isVisible();
			// a tap outside closes the menu (with JavaScript; without it, the summary
			// does)
			page.locator("main h1").click();
			assertThat(page.locator("#nav-menu[open]")).hasCount(0);
			logout(page);
		}
	}

}
