package com.helpboard.share;

import java.util.Locale;

import com.helpboard.group.GroupView;
import com.helpboard.request.RequestView;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the author's share panel on {@code /r/{id}} offers ({@code request/share.html}): a
 * ready text pointing at the request's page on this board, never at the raw Pinduoduo
 * link, and its parts for the Web Share API.
 */
@Component("sharePanels")
class SharePanels {

	/** Short enough to read in a chat's preview line. */
	static final int MAX_TITLE = 40;

	private final ShareCards cards;

	private final MessageSource messages;

	SharePanels(ShareCards cards, MessageSource messages) {
		this.cards = cards;
		this.messages = messages;
	}

	/**
	 * @param title the share sheet's title
	 * @param words the text without the link (the share sheet adds the link)
	 * @param url the request's page on this board
	 * @param text words and link together, to copy and paste
	 */
	record Panel(String title, String words, String url, String text) {
	}

	/**
	 * The panel of {@code request}; {@code group} is the page's group, when it has one.
	 */
	public Panel of(RequestView request, @Nullable Object group, Locale locale) {
		ShareCard card = this.cards.of(request, (group instanceof GroupView g) ? g : null, locale);
		String title = ShareCard.cut(card.title(), MAX_TITLE);
		String words = this.messages.getMessage("share.text.words", new Object[] { title, card.remaining() }, locale);
		String text = this.messages.getMessage("share.text", new Object[] { words, card.url() }, locale);
		return new Panel(title, words, card.url(), text);
	}

}
