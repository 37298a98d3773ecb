package com.helpboard.browser;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.helpboard.support.IntegrationTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Posting a help request and helping with it in a real Chromium, on a phone (Chinese) and
 * on a desktop (English): member A joins 砍价免费拿, pastes a whole Pinduoduo share text and
 * lands on the request page (progress, status, live countdown, safe "open in app" link,
 * QR code), finds the card in the group feed, is refused a look-alike host and a
 * duplicate; member B opens the request and copies the share text in one tap. Screenshots
 * land in target/screenshots.
 */
@IntegrationTest
class PostingJourneyBrowserTests extends BrowserSupport {

	static final String PASSWORD = "correct horse 42";

	static final String GROUP = "kanjia";

	/** What the pages say in one language. */
	record Texts(String posted, String open, String copied, String hostNotAllowed, String duplicate) {
	}

	static final Texts CHINESE = new Texts("发布成功！分享给群友，或去帮一帮别人。", "进行中", "已复制 ✓",
			"只接受拼多多（yangkeduo.com、pinduoduo.com）和 Temu（temu.com、temu.to）的链接。", "这个链接在本群已有进行中的请求");

	static final Texts ENGLISH = new Texts("Posted! Share it, or help someone else meanwhile.", "Open", "Copied ✓",
			"Only Pinduoduo (yangkeduo.com, pinduoduo.com) and Temu (temu.com, temu.to) links are accepted.",
			"This link already has an open request in this group");

	/** A fresh request has the campaign's 24 hours, minus the seconds the test took. */
	static final Pattern ALMOST_A_DAY = Pattern.compile("^23:5\\d:\\d\\d$");

	@Test
	void postAndHelpOnAPhone() {
		journey("phone", this::phone, CHINESE);
	}

	@Test
	void postAndHelpOnADesktop() {
		journey("desktop", () -> desktop("en"), ENGLISH);
	}

	private void journey(String device, Supplier<Page> open, Texts texts) {
		String goodsId = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
		String shareText = "【拼多多】帮我砍一刀 https://mobile.yangkeduo.com/goods.html?goods_id=" + goodsId
				+ "&refer_share_uid=1 复制此消息打开拼多多";
		String canonical = "https://mobile.yangkeduo.com/goods.html?goods_id=" + goodsId;

		// 1. member A registers, joins the group and opens the post form
		Page page = open.get();
		registerNew(page, "poster", PASSWORD);
		assertFitsTheScreen(page);
		navigate(page, "/g/" + GROUP);
		assertThat(page.locator("#post-link")).hasCount(0);
		assertFitsTheScreen(page);
		page.waitForNavigation(() -> page.locator("#join").click());
		assertThat(path(page)).isEqualTo("/g/" + GROUP);
		assertThat(page.locator("#join")).hasCount(0);
		page.waitForNavigation(() -> page.locator("#post-link").click());
		assertThat(path(page)).isEqualTo("/g/" + GROUP + "/post");
		assertFitsTheScreen(page);

		// 2. paste the whole share text, ask for 3 helps: the request page
		post(page, shareText, 3);
		assertThat(path(page)).matches("/r/\\d+");
		long id = Long.parseLong(path(page).substring("/r/".length()));
		assertThat(page.locator(".flash")).hasText(texts.posted());
		assertThat(page.locator("#progress")).hasText("0/3");
		assertThat(page.locator("#status")).hasText(texts.open());
		assertThat(page.locator("time[data-countdown]")).hasText(ALMOST_A_DAY);
		Locator openLink = page.locator("#open-link");
		assertThat(openLink).hasAttribute("rel", "noopener noreferrer nofollow ugc");
		assertThat(openLink).hasAttribute("href", canonical);
		assertThat(page.locator("#host")).hasText("mobile.yangkeduo.com");
		assertThat(page.locator("#share-text")).hasText(shareText);
		assertThat(page.locator("#author-tools")).isVisible();
		page.waitForFunction(
				"() => { const qr = document.getElementById('qr'); return qr.complete && qr.naturalWidth > 0; }");
		screenshot(page, device + "-request");
		assertFitsTheScreen(page);

		// 3. the card is in the group's feed
		navigate(page, "/g/" + GROUP);
		Locator card = page.locator("#feed [data-request-id=\"" + id + "\"]");
		assertThat(card).isVisible();
		assertThat(card.locator(".progress-text")).hasText("0/3");
		assertThat(card.locator("time[data-countdown]")).hasText(ALMOST_A_DAY);
		screenshot(page, device + "-group-feed");
		assertFitsTheScreen(page);

		// 5. (as A, before logging out) a look-alike host is refused under the field
		navigate(page, "/g/" + GROUP + "/post");
		String evil = "https://yangkeduo.com.evil.cn/goods.html?goods_id=1";
		post(page, evil, 1);
		assertThat(path(page)).isEqualTo("/g/" + GROUP + "/post");
		assertThat(page.locator("#input-error")).hasText(texts.hostNotAllowed());
		assertThat(page.locator("#input")).hasValue(evil);
		assertThat(page.locator("#duplicate-link")).hasCount(0);
		screenshot(page, device + "-post-rejected");
		assertFitsTheScreen(page);

		// ... and the same link again: pointed at the open request
		page.locator("#input").fill(shareText);
		page.waitForNavigation(() -> page.locator("#submit-post").click());
		assertThat(path(page)).isEqualTo("/g/" + GROUP + "/post");
		assertThat(page.locator("#input-error")).containsText(texts.duplicate());
		assertThat(page.locator("#duplicate-link")).hasAttribute("href", "/r/" + id);
		screenshot(page, device + "-post-duplicate");
		assertFitsTheScreen(page);

		// nothing was posted by either attempt
		navigate(page, "/my/requests");
		assertThat(page.locator("#my-requests li")).hasCount(1);
		assertThat(page.locator("#my-requests li[data-request-id=\"" + id + "\"]")).isVisible();
		assertFitsTheScreen(page);

		page.waitForNavigation(() -> page.locator("a[href='/r/" + id + "']").click());
		assertThat(path(page)).isEqualTo("/r/" + id);

		// 4. member B opens the request and copies the share text in one tap
		logout(page);
		registerNew(page, "helper", PASSWORD);
		BrowserContext context = page.context();
		context.grantPermissions(List.of("clipboard-read", "clipboard-write"),
				new BrowserContext.GrantPermissionsOptions().setOrigin(baseUrl()));
		navigate(page, "/r/" + id);
		assertThat(page.locator("#author-tools")).hasCount(0);
		assertThat(page.locator("#progress")).hasText("0/3");
		page.locator("#copy").click();
		assertThat(page.locator("#copy")).hasText(texts.copied());
		assertThat(page.evaluate("() => navigator.clipboard.readText()")).isEqualTo(shareText);
		screenshot(page, device + "-request-copied");
		assertFitsTheScreen(page);

		assertOnlyLocalRequests(page);
	}

	/** Fills the post form's link and helps and presses 发布 / Post. */
	private static void post(Page page, String input, int helpsNeeded) {
		page.locator("#input").fill(input);
		page.locator("#helpsNeeded").fill(String.valueOf(helpsNeeded));
		page.waitForNavigation(() -> page.locator("#submit-post").click());
	}

}
