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
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page through axe-core (WCAG 2.1 A/AA and best practices) on a phone (390x844,
 * Chinese) and a desktop (English), signed in as one member who owns a group and is a
 * site admin (so the moderation and settings pages open), with a request of their own
 * (the author's view) and one of someone else's (the helper's). Fails on any serious or
 * critical violation, and on a page without exactly one h1; prints every one of them,
 * page by page.
 */
@IntegrationTest
class AccessibilityBrowserTests extends BrowserSupport {

	@Autowired
	TestData testData;

	@Autowired
	Helps helps;

	private TestMember member;

	private String group;

	private RequestView mine;

	private RequestView theirs;

	@BeforeAll
	void aMemberWithAGroupAndRequests() {
		this.member = this.testData.member("a11y").create();
		this.group = this.testData.group("a11y").named("无障碍测试").postingFreely().ownedBy(this.member);
		TestMember other = this.testData.member("a11y-other").joining(this.group);
		this.mine = this.testData.request().by(this.member).in(this.group).needing(3).saying("帮我砍一刀 空气炸锅").post();
		this.theirs = this.testData.request().by(other).in(this.group).needing(2).onTemu().post();
		// something on "to confirm", the notifications, "I helped" and the nav's counts
		this.helps.claim(other.id(), this.mine.id());
		this.helps.claim(this.member.id(), this.theirs.id());
	}

	/** The pages, by a name for the report. */
	private Map<String, String> pages() {
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("home", "/");
		pages.put("groups", "/g");
		pages.put("group", "/g/" + this.group);
		pages.put("request (helper)", "/r/" + this.theirs.id());
		pages.put("request (author)", "/r/" + this.mine.id());
		pages.put("help queue", "/queue");
		pages.put("to confirm", "/waiting");
		pages.put("my requests", "/my/requests");
		pages.put("profile", "/me");
		pages.put("I helped", "/me/helped");
		pages.put("notifications", "/me/notifications");
		pages.put("to do", "/me/todo");
		pages.put("password", "/me/password");
		pages.put("ledger", "/me/ledger");
		pages.put("boost", "/r/" + this.mine.id() + "/boost");
		pages.put("report", "/r/" + this.theirs.id() + "/report");
		pages.put("post form", "/g/" + this.group + "/post");
		pages.put("post anywhere", "/post");
		pages.put("new group", "/groups/new");
		pages.put("group settings", "/g/" + this.group + "/settings");
		pages.put("site stats", "/stats");
		pages.put("group stats", "/g/" + this.group + "/stats");
		pages.put("moderation log", "/mod/log");
		pages.put("moderation queue", "/mod");
		pages.put("suspensions", "/mod/suspensions");
		pages.put("campaigns (admin)", "/admin/campaigns");
		pages.put("not found", "/no-such-page");
		return pages;
	}

	/** The pages a visitor sees before logging in. */
	private static Map<String, String> anonymousPages() {
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("login", "/login?next=/g");
		pages.put("register", "/register");
		return pages;
	}

	@Test
	void noSeriousViolationsOnAPhoneInChinese() {
		audit("phone", phoneForAudit("zh-CN"));
	}

	@Test
	void noSeriousViolationsOnADesktopInEnglish() {
		audit("desktop", desktopForAudit("en"));
	}

	private void audit(String device, Page page) {
		List<String> problems = new ArrayList<>();
		auditEach(device, page, anonymousPages(), problems);
		// the register form with every error showing at once
		navigate(page, "/register");
		register(page, "a", "short", "other");
		check(device, "register (errors)", page, problems);

		login(page, this.member.username(), TestMembers.PASSWORD);
		auditEach(device, page, pages(), problems);
		// the "我的" menu, open
		navigate(page, "/me");
		openMeMenu(page);
		check(device, "me menu (open)", page, problems);

		assertThat(problems).as("serious or critical accessibility violations, and pages without one h1")
			.withFailMessage(() -> "\n" + String.join("\n", problems))
			.isEmpty();
	}

	private void auditEach(String device, Page page, Map<String, String> pages, List<String> problems) {
		pages.forEach((name, path) -> {
			Response response = page.navigate(url(path));
			assertThat(response.status()).as("%s (%s) on the %s", name, path, device).isLessThan(500);
			check(device, name + " " + path, page, problems);
		});
	}

	private static void check(String device, String name, Page page, List<String> problems) {
		axe(page).stream()
			.filter(AxeViolation::isSeriousOrWorse)
			.forEach((violation) -> problems.add(device + " · " + name + "\n    " + violation));
		int headings = page.locator("h1").count();
		if (headings != 1) {
			problems.add(device + " · " + name + "\n    " + headings + " h1 elements (want exactly one)");
		}
	}

}
