package com.helpboard.share;

import java.util.Locale;

import com.helpboard.group.GroupView;
import com.helpboard.request.RequestView;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The Open Graph tags of a page showing one request, for {@code fragments/og.html}:
 * {@code ${@shareTags.of(request, group, #locale)}} with the page's model, null on pages
 * without a request (they keep the site's tags). Only pages the viewer may read have a
 * request in their model, so the tags tell nobody more than the page does. Thymeleaf
 * escapes what the template writes.
 */
@Component("shareTags")
class ShareTags {

	/** Chat apps cut titles long before this. */
	static final int MAX_TITLE = 60;

	private final ShareCards cards;

	private final BoardUrls urls;

	private final MessageSource messages;

	ShareTags(ShareCards cards, BoardUrls urls, MessageSource messages) {
		this.cards = cards;
		this.urls = urls;
		this.messages = messages;
	}

	/** What a chat app shows of a link to a request page. */
	record Tags(String title, String description, String image, String url) {
	}

	public @Nullable Tags of(@Nullable Object request, @Nullable Object group, Locale locale) {
		if (!(request instanceof RequestView view)) {
			return null;
		}
		ShareCard card = this.cards.of(view, (group instanceof GroupView g) ? g : null, locale);
		String title = this.messages.getMessage("share.og.title",
				new Object[] { ShareCard.cut(card.title(), MAX_TITLE), card.campaign() }, locale);
		String description = card.open()
				? this.messages.getMessage("share.og.description", new Object[] { card.remaining(), card.group() },
						locale)
				: this.messages.getMessage("share.og.description.closed", new Object[] { card.status(), card.group() },
						locale);
		return new Tags(title, description, this.urls.poster(card.id()), card.url());
	}

}
