package com.helpboard.notification;

import java.util.Locale;

import com.helpboard.account.MemberPrincipal;
import com.helpboard.system.Paging;

import org.springframework.data.domain.Pageable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The notifications page, marking read, the "待处理" page and the nav's counts for the
 * page's script.
 */
@Controller
class NotificationController {

	static final int PAGE_SIZE = 20;

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/me/notifications")
	String list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "false") boolean unread,
			@AuthenticationPrincipal MemberPrincipal me, Locale locale, Model model) {
		Pageable paging = Paging.of(page, PAGE_SIZE);
		model.addAttribute("page", this.notifications.page(me.id(), unread, paging, locale));
		model.addAttribute("unreadOnly", unread);
		return "notification/list";
	}

	@PostMapping("/me/notifications/{id}/read")
	String read(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		this.notifications.markOneRead(me.id(), id);
		redirect.addAttribute("page", page);
		return "redirect:/me/notifications";
	}

	@PostMapping("/me/notifications/read")
	String readAll(@AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		int count = this.notifications.markAllRead(me.id());
		redirect.addFlashAttribute("flash", "notification.allRead");
		redirect.addFlashAttribute("flashArgs", new Object[] { count });
		return "redirect:/me/notifications";
	}

	/** Where a member lands after login when they were not on their way anywhere. */
	@GetMapping("/me/todo")
	String todo(@AuthenticationPrincipal MemberPrincipal me, Locale locale, Model model) {
		model.addAttribute("todo", this.notifications.todo(me.id(), locale));
		return "notification/todo";
	}

	/** The nav's counts, for the script that refreshes them on an open page. */
	@GetMapping(value = "/me/counts", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<NavCounts> counts(@AuthenticationPrincipal MemberPrincipal me) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(this.notifications.navCounts(me.id()));
	}

}
