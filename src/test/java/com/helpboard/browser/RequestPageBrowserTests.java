package com.helpboard.browser;

import java.util.function.Supplier;

import com.helpboard.request.RequestView;
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
 * The request page in a real Chromium (issue 13), on a phone (390×844, Chinese) and a
 * desktop (English), with JavaScript on and off: a helper finds "我帮了" within the first
 * screen, enabled only once they copied the link (or, without JavaScript, ticked that
 * they did); the author confirms one claim and rejects another with a reason, one tap
 * each, on one line of 44 px buttons; the rejected helper reads the reason and answers
 * once, and the author reads the answer. Screenshots land in target/screenshots.
 */
@IntegrationTest
class RequestPageBrowserTests extends BrowserSupport {

	static final String GROUP = "kanjia";

	static final int MIN_TAP = 44;

	@Autowired
	private TestData testData;

	/** What the pages say in one language. */
	record Texts(String claimed, String confirmed, String rejected, String reason, String rejectedReason,
			String answered, String theirAnswer) {
	}

	static final Texts CHINESE = new Texts("已告诉发布者你帮了忙，确认后你会获得互助积分。", "已确认，对方获得了互助积分。", "已拒绝这条助力。", "WRONG_LINK",
			"没帮到：不是这个链接", "已发送回复。", "对方回复：");

	static final Texts ENGLISH = new Texts("The author has been told you helped; you earn credit once they confirm.",
			"Confirmed; they earned a credit.", "The claim was rejected.", "WRONG_LINK", "Not helped: Not this link",
			"Your answer was sent.", "Their answer: ");

	@Test
	void onAPhone() {
		journey("phone", this::phone, CHINESE);
	}

	/** The helper's and the author's views in English at 1280 px, with the QR shown. */
	@Test
	void onADesktop() {
		journey("desktop", () -> desktop("en"), ENGLISH);
	}

	/** Without JavaScript a helper still claims, honestly: the checkbox asks first. */
	@Test
	void withoutJavaScriptOnAPhone() {
		TestMember author = this.testData.member("author").joining(GROUP);
		TestMember helper = this.testData.member("nojs").joining(GROUP);
		RequestView request = this.testData.request().by(author).in(GROUP).needing(2).saying("空气炸锅 还差2刀").post();

		Page page = open(new Browser.NewContextOptions().setViewportSize(PHONE_WIDTH, 844)
			.setDeviceScaleFactor(2)
			.setIsMobile(true)
			.setHasTouch(true)
			.setUserAgent(PHONE_USER_AGENT)
			.setLocale("zh-CN")
			.setJavaScriptEnabled(false));
		login(page, helper.username(), TestMembers.PASSWORD);
		navigate(page, "/r/" + request.id());
		// the countdown reads the server's end time; the copy button, which would do
		// nothing, is not there; the text is, to select and copy by hand
		assertThat(page.locator("#countdown")).hasText(java.util.regex.Pattern.compile("\\d\\d-\\d\\d \\d\\d:\\d\\d"));
		assertThat(page.locator("#copy")).isHidden();
		assertThat(page.locator("#share-text")).isVisible();
		assertThat(page.locator("#share-text")).hasAttribute("readonly", "");
		assertThat(page.locator("#qr")).isHidden();
		Locator claim = page.locator("#claim");
		assertThat(claim).isEnabled();
		assertWithinFirstScreen(page, claim);
		assertTappable(claim);
		assertTappable(page.locator("#claim-check"));
		screenshot(page, "phone-nojs-request-helper");
		assertFitsTheScreen(page);

		// unticked, the browser keeps the form
		claim.click();
		assertThat(page.locator("#flash")).hasCount(0);
		assertThat(page.locator("#my-claim")).hasCount(0);
		page.locator("#claim-done").check();
		page.waitForNavigation(claim::click);
		assertThat(page.locator("#flash")).hasText(CHINESE.claimed());
		assertThat(page.locator("#my-claim")).isVisible();
		assertThat(page.locator("#claim")).hasCount(0);
		screenshot(page, "phone-nojs-request-claimed");
		assertFitsTheScreen(page);
	}

