package com.helpboard.browser;

import java.util.function.Supplier;

import com.helpboard.request.RequestView;
import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers.TestMember;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newcomer's first visit in a real Chromium, on a phone (Chinese) and on a desktop
 * (English): home → register (first with mistakes) → profile → log out → log in (first
 * with a wrong password) → profile. Screenshots land in target/screenshots.
 */
@IntegrationTest
class AccountJourneyBrowserTests extends BrowserSupport {

	@Autowired
	TestData testData;

	static final String PASSWORD = "correct horse 42";

	/** What the pages say in one language. */
	record Texts(String headline, String register, String usernameInvalid, String passwordsDiffer, String registered,
			String credits, String login, String loginFailed) {
	}

	static final Texts CHINESE = new Texts("互助砍价、助力，不再刷屏", "注册", "用户名需为 2–32 个字符", "两次输入的密码不一致。", "欢迎！账号已创建，你已登录。",
			"互助积分", "登录", "用户名或密码错误。");

	static final Texts ENGLISH = new Texts("Help each other", "Register", "A username is 2–32 characters",
			"The two passwords differ.", "Welcome! Your account is ready and you are logged in.", "Credits", "Log in",
			"Wrong username or password.");

	@Test
	void aNewcomerWithAChineseNameOnAPhone() {
		journey("phone", this::phone, CHINESE, "小明");
	}

	@Test
	void aNewcomerOnADesktop() {
		journey("desktop", () -> desktop("en"), ENGLISH, "alice");
	}

	@Test
	void aChineseNameWorksOnAChineseDesktopToo() {
		Page page = desktop("zh-CN");
		String username = registerNew(page, "小红", PASSWORD);
		navigate(page, "/me");
		assertThat(page.locator(".profile-name")).hasText(username);
		logout(page);
		login(page, username, PASSWORD);
		// nowhere to return to: the to-do page
		assertThat(path(page)).isEqualTo("/me/todo");
		navigate(page, "/me");
		assertThat(page.locator(".profile-name")).hasText(username);
		assertOnlyLocalRequests(page);
	}

	@Test
	void registeringFromARequestPageComesBackToItWithEveryMistakeShownAtOnce() {
		TestMember owner = this.testData.member("onboard-owner").create();
		String group = this.testData.group("onboard").postingFreely().ownedBy(owner);
		TestMember author = this.testData.member("onboard-author").joining(group);
		RequestView request = this.testData.request().by(author).in(group).saying("帮我砍一刀").post();
		String requestPath = "/r/" + request.id();

		Page page = phone();
		navigate(page, requestPath);
		// the top bar's register link carries the page along
		page.waitForNavigation(() -> page.locator("#nav-register").click());
		assertThat(path(page)).isEqualTo("/register");
		assertThat(page.locator("#register-next")).isVisible();

		// three mistakes, three errors at once, each on its own field
		register(page, "a", "short", "different");
		assertThat(page.locator("#username-error")).containsText(CHINESE.usernameInvalid());
		assertThat(page.locator("#password-error")).isVisible();
		assertThat(page.locator("#passwordAgain-error")).hasText(CHINESE.passwordsDiffer());
		assertThat(page.locator("[aria-invalid=true]")).hasCount(3);
		screenshot(page, "phone-register-all-errors");
		assertFitsTheScreen(page);

		// a two-character Chinese name, like the 小红
		String name = uniqueTwoCharacterName();
		register(page, name, PASSWORD);
		assertThat(path(page)).as("back on the request after registering").isEqualTo(requestPath);
		assertThat(page.locator(".flash")).hasText(CHINESE.registered());
		screenshot(page, "phone-registered-back-on-request");
		// …and helps it: copy first, then 我帮了
		page.locator("#copy").click();
		page.waitForNavigation(() -> page.locator("#claim").click());
		assertThat(page.locator("#my-claim")).isVisible();

		// log out and in again from the request page's login link: back again
		logout(page);
		navigate(page, requestPath);
		page.waitForNavigation(() -> page.locator("#login-to-help").click());
		assertThat(page.url()).contains("next=");
		login(page, name, PASSWORD);
		assertThat(path(page)).isEqualTo(requestPath);

		// a wrong password keeps the target for the second try
		logout(page);
		navigate(page, "/login?next=" + requestPath);
		page.locator("#username").fill(name);
		page.locator("#password").fill(PASSWORD + "-wrong");
		submit(page);
		assertThat(page.locator(".error-box[role=alert]")).isVisible();
		assertThat(page.locator("#login-next")).isVisible();
		login(page, name, PASSWORD);
		assertThat(path(page)).isEqualTo(requestPath);

		// an off-site target is ignored: the to-do page
		logout(page);
		navigate(page, "/login?next=//evil.example/r/1");
		login(page, name, PASSWORD);
		assertThat(path(page)).isEqualTo("/me/todo");
		assertOnlyLocalRequests(page);
	}

