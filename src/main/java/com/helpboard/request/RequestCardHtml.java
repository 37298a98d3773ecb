package com.helpboard.request;

import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * The markup of a list of request cards, written in Java rather than by a Thymeleaf
 * fragment: a feed page draws twenty cards of about twenty attributes each, and
 * processing those attributes was the largest cost of the page under load
 * (docs/performance.md "Rendering"). Every text is escaped here ({@link #text}); the
 * templates insert the result with {@code th:utext} and nothing else.
 */
final class RequestCardHtml {

	private RequestCardHtml() {
	}

	static String of(List<RequestCard> cards) {
		StringBuilder html = new StringBuilder(cards.size() * 900);
		cards.forEach((card) -> write(card, html));
		return html.toString();
	}

	/**
	 * One card. The title's link is stretched over the whole card by CSS (its
	 * {@code ::after} covers the card), so a tap anywhere opens the request; the report
	 * link sits above it and stays its own target. Progress and time left share one line
	 * under the title.
	 */
	private static void write(RequestCard c, StringBuilder html) {
		html.append("<article class=\"card request-card").append(c.boosted() ? " boosted" : "");
		html.append("\" data-request-id=\"").append(c.id()).append("\">\n  <div class=\"card-head\">\n");
		html.append("    <span class=\"badge").append(c.temu() ? " temu" : "").append("\">");
		text(html, c.platform()).append("</span>\n");
		html.append("    <span class=\"badge quiet\">");
		text(html, c.campaign()).append("</span>\n");
		if (c.boosted()) {
			html.append("    <span class=\"badge boost\">");
			text(html, c.labels().boosted()).append("</span>\n");
		}
		html.append("  </div>\n  <a class=\"card-title\" href=\"/r/").append(c.id()).append("\">\n    <span>");
		text(html, c.title()).append("</span>\n  </a>\n  <progress max=\"");
		html.append(c.helpsNeeded()).append("\" value=\"").append(c.helpsConfirmed()).append("\"></progress>\n");
		html.append("  <div class=\"progress-row\">\n    <span class=\"progress-text\">");
		text(html, c.progress()).append("</span>\n");
		if (c.left() != null) {
			html.append("    <span class=\"progress-left\">");
			text(html, c.left()).append("</span>\n");
		}
		if (c.open()) {
			html.append("    <span class=\"countdown\">\n      <span data-left-label=\"");
			text(html, c.labels().expiresIn()).append("\">");
			text(html, c.labels().endsAt()).append("</span>\n      <time data-countdown datetime=\"");
			text(html, c.expiresAt()).append("\" data-expired-label=\"");
			text(html, c.labels().expired()).append("\">");
			text(html, c.expiresAtText()).append("</time>\n    </span>\n");
		}
		html.append("  </div>\n  <div class=\"card-foot muted\">\n    <span>");
		text(html, c.author()).append("</span>\n    <span class=\"reciprocity\" title=\"");
		text(html, c.labels().reciprocityTitle()).append("\">");
		text(html, c.reciprocity()).append("</span>\n    <a class=\"report-link\" rel=\"nofollow\" href=\"/r/");
		html.append(c.id()).append("/report\">");
		text(html, c.labels().report()).append("</a>\n  </div>\n");
		if (c.completion() != null) {
			html.append("  <p class=\"completion muted\">");
			text(html, c.completion()).append("</p>\n");
		}
		html.append("</article>\n");
	}

	/** Escaped for text and double-quoted attributes alike: {@code < > & " '}. */
	private static StringBuilder text(StringBuilder html, String value) {
		return (value != null) ? html.append(HtmlUtils.htmlEscape(value, "UTF-8")) : html;
	}

}
