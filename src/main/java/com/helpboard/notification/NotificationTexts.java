package com.helpboard.notification;

import java.util.Locale;
import java.util.Map;

import com.helpboard.request.RequestView;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Puts a stored notification into words, when it is read, in the reader's language:
 * {@code notification.<KIND>} (and {@code notification.<KIND>.auto} for a claim that
 * confirmed itself) with {0} the request's title, {1} the other member's name, {2} the
 * detail (a boost's hours); and says where it leads.
 */
@Component
class NotificationTexts {

	private static final int TITLE_LENGTH = 40;

	private final MessageSource messages;

	NotificationTexts(MessageSource messages) {
		this.messages = messages;
	}

	NotificationView view(Notification n, Map<Long, RequestView> requests, Map<Long, String> names, Locale locale) {
		RequestView request = (n.getRequestId() != null) ? requests.get(n.getRequestId()) : null;
		String title = (request != null) ? abbreviate(request.title())
				: this.messages.getMessage("notification.request.gone", null, locale);
		String actor = (n.getActorId() != null) ? names.getOrDefault(n.getActorId(), "?") : "";
		String key = "notification." + n.getKind().name();
		String detail = (n.getDetail() != null) ? n.getDetail() : "";
		if (n.getKind() == NotificationKind.CLAIM_CONFIRMED && "auto".equals(n.getDetail())) {
			key += ".auto";
		}
		if (n.getKind() == NotificationKind.CLAIM_REJECTED && n.getDetail() != null) {
			// the stored reason is a RejectReason's name; put it into the reader's words
			key += ".reason";
			detail = this.messages.getMessage("help.rejectReason." + n.getDetail(), null, n.getDetail(), locale);
		}
		String text = this.messages.getMessage(key, new Object[] { title, actor, detail }, locale);
		return new NotificationView(n.getId(), n.getKind(), n.getCreatedAt(), n.getReadAt() != null, text,
				link(n.getKind(), n.getRequestId()), n.getRequestId(), n.getClaimId());
	}

	/** A claim to answer leads to the list of them; everything else to its request. */
	static String link(NotificationKind kind, @Nullable Long requestId) {
		if (kind == NotificationKind.CLAIM_WAITING) {
			return "/waiting";
		}
		return (requestId != null) ? "/r/" + requestId : "/me/notifications";
	}

	private static String abbreviate(String title) {
		String flat = title.replaceAll("\\s+", " ").strip();
		if (flat.codePointCount(0, flat.length()) <= TITLE_LENGTH) {
			return flat;
		}
		return flat.substring(0, flat.offsetByCodePoints(0, TITLE_LENGTH - 1)) + "…";
	}

}
