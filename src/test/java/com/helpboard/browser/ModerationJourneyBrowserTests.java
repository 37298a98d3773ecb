package com.helpboard.browser;

import java.time.Duration;
import java.util.function.Supplier;

import com.helpboard.group.Groups;
import com.helpboard.moderation.Moderation;
import com.helpboard.moderation.ReportReason;
import com.helpboard.request.RequestView;
import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers;
import com.helpboard.support.TestMembers.TestMember;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Report → hide → moderate → log in a real Chromium, on a phone (Chinese) and on a
 * desktop (English): two members have reported a request as phishing; a third reports it
 * from its card, which tips the group's threshold, and the request leaves the group page;
 * its author sees on "my requests" that it is hidden and why; the group's moderator finds
 * it in the moderation queue (linked from their profile) and restores it with a reason;
 * the public moderation log shows both actions, and the request is back in the group.
 * Screenshots land in target/screenshots.
 */
@IntegrationTest
class ModerationJourneyBrowserTests extends BrowserSupport {

	static final String PASSWORD = TestMembers.PASSWORD;

	/** What the pages say in one language. */
	record Texts(String reportLink, String sendReport, String reportedHidden, String hiddenExplain,
			String phishingCount, String restoredFlash, String system, String autoHid, String restored) {
	}

	static final Texts CHINESE = new Texts("举报", "提交举报", "已收到你的举报。这条请求已被隐藏，等待版主处理。", "它不会出现在群组里，等待版主处理。", "钓鱼/诈骗：3 人举报",
			"已恢复，并记录在管理日志中。", "系统", "自动隐藏了", "恢复了");

	static final Texts ENGLISH = new Texts("Report", "Send report",
			"Your report was received. The request is now hidden until a moderator decides.",
			"It does not show in its group; a moderator will look at it.", "Phishing or scam: reported by 3",
			"Restored, and recorded in the moderation log.", "system", "hid automatically", "restored");

	@Autowired
	TestData testData;

	@Autowired
	Moderation moderation;

	@Autowired
	Groups groups;

	@Test
	void reportHideModerateAndLogOnAPhone() {
		journey("phone", this::phone, CHINESE);
	}

	@Test
	void reportHideModerateAndLogOnADesktop() {
		journey("desktop", () -> desktop("en"), ENGLISH);
	}

	private void journey(String device, Supplier<Page> open, Texts texts) {
		TestMember owner = this.testData.member("owner").create();
		String slug = this.testData.group("modjourney").named("砍价互助").postingFreely().ownedBy(owner);
		TestMember author = this.testData.member("author").joining(slug);
		TestMember moderator = this.testData.member("mod").joining(slug);
		this.moderation.setModerator(owner.id(), slug, moderator.username(), true);
		RequestView request = this.testData.request()
			.by(author)
			.in(slug)
			.saying("帮我砍一刀 领现金 Help me bargain")
			.needing(3)
			.post();
		for (String prefix : new String[] { "repa", "repb" }) {
			TestMember reporter = this.testData.member(prefix).joinedAgo(Duration.ofDays(30)).joining(slug);
			this.moderation.report(reporter.id(), request.id(), ReportReason.PHISHING, null);
		}
		TestMember third = this.testData.member("repc").joinedAgo(Duration.ofDays(30)).joining(slug);

		// 1. the third reporter reports it from its card on the group page
		Page reporter = open.get();
		login(reporter, third.username(), PASSWORD);
		navigate(reporter, "/g/" + slug);
		Locator card = reporter.locator("article[data-request-id='" + request.id() + "']");
		assertThat(card.locator(".report-link")).hasText(texts.reportLink());
		screenshot(reporter, "moderation-" + device + "-1-card");
		reporter.waitForNavigation(() -> card.locator(".report-link").click());
		assertThat(path(reporter)).isEqualTo("/r/" + request.id() + "/report");
		reporter.locator("#reason-PHISHING").check();
		reporter.locator("#detail").fill("asks for a bank card number");
		assertFitsTheScreen(reporter);
		screenshot(reporter, "moderation-" + device + "-2-report-form");
		reporter.waitForNavigation(() -> reporter.locator("#send-report").click());
		assertThat(reporter.locator("#flash")).hasText(texts.reportedHidden());
		assertThat(path(reporter)).isEqualTo("/g/" + slug);
		assertThat(reporter.locator("article[data-request-id='" + request.id() + "']")).hasCount(0);
		assertFitsTheScreen(reporter);
		screenshot(reporter, "moderation-" + device + "-3-hidden-from-group");

		// 2. the author sees that it is hidden, and why, but not who reported it
		Page asker = open.get();
		login(asker, author.username(), PASSWORD);
		navigate(asker, "/my/requests");
		Locator mine = asker.locator("#my-requests li[data-request-id='" + request.id() + "']");
		assertThat(mine.locator(".hidden-why")).containsText(texts.hiddenExplain());
		assertThat(mine.locator(".hidden-why")).containsText(texts.phishingCount());
		assertThat(asker.locator("main")).not().containsText(third.username());
		assertFitsTheScreen(asker);
		screenshot(asker, "moderation-" + device + "-4-author-mine");
		navigate(asker, "/r/" + request.id());
		assertThat(asker.locator("#hidden-note")).containsText(texts.phishingCount());
		screenshot(asker, "moderation-" + device + "-5-author-request");

		// 3. the moderator restores it from the queue, with a reason
		Page mod = open.get();
		login(mod, moderator.username(), PASSWORD);
		assertThat(path(mod)).isEqualTo("/me/todo");
		navigate(mod, "/me");
		mod.waitForNavigation(() -> mod.locator("#moderation-link").click());
		Locator item = mod.locator(".queue-item[data-request-id='" + request.id() + "']");
		assertThat(item.locator(".reports li")).hasCount(3);
		assertFitsTheScreen(mod);
		screenshot(mod, "moderation-" + device + "-6-queue");
		item.locator(".restore-form input[name=reason]").fill("链接正常，是真实的砍价 / the link is a real bargain");
		mod.waitForNavigation(() -> item.locator(".restore-form button").click());
		assertThat(mod.locator("#flash")).hasText(texts.restoredFlash());
		assertThat(mod.locator(".queue-item[data-request-id='" + request.id() + "']")).hasCount(0);
		screenshot(mod, "moderation-" + device + "-7-restored");

		// 4. the public log, read by anyone, shows both actions once; the request is back
		Page anyone = open.get();
		navigate(anyone, "/");
		anyone.waitForNavigation(() -> anyone.locator("#mod-log-link").click());
		assertThat(path(anyone)).isEqualTo("/mod/log");
		navigate(anyone, "/mod/log?group=" + slug);
		Locator lines = anyone.locator("#mod-log li");
		assertThat(lines.filter(new Locator.FilterOptions().setHasText("#" + request.id()))).hasCount(2);
		assertThat(lines.nth(0)).containsText(moderator.username());
		assertThat(lines.nth(0)).containsText(texts.restored());
		assertThat(lines.nth(0)).containsText("the link is a real bargain");
		assertThat(lines.nth(1)).containsText(texts.system());
		assertThat(lines.nth(1)).containsText(texts.autoHid());
		assertFitsTheScreen(anyone);
		screenshot(anyone, "moderation-" + device + "-8-log");
		navigate(anyone, "/g/" + slug);
		assertThat(anyone.locator("article[data-request-id='" + request.id() + "']")).hasCount(1);
	}

}