	@Test
	void withoutJavaScriptOnADesktopTheHelpLinkLeadsThroughRegisteringBackToTheRequest() {
		TestMember owner = this.testData.member("nojs-owner").create();
		String group = this.testData.group("nojs-onboard").postingFreely().ownedBy(owner);
		TestMember author = this.testData.member("nojs-author").joining(group);
		RequestView request = this.testData.request().by(author).in(group).saying("【空气炸锅】").post();
		String requestPath = "/r/" + request.id();

		Page page = open(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 800)
			.setLocale("en")
			.setJavaScriptEnabled(false));
		navigate(page, requestPath);
		// "log in to help" → the login page → "no account yet? register", the target kept
		page.waitForNavigation(() -> page.locator("#login-to-help").click());
		page.waitForNavigation(() -> page.locator("#register-instead").click());
		assertThat(page.url()).contains("next=");
		register(page, unique("nojs"), PASSWORD);
		assertThat(path(page)).as("back on the request after registering").isEqualTo(requestPath);
		// without JavaScript the copy cannot be seen: the member says so with the
		// checkbox
		page.locator("#claim-done").check();
		page.waitForNavigation(() -> page.locator("#claim").click());
		assertThat(page.locator("#my-claim")).isVisible();
		screenshot(page, "desktop-nojs-registered-and-helped");
		assertOnlyLocalRequests(page);
	}

	private static int twoCharacterNames;

	/** 小 and one of many Han characters: two characters, new in this run. */
	private static synchronized String uniqueTwoCharacterName() {
		// U+4E00… are all Han; skip a random stretch so reruns on one database differ
		int start = 0x4E00 + (int) (System.nanoTime() % 5000);
		return "小" + Character.toString(start + twoCharacterNames++);
	}

	private void journey(String device, Supplier<Page> open, Texts texts, String namePrefix) {
		Page page = open.get();
		String username = unique(namePrefix);

		// home
		navigate(page, "/");
		assertThat(page.locator("h1")).containsText(texts.headline());
		screenshot(page, device + "-home");
		assertFitsTheScreen(page);

		// to the register form through the top bar's link
		page.waitForNavigation(() -> page.locator("header")
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(texts.register()).setExact(true))
			.click());
		assertThat(path(page)).isEqualTo("/register");
		assertThat(page.locator("h1")).hasText(texts.register());

		// passwords that differ: the form says so under the second one
		register(page, username, PASSWORD, PASSWORD + "x");
		assertThat(path(page)).isEqualTo("/register");
		assertThat(page.locator("#passwordAgain-error")).hasText(texts.passwordsDiffer());
		assertThat(page.locator("#passwordAgain")).hasAttribute("aria-invalid", "true");

		// a too-short name: the error sits under the name, which is kept for fixing
		register(page, "a", PASSWORD);
		assertThat(path(page)).isEqualTo("/register");
		assertThat(page.locator("#username-error")).containsText(texts.usernameInvalid());
		assertThat(page.locator("#username")).hasAttribute("aria-invalid", "true");
		assertThat(page.locator("#username")).hasValue("a");
		screenshot(page, device + "-register-error");
		assertFitsTheScreen(page);

		// now right: signed in, and told where to start (no target to return to)
		register(page, username, PASSWORD);
		assertThat(path(page)).isEqualTo("/me/todo");
		assertThat(page.locator(".flash")).hasText(texts.registered());
		assertThat(page.locator("#first-steps a[href='/g']")).isVisible();
		assertThat(page.locator("#first-steps a[href='/queue']")).isVisible();
		assertThat(page.locator("#first-steps a[href='/post']")).isVisible();
		screenshot(page, device + "-welcome");
		assertFitsTheScreen(page);
		navigate(page, "/me");
		assertThat(page.locator(".profile-name")).hasText(username);
		assertThat(page.locator(".stats")).containsText(texts.credits());
		assertThat(page.title()).startsWith(username);
		screenshot(page, device + "-profile");
		assertFitsTheScreen(page);

		// log out: back home, and the profile is closed
		logout(page);
		assertThat(path(page)).isEqualTo("/");
		assertThat(page.locator("header")
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(texts.login()).setExact(true)))
			.isVisible();
		navigate(page, "/me");
		assertThat(path(page)).isEqualTo("/login");

		// a wrong password: the error shows and nobody is signed in
		login(page, username, PASSWORD + "-wrong");
		assertThat(path(page)).isEqualTo("/login");
		assertThat(page.locator(".error-box[role=alert]")).hasText(texts.loginFailed());
		screenshot(page, device + "-login-error");
		assertFitsTheScreen(page);

		// the right one, remembered: the profile again, where they were going
		login(page, username, PASSWORD, true);
		assertThat(path(page)).isEqualTo("/me");
		assertThat(page.locator(".profile-name")).hasText(username);
		assertThat(page.context().cookies()).anySatisfy((cookie) -> assertThat(cookie.name).isEqualTo("remember-me"));

		// change the password from the profile: a wrong current
		// one is refused under its field, then the change works,
		// this browser stays in and the old password is dead
		page.waitForNavigation(() -> page.locator("#password-link").click());
		assertThat(path(page)).isEqualTo("/me/password");
		String renewed = PASSWORD + "-renewed";
		page.locator("#currentPassword").fill(PASSWORD + "-nope");
		page.locator("#newPassword").fill(renewed);
		page.locator("#newPasswordAgain").fill(renewed);
		submit(page);
		assertThat(page.locator("#currentPassword-error")).isVisible();
		assertThat(page.locator("#currentPassword")).hasAttribute("aria-invalid", "true");
		screenshot(page, device + "-password-error");
		assertFitsTheScreen(page);
		page.locator("#currentPassword").fill(PASSWORD);
		page.locator("#newPassword").fill(renewed);
		page.locator("#newPasswordAgain").fill(renewed);
		submit(page);
		assertThat(path(page)).isEqualTo("/me");
		assertThat(page.locator(".flash")).isVisible();
		screenshot(page, device + "-password-changed");
		logout(page);
		login(page, username, PASSWORD);
		assertThat(path(page)).isEqualTo("/login");
		login(page, username, renewed);
		assertThat(path(page)).isEqualTo("/me/todo");

		assertOnlyLocalRequests(page);
	}

}
