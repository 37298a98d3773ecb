package com.helpboard.help;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.helpboard.group.GroupView;
import com.helpboard.request.Campaign;
import com.helpboard.request.Campaigns;
import com.helpboard.request.RequestView;
import com.helpboard.system.ChinaTime;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The help queue's card (help/queue.html's {@code #queue-item}, down to its forms) and
 * its group choice's options ({@link #groupOptions}), written in Java rather than by
 * Thymeleaf, as the feed's cards are (request/RequestCardHtml). Writing the card in Java
 * made the page no cheaper beyond the noise (docs/performance.md, 2026-12-05): the card
 * is one of a page, not twenty. Drawing it was still 14 µs of a view in a profile, so it
 * is kept drawn ({@link #of}). Every text is escaped here ({@link #text}); the template
 * inserts the results with {@code th:utext} and nothing else. The claim form and the skip
 * link stay in the template: the form needs the page's CSRF token.
 */
@Component
class QueueCardHtml {

	private final MessageSource messages;

	private final Campaigns campaigns;

	private final ChinaTime chinaTime;

	private final Map<Locale, Labels> labels = new ConcurrentHashMap<>();

	static final int DRAWN_KEPT = 2_000;

	private final Cache<Drawn, String> drawn = Caffeine.newBuilder()
		.maximumSize(DRAWN_KEPT)
		.expireAfterWrite(Duration.ofSeconds(10))
		.build();

	QueueCardHtml(MessageSource messages, Campaigns campaigns, ChinaTime chinaTime) {
		this.messages = messages;
		this.campaigns = campaigns;
		this.chinaTime = chinaTime;
	}

	/** The words every queue card shares, looked up once per language. */
	private record Labels(String pinduoduo, String temu, String expiresIn, String endsAt, String expired, String copied,
			String copyManual, String copy, String copyToken, String openInApp, String opensOn) {
	}

	/**
	 * The card as drawn for this view of the request in this language: kept ten seconds
	 * (at most {@value #DRAWN_KEPT}), as the help queue shows the same few requests at
	 * the front of a group to every helper. The key is the whole view (its progress,
	 * expiry, note, share text, the author's reciprocity…), so a card changes as soon as
	 * what it shows does; a campaign renamed by an admin shows within the ten seconds.
	 */
	String of(RequestView next, Locale locale) {
		return this.drawn.get(new Drawn(next, locale), (key) -> draw(key.request(), key.locale()));
	}

	private record Drawn(RequestView request, Locale locale) {
	}

	private String draw(RequestView next, Locale locale) {
		Labels words = this.labels.computeIfAbsent(locale,
				(l) -> new Labels(message("platform.PINDUODUO", l), message("platform.TEMU", l),
						message("request.expiresIn", l), message("request.endsAt", l),
						message("request.status.EXPIRED", l), message("request.copied", l),
						message("request.copyManual", l), message("request.copy", l), message("request.copyToken", l),
						message("request.openInApp", l), message("request.opensOn", l)));
		boolean temu = "TEMU".equals(next.platform());
		String platform = switch (next.platform()) {
			case "TEMU" -> words.temu();
			case "PINDUODUO" -> words.pinduoduo();
			default -> message("platform." + next.platform(), locale);
		};
		Campaign campaign = this.campaigns.byCode().get(next.campaign());
		String campaignName = (campaign != null) ? campaign.name().in(locale) : next.campaign();
		StringBuilder html = new StringBuilder(1500 + next.shareText().length() * 2);
		html.append("<div class=\"card-head\">\n  <span class=\"badge").append(temu ? " temu" : "").append("\">");
		text(html, platform).append("</span>\n  <span class=\"badge quiet\">");
		text(html, campaignName).append("</span>\n  <span class=\"countdown muted\">\n    <span data-left-label=\"");
		text(html, words.expiresIn()).append("\">");
		text(html, words.endsAt()).append("</span>\n    <time data-countdown datetime=\"");
		text(html, next.expiresAt().toString()).append("\" data-expired-label=\"");
		text(html, words.expired()).append("\">");
		text(html, this.chinaTime.format(next.expiresAt(), "MM-dd HH:mm")).append("</time>\n  </span>\n</div>\n");
		if (next.note() != null) {
			html.append("<p class=\"note\">");
			text(html, next.note()).append("</p>\n");
		}
		html.append("<div class=\"progress-row\">\n  <progress max=\"").append(next.helpsNeeded());
		html.append("\" value=\"").append(next.helpsConfirmed()).append("\"></progress>\n");
		html.append("  <span class=\"progress-text\">").append(next.helpsConfirmed()).append('/');
		html.append(next.helpsNeeded()).append("</span>\n</div>\n<p class=\"muted\"><span>");
		text(html, next.author()).append("</span> ·\n  <span>");
		// as text, so no number format is made per view (as the feed's cards)
		text(html,
				this.messages
					.getMessage("request.reciprocity",
							new Object[] { String.valueOf(next.authorReciprocity().given()),
									String.valueOf(next.authorReciprocity().received()) },
							locale))
			.append("</span></p>\n");
		html.append("<pre class=\"share-text\" id=\"share-text\">");
		text(html, next.shareText()).append("</pre>\n<div class=\"row\">\n");
		html.append("  <button type=\"button\" class=\"button secondary\" id=\"copy\" data-copy-target=\"share-text\"");
		html.append(" data-copied-label=\"");
		text(html, words.copied()).append("\" data-manual-label=\"");
		text(html, words.copyManual()).append("\">");
		text(html, (next.token() != null) ? words.copyToken() : words.copy()).append("</button>\n");
		if (next.canonicalUrl() != null) {
			html.append("  <a class=\"button secondary\" id=\"open-link\" href=\"");
			text(html, next.canonicalUrl()).append("\" rel=\"noopener noreferrer nofollow ugc\" target=\"_blank\">");
			text(html, words.openInApp()).append("</a>\n");
		}
		html.append("</div>\n");
		String host = next.host();
		if (host != null) {
			html.append("<p class=\"muted\"><span>");
			text(html, words.opensOn()).append("</span> <code>");
			text(html, host).append("</code></p>\n");
		}
		return html.toString();
	}

	/**
	 * The queue's group choice after "all my groups": one {@code <option>} per group the
	 * member is in, named in the page's language, the chosen one selected. Written here
	 * rather than by a {@code th:each}, which cost a tenth of the page's drawing for six
	 * groups (docs/performance.md).
	 */
	String groupOptions(List<GroupView> groups, String chosenSlug, Locale locale) {
		StringBuilder html = new StringBuilder(groups.size() * 64);
		for (GroupView group : groups) {
			html.append("<option value=\"");
			text(html, group.slug()).append('"');
			if (group.slug().equals(chosenSlug)) {
				html.append(" selected=\"selected\"");
			}
			html.append('>');
			text(html, group.name().in(locale)).append("</option>\n");
		}
		return html.toString();
	}

	/** Escaped for text and double-quoted attributes alike: {@code < > & " '}. */
	private static StringBuilder text(StringBuilder html, String value) {
		return (value != null) ? html.append(HtmlUtils.htmlEscape(value, "UTF-8")) : html;
	}

	private String message(String code, Locale locale) {
		return this.messages.getMessage(code, null, code, locale);
	}

}
