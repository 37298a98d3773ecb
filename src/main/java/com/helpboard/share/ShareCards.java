package com.helpboard.share;

import java.util.Locale;

import com.helpboard.group.GroupView;
import com.helpboard.group.Groups;
import com.helpboard.request.Campaign;
import com.helpboard.request.Campaigns;
import com.helpboard.request.RequestView;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Makes the {@link ShareCard} of a request the viewer may read. */
@Component
class ShareCards {

	/** The longest title a share shows; a poster cuts it further to its lines. */
	static final int MAX_TITLE = 120;

	private final Campaigns campaigns;

	private final Groups groups;

	private final MessageSource messages;

	private final BoardUrls urls;

	ShareCards(Campaigns campaigns, Groups groups, MessageSource messages, BoardUrls urls) {
		this.campaigns = campaigns;
		this.groups = groups;
		this.messages = messages;
		this.urls = urls;
	}

	/**
	 * The card of {@code request}; {@code group} is its group when the caller has it at
	 * hand (the page's model), else it is read.
	 */
	ShareCard of(RequestView request, @Nullable GroupView group, Locale locale) {
		GroupView in = (group != null && group.id() == request.groupId()) ? group
				: this.groups.findById(request.groupId()).orElse(null);
		String groupName = (in != null) ? in.name().in(locale) : request.group();
		Campaign known = this.campaigns.byCode().get(request.campaign());
		String campaign = (known != null) ? known.name().in(locale) : request.campaign();
		return new ShareCard(request.id(), message("platform." + request.platform(), locale),
				"TEMU".equals(request.platform()), campaign, ShareCard.cut(request.title(), MAX_TITLE),
				request.helpsConfirmed(), request.helpsNeeded(), request.isOpen(),
				message("request.status." + request.status().name(), locale), request.expiresAt(), request.author(),
				groupName, this.urls.request(request.id()));
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}
