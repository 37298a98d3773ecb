package com.helpboard.browser;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import com.helpboard.support.IntegrationTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Helping and being thanked in a real Chromium, on a phone (Chinese) and on a desktop
 * (English), with two members in two browser contexts: A posts a group-buy request; B
 * finds it in the help queue, copies it and says "I helped → next"; A confirms the claim
 * on "Waiting for me"; the request shows 1/2 with B's claim confirmed; B's profile and
 * credit history show the credit (paid asynchronously after the confirmation commits) and
 * A's profile the help received. Neither member gets the other's buttons. Screenshots
 * land in target/screenshots.
 */
@IntegrationTest
class HelpJourneyBrowserTests extends BrowserSupport {

	@org.springframework.beans.factory.annotation.Autowired
	private com.helpboard.support.TestData testData;

	@org.springframework.beans.factory.annotation.Autowired
	private org.springframework.jdbc.core.JdbcTemplate jdbc;

	static final String PASSWORD = "correct horse 42";

	static final String GROUP = "pintuan";

	/** How long B's credit may take to appear (it is paid by an event after commit). */
	static final long CREDIT_WAIT_MILLIS = 10_000;

	/** What the pages say in one language. */
	record Texts(String queueNav, String waitingNav, String helpedNext, String claimed, String helpedToday,
			String copied, String helpedYou, String confirmedFlash, String confirmed, String myClaimConfirmed,
			String earned) {
	}

	static final Texts CHINESE = new Texts("帮一帮", "等我确认", "我帮了 → 下一个", "已告诉发布者你帮了忙，确认后你会获得互助积分。", "今天已帮 1 次", "已复制 ✓",
			"说帮了你", "已确认，对方获得了互助积分。", "已确认", "发布者已确认你的助力，谢谢！", "助力所得");

	static final Texts ENGLISH = new Texts("Help", "To confirm", "I helped → next",
			"The author has been told you helped; you earn credit once they confirm.", "Helped today: 1", "Copied ✓",
			"says they helped you", "Confirmed; they earned a credit.", "Confirmed",
			"The author confirmed your help. Thank you!", "Earned by helping");

	@Test
	void helpAndConfirmOnAPhone() {
		journey("phone", this::phone, CHINESE);
	}

	@Test
	void helpAndConfirmOnADesktop() {
		journey("desktop", () -> desktop("en"), ENGLISH);
	}

