package com.helpboard.browser;

import java.util.function.Supplier;

import com.helpboard.support.IntegrationTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newcomer's first visit in a real Chromium, on a phone (Chinese) and on a desktop
 * (English): home → register (first with mistakes) → profile → log out → log in (first
 * with a wrong password) → profile. Screenshots land in target/screenshots.
 */
@IntegrationTest
class AccountJourneyBrowserTests extends BrowserSupport {

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
		assertThat(page.locator(".profile-name")).hasText(username);
		logout(page);
		login(page, username, PASSWORD);
		// nowhere to return to: the to-do page
		assertThat(path(page)).isEqualTo("/me/todo");
		navigate(page, "/me");
		assertThat(page.locator(".profile-name")).hasText(username);
		assertOnlyLocalRequests(page);
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

		// now right: signed in and on the profile
		register(page, username, PASSWORD);
		assertThat(path(page)).isEqualTo("/me");
		assertThat(page.locator(".flash")).hasText(texts.registered());
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
