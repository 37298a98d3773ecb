package com.helpboard.request;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestCardHtmlTests {

	static final RequestCard.Labels LABELS = new RequestCard.Labels("置顶", "剩余", "截止", "已过期", "帮过\"的\"次数", "举报");

	@Test
	void everyTextIsEscapedInTextAndAttributes() {
		RequestCard hostile = new RequestCard(7, false, false, "拼多多", "<b>砍价</b>", true,
				"2026-11-27T00:00:00Z\" onmouseover=\"x", "11-27 08:00", "<script>alert(1)</script>", 5, 2, "2/5",
				"还差 3 次", "'><img src=x onerror=alert(1)>", "帮过 1 · 受助 0", "这里 62% 的<i>砍价</i>请求完成了", LABELS);
		String html = RequestCardHtml.of(List.of(hostile));
		assertThat(html).doesNotContain("<script>")
			.doesNotContain("<img")
			.doesNotContain("<b>")
			.doesNotContain("\" onmouseover")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.contains("&#39;&gt;&lt;img src=x onerror=alert(1)&gt;")
			.contains("title=\"帮过&quot;的&quot;次数\"")
			.contains("data-request-id=\"7\"")
			.contains("href=\"/r/7\"")
			.contains("href=\"/r/7/report\">举报</a>")
			.doesNotContain("<i>")
			.contains("<p class=\"completion muted\">这里 62% 的&lt;i&gt;砍价&lt;/i&gt;请求完成了</p>");
	}

	@Test
	void boostedOpenAndTemuCardsSaySoAndClosedOnesHaveNoCountdown() {
		RequestCard boosted = new RequestCard(1, true, true, "Temu", "Farmland", true, "2026-11-27T00:00:00Z",
				"11-27 08:00", "water my tree", 3, 0, "0/3", "3 to go", "kim", "gave 0 · got 0",
				"62% of Farmland requests here were fulfilled", LABELS);
		RequestCard closed = new RequestCard(2, false, false, "拼多多", "砍价", false, "2026-11-27T00:00:00Z", "11-27 08:00",
				"done", 3, 3, "3/3", null, "lee", "gave 0 · got 0", null, LABELS);
		String html = RequestCardHtml.of(List.of(boosted, closed));
		assertThat(html.split("<article").length - 1).isEqualTo(2);
		String first = html.substring(0, html.indexOf("</article>"));
		String second = html.substring(html.indexOf("</article>"));
		assertThat(first).contains("request-card boosted")
			.contains("badge temu")
			.contains("badge boost\">置顶")
			.contains("<time data-countdown datetime=\"2026-11-27T00:00:00Z\"")
			.contains("62% of Farmland requests here were fulfilled")
			.contains("<span class=\"progress-left\">3 to go</span>");
		// too few closed to say: no line at all
		assertThat(second).doesNotContain("completion");
		assertThat(second).doesNotContain("boosted")
			.doesNotContain("data-countdown")
			.doesNotContain("progress-left")
			.contains("value=\"3\"");
	}

	@Test
	void theWholeCardOpensTheRequestAndTheReportLinkStaysItsOwnTarget() {
		String html = RequestCardHtml.of(List.of(card(9, "空气炸锅 还差3刀")));
		// one link to the request (the title, stretched over the card by CSS) and one to
		// report
		assertThat(html.split("<a ").length - 1).isEqualTo(2);
		assertThat(html).contains("<a class=\"card-title\" href=\"/r/9\">\n    <span>空气炸锅 还差3刀</span>")
			.contains("<a class=\"report-link\" rel=\"nofollow\" href=\"/r/9/report\">");
		// time left and progress on one line under the title
		String row = html.substring(html.indexOf("<div class=\"progress-row\">"));
		row = row.substring(0, row.indexOf("<div class=\"card-foot"));
		assertThat(row).contains("<span class=\"progress-text\">1/4</span>")
			.contains("<span class=\"progress-left\">还差 3 次</span>")
			.contains("<span data-left-label=\"剩余\">截止</span>")
			.contains(
					"<time data-countdown datetime=\"2026-11-27T00:00:00Z\" data-expired-label=\"已过期\">11-27 08:00</time>");
	}

	@Test
	void hostileTitlesAreTextNeverMarkup() {
		String[] hostile = { "<script>alert(1)</script>", "\"><svg onload=alert(1)>", "' onfocus='alert(1)",
				"</span></a><a href=\"javascript:alert(1)\">", "&lt;b&gt;", "\u202Egnp.exe", "空气炸锅 🍳 还差3刀" };
		for (String title : hostile) {
			String html = RequestCardHtml.of(List.of(card(3, title)));
			assertThat(html).as(title)
				.doesNotContain("<script")
				.doesNotContain("<svg")
				.doesNotContain("onfocus='")
				.doesNotContain("href=\"javascript:")
				.contains("<span>" + org.springframework.web.util.HtmlUtils.htmlEscape(title, "UTF-8") + "</span>");
			assertThat(html.split("<a ").length - 1).as(title).isEqualTo(2);
		}
		assertThat(RequestCardHtml.of(List.of(card(3, "&lt;b&gt;")))).contains("&amp;lt;b&amp;gt;");
	}

	private static RequestCard card(long id, String title) {
		return new RequestCard(id, false, false, "拼多多", "砍价免费拿", true, "2026-11-27T00:00:00Z", "11-27 08:00", title, 4,
				1, "1/4", "还差 3 次", "lee", "帮过 1 · 受助 0", null, LABELS);
	}

}
