package com.helpboard.browser;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers;
import com.helpboard.support.TestMembers.TestMember;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, "cards that say what": a member posts with "what is it" from the global ＋发布
 * (the home page's button) and from a group's ＋发布; the group's cards show it, and a tap
 * anywhere on a card (not only its title) opens the request, while the report link stays
 * its own target. On a phone in Chinese and a desktop in English, with JavaScript and
 * without. Screenshots land in target/screenshots (post-what-*).
 */
@IntegrationTest
class PostWhatItIsBrowserTests extends BrowserSupport {

	@Autowired
	TestData testData;

	/** What the pages say in one language. */
	record Texts(String endsAt, String timeLeft, String left, String otherApp) {
	}

	@Test
	void onAPhoneWithJavaScript() {
		journey("phone-js", phone(), new Texts("截止", "剩余", "还差 2 次", "这是Temu链接 → 去「"), true);
	}

	@Test
	void onAPhoneWithoutJavaScript() {
		journey("phone-nojs",
				open(new Browser.NewContextOptions().setViewportSize(PHONE_WIDTH, 844)
					.setIsMobile(true)
					.setHasTouch(true)
					.setJavaScriptEnabled(false)
					.setLocale("zh-CN")),
				new Texts("截止", "剩余", "还差 2 次", "这是Temu链接 → 去「"), false);
	}

	@Test
	void onADesktopInEnglishWithAndWithoutJavaScript() {
		journey("desktop-js", desktop("en"),
				new Texts("Ends", "Time left", "2 to go", "This is a Temu link → post it in \""), true);
		journey("desktop-nojs", open(
				new Browser.NewContextOptions().setViewportSize(1280, 800).setJavaScriptEnabled(false).setLocale("en")),
				new Texts("Ends", "Time left", "2 to go", "This is a Temu link → post it in \""), false);
	}

	private void journey(String device, Page page, Texts texts, boolean javaScript) {
		TestMember owner = this.testData.member("what-owner").create();
		String group = this.testData.group("what").withDefaultCampaign("pdd-bargain").postingFreely().ownedBy(owner);
		TestMember member = this.testData.member("what").joining(group);
		login(page, member.username(), TestMembers.PASSWORD);

		// 1. the global ＋发布 from the home page: the only group that fits is picked
		navigate(page, "/");
		page.waitForNavigation(() -> page.locator("#home-post").click());
		assertThat(path(page)).isEqualTo("/post");
		page.locator("#input").fill("帮我砍一刀 " + bargain());
		page.locator("#title").fill("空气炸锅 还差3刀");
		page.locator("#helpsNeeded").fill("2");
		screenshot(page, "post-what-" + device + "-global-form");
		assertFitsTheScreen(page);
		page.waitForNavigation(() -> page.locator("#submit-post").click());
		assertThat(path(page)).matches("/r/\\d+");
		long global = Long.parseLong(path(page).substring("/r/".length()));

		// 2. the group's ＋发布, the campaign on auto; a Temu link is refused on the input,
		// pointing at a Temu group, the paste kept
		navigate(page, "/g/" + group);
		page.waitForNavigation(() -> page.locator("#post-link").click());
		assertThat(path(page)).isEqualTo("/g/" + group + "/post");
		String temu = "https://temu.com/a/" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L) + "Ab";
		page.locator("#input").fill(temu);
		page.waitForNavigation(() -> page.locator("#submit-post").click());
		assertThat(page.locator("#input-error")).containsText(texts.otherApp());
		assertThat(page.locator("#other-group-link")).hasAttribute("href",
				Pattern.compile("^/g/temu-[a-z]+/post\\?input="));
		assertThat(page.locator("#input")).hasValue(temu);
		screenshot(page, "post-what-" + device + "-other-app");
		assertFitsTheScreen(page);
		page.locator("#input").fill("【拼多多】帮我砍一刀，就差你了！复制这条信息，打开拼多多 " + bargain());
		page.locator("#title").fill("电动牙刷 <b>差2刀</b>");
		page.locator("#helpsNeeded").fill("2");
		screenshot(page, "post-what-" + device + "-group-form");
		assertFitsTheScreen(page);
		page.waitForNavigation(() -> page.locator("#submit-post").click());
		assertThat(path(page)).matches("/r/\\d+");
		long inGroup = Long.parseLong(path(page).substring("/r/".length()));

		// 3. the cards say what, with progress and time left on one line
		navigate(page, "/g/" + group);
		Locator first = page.locator("#feed [data-request-id=\"" + global + "\"]");
		Locator second = page.locator("#feed [data-request-id=\"" + inGroup + "\"]");
		assertThat(first.locator(".card-title")).hasText("空气炸锅 还差3刀");
		assertThat(second.locator(".card-title")).hasText("电动牙刷 <b>差2刀</b>");
		assertThat(second.locator(".progress-text")).hasText("0/2");
		assertThat(second.locator(".progress-left")).hasText(texts.left());
		assertThat(second.locator("[data-left-label]")).hasText(javaScript ? texts.timeLeft() : texts.endsAt());
		assertThat(page.locator("#feed").textContent()).doesNotContain("yangkeduo").doesNotContain("就差你了");
		screenshot(page, "post-what-" + device + "-cards");
		assertFitsTheScreen(page);

		// the report link is still its own target, above the stretched title link
		BoundingBox report = second.locator(".report-link").boundingBox();
		assertThat(report.height).as("report link height").isGreaterThanOrEqualTo(44);
		Object hit = page.evaluate("([x, y]) => document.elementFromPoint(x, y).className",
				java.util.List.of(report.x + report.width / 2, report.y + report.height / 2));
		assertThat(hit).isEqualTo("report-link");

		// a group the member has not joined: its post form asks to join first, plainly
		navigate(page, "/g/kanjia/post");
		assertThat(page.locator("#join-first")).isVisible();
		assertThat(page.locator("#join-to-post")).isVisible();
		assertThat(page.locator("#submit-post")).hasCount(0);
		screenshot(page, "post-what-" + device + "-join-first");
		assertFitsTheScreen(page);
		navigate(page, "/g/" + group);

		// 4. a tap beside the title, on the card's progress line, opens the request
		BoundingBox card = second.boundingBox();
		BoundingBox progress = second.locator(".progress-row").boundingBox();
		page.waitForNavigation(() -> second
			.click(new Locator.ClickOptions().setPosition(8, progress.y - card.y + progress.height / 2)));
		assertThat(path(page)).isEqualTo("/r/" + inGroup);
	}

	private static String bargain() {
		return "https://mobile.yangkeduo.com/goods.html?goods_id="
				+ ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999_999L);
	}

}
