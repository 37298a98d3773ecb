package com.helpboard.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers;
import com.helpboard.support.TestMembers.TestMember;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sharing a request back into WeChat, in a real Chromium: the author posts, lands on the
 * request with the share panel in the first screen, takes the ready text (Web Share on a
 * phone, the clipboard on a desktop, a selectable field without JavaScript) and opens the
 * poster, whose QR opens the request's page on this board. Screenshots and the posters
 * themselves land in target/screenshots.
 */
@IntegrationTest
class ShareJourneyBrowserTests extends BrowserSupport {

	@Autowired
	TestData testData;

	private TestMember author;

	private String group;

	@BeforeAll
	void anAuthorInAGroupThatLetsThemPostFreely() {
		TestMember owner = this.testData.member("share-owner").create();
		this.group = this.testData.group("share")
			.withDefaultCampaign("pdd-bargain")
			.postingFreely()
			.limitingOpenRequestsTo(10)
			.ownedBy(owner);
		this.author = this.testData.member("sharer").joining(this.group);
	}

	/** What the panel says in one language. */
	record Texts(String posted, String shareLabel, String copyLabel, String shared, String copied, String textStart) {
	}

	static final Texts CHINESE = new Texts("发布成功！分享给群友，或去帮一帮别人。", "分享给群友", "复制分享文字", "已分享 ✓", "已复制，去微信群粘贴吧 ✓", "帮我助力「");

	static final Texts ENGLISH = new Texts("Posted! Share it, or help someone else meanwhile.", "Share",
			"Copy the text", "Shared ✓", "Copied: paste it into your chat ✓", "Help me with \"");

	/**
	 * The author's signed-in cookies, from one login through the form, for every context.
	 */
	private String signedIn;

	private Browser.NewContextOptions signedIn(Browser.NewContextOptions options) {
		if (this.signedIn == null) {
			Page page = open(new Browser.NewContextOptions());
			login(page, this.author.username(), TestMembers.PASSWORD);
			assertThat(path(page)).isNotEqualTo("/login");
			this.signedIn = page.context().storageState();
		}
		return options.setStorageState(this.signedIn);
	}

	/** The author on a phone, as {@link #phone()}, JavaScript on or off. */
	private Page phone(boolean javaScript) {
		return open(signedIn(new Browser.NewContextOptions().setViewportSize(PHONE_WIDTH, 844)
			.setDeviceScaleFactor(2)
			.setIsMobile(true)
			.setHasTouch(true)
			.setUserAgent(PHONE_USER_AGENT)
			.setLocale("zh-CN")
			.setJavaScriptEnabled(javaScript)));
	}

	/** The author on a desktop in English, JavaScript on or off. */
	private Page desktop(boolean javaScript) {
		return open(signedIn(new Browser.NewContextOptions().setViewportSize(1280, 800)
			.setLocale("en")
			.setJavaScriptEnabled(javaScript)));
	}

	@Test
	void onAPhoneTheAuthorSharesThroughTheShareSheet() throws Exception {
		Page page = phone(true);
		// the phone's share sheet, recorded instead of opened
		page.addInitScript("navigator.share = (data) => { window.__shared = data; return Promise.resolve(); };"
				+ "navigator.canShare = () => true;");
		long id = postAndFindThePanel(page, CHINESE, "空气炸锅 还差3刀");
		Locator button = page.locator("#share-button");
		assertThat(button).hasText(CHINESE.shareLabel());
		button.click();
		assertThat(button).hasText(CHINESE.shared());
		assertThat(page.evaluate("() => window.__shared.url")).isEqualTo(url("/r/" + id));
		assertThat((String) page.evaluate("() => window.__shared.text")).startsWith("帮我助力「空气炸锅 还差3刀」还差 3 次");
		screenshot(page, "share-phone-js-shared");
		opensThePoster(page, id, "phone-js");
	}

	@Test
	void onAPhoneWithoutJavaScriptTheTextIsInASelectableField() throws Exception {
		Page page = phone(false);
		long id = postAndFindThePanel(page, CHINESE, "纸巾 帮我砍一刀");
		assertThat(page.locator("#share-button")).isHidden();
		selectsTheReadyText(page, id);
		screenshot(page, "share-phone-nojs-selected");
		opensThePoster(page, id, "phone-nojs");
	}