	private void journey(String device, Supplier<Page> open, Texts texts) {
		TestMember author = this.testData.member("author").joining(GROUP);
		TestMember good = this.testData.member("good").joining(GROUP);
		TestMember wrong = this.testData.member("wrong").joining(GROUP);
		RequestView request = this.testData.request().by(author).in(GROUP).needing(3).saying("空气炸锅 还差3刀").post();
		boolean phone = device.equals("phone");

		// 1. a helper opens the request: "我帮了" in the first screen, waiting for a copy
		Page helper = open.get();
		login(helper, good.username(), TestMembers.PASSWORD);
		navigate(helper, "/r/" + request.id());
		assertThat(helper.locator("h1")).hasCount(1);
		// "空气炸锅 还差3刀" is no product phrase: named by its campaign, like its card
		assertThat(helper.locator("h1")).hasText(phone ? "砍价免费拿助力" : "Bargain to free help");
		Locator claim = helper.locator("#claim");
		assertWithinFirstScreen(helper, claim);
		assertThat(claim).isDisabled();
		assertThat(helper.locator("#claim-gate")).isVisible();
		assertThat(helper.locator("#claim-check")).isHidden();
		assertThat(helper.locator("#copy")).isVisible();
		assertTappable(claim);
		assertTappable(helper.locator("#copy"));
		assertTappable(helper.locator("#qr-fold > summary"));
		// the QR is folded away on a phone (and unfolded on a desktop)
		if (phone) {
			assertThat(helper.locator("#qr")).isHidden();
			assertThat(helper.locator("#help-bar")).hasCSS("position", "sticky");
		}
		else {
			assertThat(helper.locator("#qr")).isVisible();
		}
		screenshot(helper, device + "-request-helper");
		// what the helper sees before scrolling
		helper.screenshot(
				new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(device + "-request-helper-first-screen.png")));
		assertFitsTheScreen(helper);

		helper.locator("#copy").click();
		assertThat(claim).isEnabled();
		assertThat(helper.locator("#claim-gate")).isHidden();
		// remembered for the request while the tab lives
		helper.reload();
		assertThat(helper.locator("#claim")).isEnabled();
		screenshot(helper, device + "-request-helper-copied");
		helper.waitForNavigation(() -> helper.locator("#claim").click());
		assertThat(helper.locator("#flash")).hasText(texts.claimed());
		assertThat(helper.locator("#help-bar")).hasCount(0);

		// a second helper claims too
		Page other = open.get();
		login(other, wrong.username(), TestMembers.PASSWORD);
		navigate(other, "/r/" + request.id());
		other.locator("#copy").click();
		other.waitForNavigation(() -> other.locator("#claim").click());

		// 2. the author: claims first, one row each, 确认 / 没帮到 on one line
		Page a = open.get();
		login(a, author.username(), TestMembers.PASSWORD);
		navigate(a, "/r/" + request.id());
		Locator rows = a.locator("#claims [data-claim-id]");
		assertThat(rows).hasCount(2);
		BoundingBox claimsBox = a.locator("#claims-box").boundingBox();
		BoundingBox linkBox = a.locator("#my-link").boundingBox();
		assertThat(claimsBox.y).as("claims above the author's link").isLessThan(linkBox.y);
		Locator goodRow = rows.filter(new Locator.FilterOptions().setHasText(good.username()));
		Locator wrongRow = rows.filter(new Locator.FilterOptions().setHasText(wrong.username()));
		for (Locator row : new Locator[] { goodRow, wrongRow }) {
			BoundingBox confirm = row.locator(".confirm").boundingBox();
			BoundingBox reject = row.locator("summary.reject").boundingBox();
			assertThat(confirm.height).isGreaterThanOrEqualTo(MIN_TAP);
			assertThat(reject.height).isGreaterThanOrEqualTo(MIN_TAP);
			assertThat(Math.abs(confirm.y - reject.y)).as("确认 and 没帮到 on one line").isLessThan(2);
		}
		screenshot(a, device + "-request-author");
		assertFitsTheScreen(a);