	private void journey(String device, Supplier<Page> open, Texts texts) {
		String orderId = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
		String link = "https://mobile.yangkeduo.com/pincard_ask.html?group_order_id=" + orderId;

		// 1. member A registers, joins the group and posts a request for 2 helps
		Page a = open.get();
		String asker = registerNew(a, "asker", PASSWORD);
		// an established member's confirmation pays at once; a brand-new account's is
		// held
		// until it comes of age (docs/credits.md, EconomyIntegrationTests)
		this.testData
			.establish(this.jdbc.queryForObject("select id from members where username = ?", Long.class, asker));
		long id = joinAndPost(a, link, 2);
		assertThat(a.locator("#progress")).hasText("0/2");
		assertThat(a.locator("#claim")).hasCount(0);
		assertFitsTheScreen(a);

		// 2. member B, in another browser, joins and works through the help queue
		Page b = open.get();
		String helper = registerNew(b, "helper", PASSWORD);
		b.context()
			.grantPermissions(List.of("clipboard-read", "clipboard-write"),
					new BrowserContext.GrantPermissionsOptions().setOrigin(baseUrl()));
		navigate(b, "/g/" + GROUP);
		b.waitForNavigation(() -> b.locator("#join").click());
		assertThat(b.locator("#join")).hasCount(0);

		Locator queueNav = b.locator("header nav a[href='/queue']");
		assertThat(queueNav).hasText(texts.queueNav());
		b.waitForNavigation(queueNav::click);
		assertThat(path(b)).isEqualTo("/queue");
		b.locator("form.filters select[name=group]").selectOption(GROUP);
		b.waitForNavigation(() -> b.locator("form.filters button[type=submit]").click());
		assertThat(b.url()).endsWith("/queue?group=" + GROUP);
		assertFitsTheScreen(b);

		Locator item = skipUntil(b, id);
		assertThat(item.locator("#share-text")).hasText(link);
		b.locator("#copy").click();
		assertThat(b.locator("#copy")).hasText(texts.copied());
		assertThat(b.evaluate("() => navigator.clipboard.readText()")).isEqualTo(link);
		assertThat(b.locator("#claim")).hasText(texts.helpedNext());
		screenshot(b, device + "-help-queue");
		assertFitsTheScreen(b);

		b.waitForNavigation(() -> b.locator("#claim").click());
		assertThat(b.url()).endsWith("/queue?group=" + GROUP);
		assertThat(b.locator("#flash")).hasText(texts.claimed());
		assertThat(b.locator("#queue-item[data-request-id=\"" + id + "\"]")).hasCount(0);
		assertThat(b.locator("#queue-item, #queue-empty")).hasCount(1);
		assertThat(b.locator("#today")).containsText(texts.helpedToday());
		screenshot(b, device + "-help-queue-after-claim");
		assertFitsTheScreen(b);

		// 3. A sees B's claim on "Waiting for me" and confirms it
		Locator waitingNav = a.locator("header nav a[href='/waiting']");
		// with its count of claims waiting, when any
		assertThat(waitingNav).containsText(texts.waitingNav());
		a.waitForNavigation(waitingNav::click);
		assertThat(path(a)).isEqualTo("/waiting");
		Locator claim = a.locator("#waiting [data-claim-id]").filter(new Locator.FilterOptions().setHasText(helper));
		assertThat(claim).hasCount(1);
		assertThat(claim.locator(".who")).hasText(helper + " " + texts.helpedYou());
		assertThat(claim.locator("a[href='/r/" + id + "']")).isVisible();
		String claimId = claim.getAttribute("data-claim-id");
		screenshot(a, device + "-waiting");
		assertFitsTheScreen(a);

		a.waitForNavigation(() -> claim.locator(".confirm").click());
		assertThat(path(a)).isEqualTo("/waiting");
		assertThat(a.locator("#flash")).hasText(texts.confirmedFlash());
		assertThat(a.locator("#waiting [data-claim-id=\"" + claimId + "\"]")).hasCount(0);
		assertFitsTheScreen(a);

		navigate(a, "/r/" + id);
		assertThat(a.locator("#progress")).hasText("1/2");
		Locator confirmedClaim = a.locator("#claims [data-claim-id=\"" + claimId + "\"]");
		assertThat(confirmedClaim.locator(".who")).hasText(helper);
		assertThat(confirmedClaim.locator(".badge")).hasText(texts.confirmed());
		assertThat(confirmedClaim.locator(".confirm")).hasCount(0);
		// 5. misuse: the author has no "I helped" on their own request
		assertThat(a.locator("#claim")).hasCount(0);
		assertThat(a.locator("#help-box")).hasCount(0);
		screenshot(a, device + "-request-after-confirm");
		assertFitsTheScreen(a);

		// 5. misuse: the helper sees no confirm buttons on someone else's request
		navigate(b, "/r/" + id);
		assertThat(b.locator("#progress")).hasText("1/2");
		assertThat(b.locator("#my-claim")).hasText(texts.myClaimConfirmed());
		assertThat(b.locator("#claims-box")).hasCount(0);
		assertThat(b.locator(".confirm, .reject, #confirm-all")).hasCount(0);
		assertThat(b.locator("#claim")).hasCount(0);
		assertFitsTheScreen(b);

		// 4. B's credit arrives (asynchronously), and the credit history shows it
		navigate(b, "/me");
		awaitText(b, "#balance", "1");
		assertThat(b.locator("#helps-given")).hasText("1");
		screenshot(b, device + "-profile-with-credit");
		assertFitsTheScreen(b);

		b.waitForNavigation(() -> b.locator("#ledger-link").click());
		assertThat(path(b)).isEqualTo("/me/ledger");
		assertThat(b.locator("#balance")).hasText("1");
		Locator entries = b.locator("#entries li");
		assertThat(entries).hasCount(1);
		assertThat(entries.locator(".badge")).hasText(texts.earned());
		assertThat(entries.locator(".amount")).hasText("+1");
		screenshot(b, device + "-ledger");
		assertFitsTheScreen(b);

		// ... and A's profile counts the help received
		navigate(a, "/me");
		assertThat(a.locator("#helps-received")).hasText("1");
		assertThat(a.locator("#helps-given")).hasText("0");
		assertFitsTheScreen(a);

		assertOnlyLocalRequests(a);
		assertOnlyLocalRequests(b);
	}

	/** Joins {@link #GROUP}, posts {@code link} through the form; returns the new id. */
	private long joinAndPost(Page page, String link, int helpsNeeded) {
		navigate(page, "/g/" + GROUP);
		assertFitsTheScreen(page);
		page.waitForNavigation(() -> page.locator("#join").click());
		assertThat(page.locator("#join")).hasCount(0);
		page.waitForNavigation(() -> page.locator("#post-link").click());
		assertThat(path(page)).isEqualTo("/g/" + GROUP + "/post");
		page.locator("#input").fill(link);
		page.locator("#helpsNeeded").fill(String.valueOf(helpsNeeded));
		page.waitForNavigation(() -> page.locator("#submit-post").click());
		assertThat(path(page)).matches("/r/\\d+");
		return Long.parseLong(path(page).substring("/r/".length()));
	}

	/**
	 * The queue card for request {@code id}, pressing "skip" past any other request
	 * served first.
	 */
	private Locator skipUntil(Page page, long id) {
		for (int i = 0; i < 20; i++) {
			Locator item = page.locator("#queue-item");
			assertThat(item).isVisible();
			if (String.valueOf(id).equals(item.getAttribute("data-request-id"))) {
				return item;
			}
			page.waitForNavigation(() -> page.locator("#skip").click());
		}
		return fail("request " + id + " not served by the queue after 20 skips");
	}

	/** Reloads until {@code selector} shows {@code text}, for up to ten seconds. */
	private static void awaitText(Page page, String selector, String text) {
		awaitText(page, selector, text, CREDIT_WAIT_MILLIS);
	}

}