	@Test
	void onADesktopTheAuthorCopiesTheText() throws Exception {
		Page page = desktop(true);
		// a desktop without a share sheet: the button copies
		page.addInitScript("delete Navigator.prototype.share; delete Navigator.prototype.canShare;");
		BrowserContext context = page.context();
		context.grantPermissions(List.of("clipboard-read", "clipboard-write"),
				new BrowserContext.GrantPermissionsOptions().setOrigin(baseUrl()));
		long id = postAndFindThePanel(page, ENGLISH, "Air fryer, 3 more cuts");
		Locator button = page.locator("#share-button");
		assertThat(button).hasText(ENGLISH.copyLabel());
		button.click();
		assertThat(button).hasText(ENGLISH.copied());
		String copied = (String) page.evaluate("() => navigator.clipboard.readText()");
		assertThat(copied).isEqualTo(page.locator("#share-ready-text").inputValue())
			.startsWith("Help me with \"Air fryer, 3 more cuts\"")
			.endsWith(url("/r/" + id));
		screenshot(page, "share-desktop-js-copied");
		opensThePoster(page, id, "desktop-js");
	}

	@Test
	void onADesktopWithoutJavaScriptTheTextIsInASelectableField() throws Exception {
		Page page = desktop(false);
		long id = postAndFindThePanel(page, ENGLISH, "Paper towels");
		assertThat(page.locator("#share-button")).isHidden();
		selectsTheReadyText(page, id);
		screenshot(page, "share-desktop-nojs-selected");
		opensThePoster(page, id, "desktop-nojs");
	}

	/**
	 * Logs the author in, posts a fresh link with {@code note} and checks the share panel
	 * is on the first screen with a ready text pointing at this board; returns the id.
	 */
	private long postAndFindThePanel(Page page, Texts texts, String note) {
		navigate(page, "/g/" + this.group + "/post");
		String goodsId = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
		page.locator("#input").fill("https://mobile.yangkeduo.com/goods.html?goods_id=" + goodsId);
		page.locator("#helpsNeeded").fill("3");
		page.locator("#note").fill(note);
		page.waitForNavigation(() -> page.locator("#submit-post").click());
		assertThat(path(page)).matches("/r/\\d+");
		long id = Long.parseLong(path(page).substring("/r/".length()));
		assertThat(page.locator(".flash")).hasText(texts.posted());

		Locator panel = page.locator("#share-panel");
		assertThat(panel).isVisible();
		Locator field = page.locator("#share-ready-text");
		assertThat(field).hasValue(texts.textStart() + note
				+ (texts == CHINESE ? "」还差 3 次，点开就能帮：" : "\": 3 more helps needed, tap to help: ") + url("/r/" + id));
		assertThat(field).not().hasValue(java.util.regex.Pattern.compile("yangkeduo"));
		// right after posting the panel is on the first screen, without scrolling
		Locator action = page.locator("#share-button").isVisible() ? page.locator("#share-button") : field;
		onTheFirstScreen(page, action);
		onTheFirstScreen(page, page.locator("#poster-link"));
		assertFitsTheScreen(page);
		page.waitForFunction(
				"() => { const qr = document.getElementById('share-qr'); return qr.complete && qr.naturalWidth > 0; }");
		return id;
	}

	private static void onTheFirstScreen(Page page, Locator locator) {
		BoundingBox box = locator.boundingBox();
		assertThat(box).as("%s is laid out", locator).isNotNull();
		assertThat(box.y).as("top of %s", locator).isGreaterThanOrEqualTo(0);
		assertThat(box.y + box.height).as("bottom of %s on a %d px screen", locator, page.viewportSize().height)
			.isLessThanOrEqualTo(page.viewportSize().height);
		if (page.viewportSize().width == PHONE_WIDTH) {
			assertThat(box.height).as("tap target %s", locator).isGreaterThanOrEqualTo(44);
		}
	}

	/**
	 * Without JavaScript: the ready text is in a readonly field the member can select.
	 */
	private void selectsTheReadyText(Page page, long id) {
		Locator field = page.locator("#share-ready-text");
		assertThat(field).isVisible();
		assertThat(field).not().isEditable();
		field.selectText();
		String value = field.inputValue();
		assertThat(value).endsWith(url("/r/" + id));
		Object selected = field.evaluate("(el) => el.selectionEnd - el.selectionStart");
		assertThat(((Number) selected).intValue()).isEqualTo(value.length());
	}

	/** Follows the poster link; the image's QR opens this request on this board. */
	private void opensThePoster(Page page, long id, String device) throws Exception {
		Response response = page.waitForNavigation(() -> page.locator("#poster-link").click());
		assertThat(path(page)).isEqualTo("/r/" + id + "/poster.png");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headerValue("content-type")).isEqualTo("image/png");
		byte[] png = response.body();
		Files.createDirectories(SCREENSHOTS);
		Path file = SCREENSHOTS.resolve("share-" + device + "-poster.png");
		Files.write(file, png);
		var image = ImageIO.read(file.toFile());
		assertThat(image.getWidth()).isEqualTo(750);
		assertThat(image.getHeight()).isEqualTo(1200);
		String qr = new MultiFormatReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
					java.util.Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE, DecodeHintType.POSSIBLE_FORMATS,
							List.of(BarcodeFormat.QR_CODE)))
			.getText();
		assertThat(qr).isEqualTo(url("/r/" + id));
	}

}
