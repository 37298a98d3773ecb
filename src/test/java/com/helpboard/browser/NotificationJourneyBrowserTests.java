package com.helpboard.browser;

import java.util.function.Supplier;

import com.helpboard.request.RequestView;
import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers;
import com.helpboard.support.TestMembers.TestMember;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications in a real Chromium, on a phone (Chinese) and on a desktop (English), with
 * two members in two browser contexts: A signs in and lands on "待处理" (nothing yet), then
 * keeps their group's page open; B claims A's request in another browser; A's page shows
 * "等我确认 1" and "通知 1" appear without a reload; A reads the notification, confirms the
 * claim; B's notifications and "我帮过的" say what happened. B, sent to log in on the way to
 * "我帮过的", lands there. Screenshots land in target/screenshots.
 */
@IntegrationTest
class NotificationJourneyBrowserTests extends BrowserSupport {

	/**
	 * The page asks for the counts every 20 s; a claim drops the author's cached ones.
	 */
	static final double COUNT_WAIT_MILLIS = 45_000;

	@Autowired
	TestData testData;

	/** What the pages say in one language. */
	record Texts(String todo, String todoNone, String waitingNav, String notificationsNav, String claimWaiting,
			String claimConfirmed, String helped, String confirmedWhy) {
	}

	static final Texts CHINESE = new Texts("待处理", "现在没有需要你处理的事", "等我确认", "通知", "说帮了你的请求", "的助力已被确认", "我帮过的", "发起人已确认。");

	static final Texts ENGLISH = new Texts("To do", "Nothing needs you right now", "To confirm", "Inbox",
			"says they helped your request", "was confirmed", "I helped", "The author confirmed it.");

	@Test
	void theAuthorSeesAClaimArriveWithoutReloadingOnAPhone() {
		journey("phone", this::phone, CHINESE);
	}

	@Test
	void theAuthorSeesAClaimArriveWithoutReloadingOnADesktop() {
		journey("desktop", () -> desktop("en"), ENGLISH);
	}

	private void journey(String device, Supplier<Page> open, Texts texts) {
		TestMember owner = this.testData.member("owner").create();
		String group = this.testData.group("notify").named("通知测试").withDefaultCampaign("pdd-bargain").ownedBy(owner);
		TestMember author = this.testData.member("author").joining(group);
		TestMember helper = this.testData.member("helper").joining(group);
		RequestView request = this.testData.request().by(author).in(group).needing(2).saying("帮我砍一刀 谢谢大家").post();

		// 1. A signs in, going nowhere in particular: the to-do page, with nothing on it
		Page a = open.get();
		login(a, author.username(), TestMembers.PASSWORD);
		assertThat(path(a)).isEqualTo("/me/todo");
		assertThat(a.locator("h1")).hasText(texts.todo());
		assertThat(a.locator("#todo-none")).containsText(texts.todoNone());
		Locator waitingCount = a.locator("#nav-waiting .count");
		Locator unreadCount = a.locator("#nav-notifications .count");
		assertThat(waitingCount).isHidden();
		assertThat(unreadCount).isHidden();
		screenshot(a, device + "-todo-empty");
		assertFitsTheScreen(a);

		// 2. A keeps their group's page open, marked so that a reload would show
		navigate(a, "/g/" + group);
		a.evaluate("() => { window.stillTheSamePage = true; }");

		// 3. B, in another browser, says they helped
		Page b = open.get();
		navigate(b, "/me/helped");
		assertThat(path(b)).isEqualTo("/login");
		login(b, helper.username(), TestMembers.PASSWORD);
		// back where they were going
		assertThat(path(b)).isEqualTo("/me/helped");
		navigate(b, "/r/" + request.id());
		// "我帮了" waits until the link was copied or opened on the page
		b.locator("#copy").click();
		b.waitForNavigation(() -> b.locator("#claim").click());

		// 4. A's open page shows the claim waiting, without a reload
		LocatorAssertions.HasTextOptions patiently = new LocatorAssertions.HasTextOptions()
			.setTimeout(COUNT_WAIT_MILLIS);
		assertThat(waitingCount).hasText("1", patiently);
		assertThat(waitingCount).isVisible();
		assertThat(unreadCount).hasText("1", patiently);
		assertThat(a.locator("#nav-waiting")).containsText(texts.waitingNav());
		assertThat(a.evaluate("() => window.stillTheSamePage === true")).isEqualTo(true);
		screenshot(a, device + "-count-appeared");
		assertFitsTheScreen(a);

		// 5. A reads the notification: it says who helped, and leads to the claims
		a.waitForNavigation(() -> a.locator("#nav-notifications").click());
		assertThat(path(a)).isEqualTo("/me/notifications");
		Locator first = a.locator("#notifications li").first();
		assertThat(first).containsText(helper.username() + " " + texts.claimWaiting());
		assertThat(first).hasClass(java.util.regex.Pattern.compile("unread"));
		screenshot(a, device + "-notifications");
		assertFitsTheScreen(a);
		a.waitForNavigation(() -> a.locator("#read-all").click());
		assertThat(a.locator("#notifications li.unread")).hasCount(0);
		assertThat(unreadCount).isHidden();
		assertThat(waitingCount).hasText("1");

		// 6. A confirms on "waiting for me": the count goes
		a.waitForNavigation(() -> a.locator("#nav-waiting").click());
		assertThat(path(a)).isEqualTo("/waiting");
		a.waitForNavigation(() -> a.locator("#waiting .confirm").first().click());
		assertThat(waitingCount).isHidden();
		screenshot(a, device + "-waiting-after-confirm");
		assertFitsTheScreen(a);

		// 7. B hears of it, and "我帮过的" says what happened
		navigate(b, "/me/helped");
		assertThat(b.locator("#helped li")).hasCount(1);
		assertThat(b.locator("#helped li .why")).containsText(texts.confirmedWhy());
		screenshot(b, device + "-helped");
		assertFitsTheScreen(b);
		navigate(b, "/me/notifications");
		assertThat(b.locator("#notifications li").first()).containsText(texts.claimConfirmed(),
				new LocatorAssertions.ContainsTextOptions().setTimeout(COUNT_WAIT_MILLIS));
		screenshot(b, device + "-helper-notifications");
		assertFitsTheScreen(b);

		assertOnlyLocalRequests(a);
		assertOnlyLocalRequests(b);
	}

}
