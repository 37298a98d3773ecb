package com.helpboard.notification;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.helpboard.account.MemberPrincipal;
import com.helpboard.system.HelpBoardException;
import com.helpboard.system.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me/notifications")
class NotificationApiController {

	/** Ids one call may mark read. */
	static final int MAX_IDS = 1000;

	private final Notifications notifications;

	NotificationApiController(Notifications notifications) {
		this.notifications = notifications;
	}

	record Item(long id, String kind, Instant at, boolean read, String text, String link, @Nullable Long request,
			@Nullable Long claim) {

		static Item of(NotificationView n) {
			return new Item(n.id(), n.kind().name(), n.at(), n.read(), n.text(), n.link(), n.requestId(), n.claimId());
		}

	}

	/** The paged list shape, plus the member's unread count. */
	record NotificationsJson(List<Item> items, int page, int size, boolean hasNext, long unread) {

	}

	@GetMapping
	NotificationsJson list(@AuthenticationPrincipal MemberPrincipal me,
			@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, Locale locale) {
		Notifications.NotificationPage result = this.notifications.page(me.id(), unread, Paging.of(page, size), locale);
		return new NotificationsJson(result.items().getContent().stream().map(Item::of).toList(), page, size,
				result.items().hasNext(), result.unread());
	}

	record ReadJson(@Nullable List<Long> ids) {

	}

	/**
	 * Marks the given notifications read (others' ids are ignored), or all without ids.
	 */
	@PostMapping("/read")
	ResponseEntity<Void> read(@AuthenticationPrincipal MemberPrincipal me,
			@RequestBody(required = false) @Nullable ReadJson body) {
		if (body == null || body.ids() == null) {
			this.notifications.markAllRead(me.id());
		}
		else {
			if (body.ids().size() > MAX_IDS) {
				throw HelpBoardException.badRequest("notification.too-many-ids", MAX_IDS);
			}
			this.notifications.markRead(me.id(), body.ids());
		}
		return ResponseEntity.noContent().build();
	}

}
