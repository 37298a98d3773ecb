package com.helpboard.request;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.helpboard.request.spi.CampaignCompletion;
import com.helpboard.system.ChinaTime;
import com.helpboard.system.LocalizedText;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns requests into {@link RequestCard}s for one page: the formatting and message
 * lookups a template would do per card, done once in Java.
 */
@Component
class RequestCards {

	static final int TITLE_LENGTH = 80;

	private final MessageSource messages;

	private final Campaigns campaigns;

	private final ChinaTime chinaTime;

	private final CampaignCompletion completion;

	private final Map<Locale, RequestCard.Labels> labels = new ConcurrentHashMap<>();

	RequestCards(MessageSource messages, Campaigns campaigns, ChinaTime chinaTime, CampaignCompletion completion) {
		this.messages = messages;
		this.campaigns = campaigns;
		this.chinaTime = chinaTime;
		this.completion = completion;
	}

	List<RequestCard> of(List<RequestView> requests, Locale locale, Instant now) {
		if (requests.isEmpty()) {
			return List.of();
		}
		RequestCard.Labels shared = this.labels.computeIfAbsent(locale,
				(l) -> new RequestCard.Labels(message("request.boosted", l), message("request.expiresIn", l),
						message("request.endsAt", l), message("request.status.EXPIRED", l),
						message("request.reciprocity.title", l), message("moderation.report.link", l)));
		Map<String, Campaign> byCode = this.campaigns.byCode();
		return requests.stream().map((r) -> {
			Campaign campaign = byCode.get(r.campaign());
			LocalizedText campaignName = (campaign != null) ? campaign.name() : null;
			String name = (campaignName != null) ? campaignName.in(locale) : r.campaign();
			return new RequestCard(r.id(), r.boostedAt(now), "TEMU".equals(r.platform()),
					message("platform." + r.platform(), locale), name, r.isOpen(), r.expiresAt().toString(),
					this.chinaTime.format(r.expiresAt(), "MM-dd HH:mm"),
					abbreviate(title(r, name, locale), TITLE_LENGTH), r.helpsNeeded(), r.helpsConfirmed(),
					r.helpsConfirmed() + "/" + r.helpsNeeded(), left(r, locale), r.author(),
					// as text, so no number format is made per card
					this.messages.getMessage("request.reciprocity",
							new Object[] { String.valueOf(r.authorReciprocity().given()),
									String.valueOf(r.authorReciprocity().received()) },
							locale),
					completion(r, name, locale), shared);
		}).toList();
	}

	/**
	 * What the card is called: {@link RequestView#what()}, else the note, else "砍价免费拿助力"
	 * (the campaign's name and a word for help).
	 */
	private String title(RequestView request, String campaignName, Locale locale) {
		String what = request.what();
		if (what != null) {
			return what;
		}
		if (request.note() != null && !request.note().isBlank()) {
			return request.note();
		}
		return this.messages.getMessage("request.card.untitled", new Object[] { campaignName }, locale);
	}

	/** "还差 3 次" while the request is open and short of helps. */
	private @Nullable String left(RequestView request, Locale locale) {
		int left = request.helpsNeeded() - request.helpsConfirmed();
		if (!request.isOpen() || left <= 0) {
			return null;
		}
		return this.messages.getMessage("request.card.left", new Object[] { String.valueOf(left) }, locale);
	}

	/**
	 * "这里 62% 的砍价请求完成了", from memory (no statement); null while too few of the campaign's
	 * requests closed in the group.
	 */
	private @Nullable String completion(RequestView request, String campaignName, Locale locale) {
		Double rate = this.completion.rate(request.groupId(), request.campaign());
		if (rate == null) {
			return null;
		}
		return this.messages.getMessage("request.completion",
				new Object[] { String.valueOf(Math.round(rate * 100)), campaignName }, locale);
	}

	/** As Thymeleaf's {@code #strings.abbreviate}: at most {@code max} characters. */
	static String abbreviate(String text, int max) {
		if (text == null || text.length() <= max) {
			return text;
		}
		return text.substring(0, max - 3) + "...";
	}

	private String message(String code, Locale locale) {
		return this.messages.getMessage(code, null, code, locale);
	}

}