		a.waitForNavigation(() -> goodRow.locator(".confirm").click());
		assertThat(a.locator("#flash")).hasText(texts.confirmed());
		// the reasons: one tap opens them, one tap on a reason rejects
		Locator wrongAgain = a.locator("#claims [data-claim-id]")
			.filter(new Locator.FilterOptions().setHasText(wrong.username()));
		wrongAgain.locator("summary.reject").click();
		Locator reason = wrongAgain.locator("button[data-reason=" + texts.reason() + "]");
		assertThat(reason).isVisible();
		assertTappable(reason);
		screenshot(a, device + "-request-author-reasons");
		a.waitForNavigation(reason::click);
		assertThat(a.locator("#flash")).hasText(texts.rejected());
		Locator rejectedRow = a.locator("#claims [data-claim-id]")
			.filter(new Locator.FilterOptions().setHasText(wrong.username()));
		assertThat(rejectedRow.locator(".reject-reason")).hasText(texts.rejectedReason());
		assertThat(rejectedRow.locator(".confirm, summary.reject")).hasCount(0);

		if (!phone) {
			// the rest is the same markup on a desktop: once, on the phone, keeps the
			// class quick
			assertOnlyLocalRequests(helper);
			assertOnlyLocalRequests(a);
			return;
		}

		// 3. the rejected helper reads why and answers once
		navigate(other, "/me/helped");
		Locator mine = other.locator("#helped [data-claim-id]").first();
		assertThat(mine.locator(".reject-reason")).hasText(texts.rejectedReason());
		String answer = "<b>我</b>帮了，拼多多昵称 小红";
		mine.locator("textarea[name=text]").fill(answer);
		assertTappable(mine.locator("button.answer"));
		screenshot(other, device + "-helped-answer");
		other.waitForNavigation(() -> mine.locator("button.answer").click());
		assertThat(other.locator("#flash")).hasText(texts.answered());
		assertThat(other.locator("#helped textarea[name=text]")).hasCount(0);
		assertFitsTheScreen(other);

		// 4. ... which the author reads on the claim's row, as text
		navigate(a, "/r/" + request.id());
		Locator answered = a.locator("#claims [data-claim-id]")
			.filter(new Locator.FilterOptions().setHasText(wrong.username()));
		assertThat(answered.locator(".claim-answer")).hasText(texts.theirAnswer() + answer);
		assertThat(a.locator("#claims b")).hasCount(0);
		screenshot(a, device + "-request-author-answered");
		assertFitsTheScreen(a);

		// withdrawing asks first
		a.locator("#withdraw").click();
		assertThat(a.locator("#withdraw-confirm")).isVisible();
		assertTappable(a.locator("#withdraw-confirm"));
		screenshot(a, device + "-request-withdraw-confirm");
		a.waitForNavigation(() -> a.locator("#withdraw-confirm").click());
		assertThat(path(a)).isEqualTo("/my/requests");
		// the request now says how it ended, with nothing to press
		navigate(a, "/r/" + request.id());
		assertThat(a.locator("#outcome")).isVisible();
		assertThat(a.locator("#copy, #qr, #open-link, #author-tools")).hasCount(0);
		screenshot(a, device + "-request-withdrawn");

		assertOnlyLocalRequests(helper);
		assertOnlyLocalRequests(a);
	}

	/** Entirely inside the first screen, without scrolling. */
	private static void assertWithinFirstScreen(Page page, Locator element) {
		BoundingBox box = element.boundingBox();
		assertThat(box).as("%s is shown", element).isNotNull();
		assertThat(box.y).isGreaterThanOrEqualTo(0);
		assertThat(box.y + box.height).as("bottom of %s within the first screen", element)
			.isLessThanOrEqualTo(page.viewportSize().height);
	}

	private static void assertTappable(Locator element) {
		BoundingBox box = element.boundingBox();
		assertThat(box).as("%s is shown", element).isNotNull();
		assertThat(box.height).as("height of %s", element).isGreaterThanOrEqualTo(MIN_TAP);
	}

}
