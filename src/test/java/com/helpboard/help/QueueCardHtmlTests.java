package com.helpboard.help;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.helpboard.group.GroupView;
import com.helpboard.group.Visibility;
import com.helpboard.link.Platform;
import com.helpboard.request.Campaign;
import com.helpboard.request.Campaigns;
import com.helpboard.request.Reciprocity;
import com.helpboard.request.RequestStatus;
import com.helpboard.request.RequestView;
import com.helpboard.system.ChinaTime;
import com.helpboard.system.LocalizedText;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class QueueCardHtmlTests {

	private static final Instant EXPIRES = Instant.parse("2026-11-27T00:00:00Z");

	private final QueueCardHtml card = card();

	private static QueueCardHtml card() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages/messages", "messages/request");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		Campaigns campaigns = mock(Campaigns.class);
		given(campaigns.byCode()).willReturn(Map.of("pdd-bargain", new Campaign("pdd-bargain", Platform.PINDUODUO,
				new LocalizedText("砍价免费拿", "Bargain"), Campaign.TtlMode.HOURS, 24, 48, 10, false, "CN")));
		return new QueueCardHtml(messages, campaigns, new ChinaTime());
	}

	private static RequestView request(String platform, String campaign, String url, String token, String note,
			String author, String shareText) {
		return new RequestView(12, 1, "kanjia", 1, author, platform, campaign, url, shareText, token, note, null, 5, 2,
				RequestStatus.OPEN, EXPIRES.minusSeconds(3600), EXPIRES, null, new Reciprocity(1482, 3));
	}

	@Test
	void everyTextIsEscapedInTextAndAttributes() {
		String html = this.card.of(
				request("PINDUODUO", "<b>odd</b>", "https://p.pinduoduo.com/a?x=1&y=\"2\"", null,
						"<script>alert(1)</script>", "'><img src=x onerror=alert(1)>", "砍一刀 </pre><i>x</i>"),
				Locale.SIMPLIFIED_CHINESE);
		assertThat(html).doesNotContain("<script>")
			.doesNotContain("<img")
			.doesNotContain("<b>")
			.doesNotContain("<i>")
			.contains("<p class=\"note\">&lt;script&gt;alert(1)&lt;/script&gt;</p>")
			.contains("<span>&#39;&gt;&lt;img src=x onerror=alert(1)&gt;</span>")
			.contains("<span class=\"badge quiet\">&lt;b&gt;odd&lt;/b&gt;</span>")
			.contains(">砍一刀 &lt;/pre&gt;&lt;i&gt;x&lt;/i&gt;</pre>")
			.contains("href=\"https://p.pinduoduo.com/a?x=1&amp;y=&quot;2&quot;\"");
	}

	@Test
	void aPinduoduoLinkWithoutTokenOpensInTheAppAndSaysWhere() {
		String html = this.card.of(
				request("PINDUODUO", "pdd-bargain", "https://mobile.yangkeduo.com/a.html", null, null, "kim", "砍一刀"),
				Locale.SIMPLIFIED_CHINESE);
		assertThat(html).contains("<span class=\"badge\">拼多多</span>")
			.contains("<span class=\"badge quiet\">砍价免费拿</span>")
			.contains(
					"<time data-countdown datetime=\"2026-11-27T00:00:00Z\" data-expired-label=\"已过期\">11-27 08:00</time>")
			.contains("<progress max=\"5\" value=\"2\"></progress>")
			.contains("<span class=\"progress-text\">2/5</span>")
			// as text: no number format ("1,482") per view
			.contains("帮过 1482 · 受助 3")
			.contains("data-copy-target=\"share-text\" data-copied-label=\"已复制 ✓\"")
			.contains(">一键复制</button>")
			.contains("id=\"open-link\" href=\"https://mobile.yangkeduo.com/a.html\"")
			.contains("<code>mobile.yangkeduo.com</code>")
			.doesNotContain("class=\"note\"");
	}

	@Test
	void aTemuTokenWithoutLinkIsCopiedAsATokenInEitherLanguage() {
		RequestView temu = request("TEMU", "temu-farmland", null, "#tok123", "water me", "lee", "#tok123");
		String zh = this.card.of(temu, Locale.SIMPLIFIED_CHINESE);
		assertThat(zh).contains("<span class=\"badge temu\">Temu</span>")
			// a campaign the board no longer knows shows its code
			.contains("<span class=\"badge quiet\">temu-farmland</span>")
			.contains(">复制口令</button>")
			.contains("<p class=\"note\">water me</p>")
			.doesNotContain("open-link")
			.doesNotContain("<code>");
		String en = this.card.of(temu, Locale.ENGLISH);
		assertThat(en).contains(">Copy token</button>").contains("gave 1482 · got 3").contains(">Ends</span>");
	}

	@Test
	void theGroupOptionsAreEscapedNamedInTheLanguageAndMarkTheChosenOne() {
		List<GroupView> groups = List.of(group("kanjia", "砍价群", "Bargains"),
				group("odd\"><script>", "<b>怪</b>", "<b>odd</b>"));
		assertThat(this.card.groupOptions(groups, "kanjia", Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("<option value=\"kanjia\" selected=\"selected\">砍价群</option>\n"
					+ "<option value=\"odd&quot;&gt;&lt;script&gt;\">&lt;b&gt;怪&lt;/b&gt;</option>\n");
		assertThat(this.card.groupOptions(groups, "", Locale.ENGLISH)).doesNotContain("selected")
			.contains(">Bargains</option>")
			.contains(">&lt;b&gt;odd&lt;/b&gt;</option>");
		assertThat(this.card.groupOptions(List.of(), "", Locale.ENGLISH)).isEmpty();
	}

	@Test
	void aCardIsDrawnAgainAsSoonAsWhatItShowsChanges() {
		RequestView view = request("PINDUODUO", "pdd-bargain", "https://mobile.yangkeduo.com/a.html", null, "谢谢", "kim",
				"砍一刀");
		String first = this.card.of(view, Locale.SIMPLIFIED_CHINESE);
		assertThat(this.card.of(view, Locale.SIMPLIFIED_CHINESE)).isSameAs(first);
		RequestView helpedOnce = new RequestView(12, 1, "kanjia", 1, "kim", "PINDUODUO", "pdd-bargain",
				"https://mobile.yangkeduo.com/a.html", "砍一刀", null, "谢谢", null, 5, 3, RequestStatus.OPEN,
				EXPIRES.minusSeconds(3600), EXPIRES, null, new Reciprocity(1482, 3));
		assertThat(this.card.of(helpedOnce, Locale.SIMPLIFIED_CHINESE))
			.contains("<span class=\"progress-text\">3/5</span>")
			.doesNotContain("2/5");
		assertThat(this.card.of(view, Locale.ENGLISH)).isNotEqualTo(first).contains(">Copy");
	}

	private static GroupView group(String slug, String zh, String en) {
		return new GroupView(9, slug, new LocalizedText(zh, en), new LocalizedText("", ""), new LocalizedText("", ""),
				Visibility.PUBLIC, 42L, null, 3, new GroupView.PostingRule(3, 1, 48), 5,
				new GroupView.BoostRule(3, 2, List.of(1, 3)));
	}

}
