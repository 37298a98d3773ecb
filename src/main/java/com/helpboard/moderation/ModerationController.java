package com.helpboard.moderation;

import com.helpboard.account.MemberPrincipal;
import com.helpboard.request.RequestView;
import com.helpboard.request.Requests;
import com.helpboard.system.HelpBoardException;
import com.helpboard.system.MemberSessions;
import com.helpboard.system.NotFound;
import com.helpboard.system.Paging;
import com.helpboard.system.Violations;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The moderation pages: the report form, the queue with its actions and the group's bans,
 * naming moderators (from the group's settings page), suspensions and the public log.
 */
@Controller
class ModerationController {

	private final Moderation moderation;

	private final Requests requests;

	private final MemberSessions sessions;

	ModerationController(Moderation moderation, Requests requests, MemberSessions sessions) {
		this.moderation = moderation;
		this.requests = requests;
		this.sessions = sessions;
	}

	/** The page's report: a reason must be chosen; the rest is the facade's. */
	record ReportForm(@Nullable ReportReason reason, @Nullable String detail) {
	}

	@GetMapping("/r/{id}/report")
	String reportForm(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, Model model) {
		model.addAttribute("form", new ReportForm(null, ""));
		return reportPage(this.requests.get(id, me.id()), model);
	}

	@PostMapping("/r/{id}/report")
	String report(@PathVariable long id, @ModelAttribute("form") ReportForm form, BindingResult result,
			@AuthenticationPrincipal MemberPrincipal me, Model model, RedirectAttributes redirect) {
		RequestView request = this.requests.get(id, me.id());
		if (result.hasErrors()) {
			return reportPage(request, model);
		}
		try {
			Moderation.Reported reported = this.moderation.report(me.id(), id, form.reason(), form.detail());
			if (reported.hidden()) {
				// hidden now: the reporter may no longer see it
				redirect.addFlashAttribute("flash", "moderation.reported.hidden");
				return "redirect:/g/" + request.group();
			}
			redirect.addFlashAttribute("flash", "moderation.reported");
			return "redirect:/r/" + id;
		}
		catch (ConstraintViolationException ex) {
			Violations.rejectInto(ex, result);
		}
		catch (NotFound ex) {
			throw ex;
		}
		catch (HelpBoardException ex) {
			result.reject(ex.messageKey(), ex.arguments(), ex.messageKey());
		}
		return reportPage(request, model);
	}

	private String reportPage(RequestView request, Model model) {
		model.addAttribute("request", request);
		model.addAttribute("reasons", ReportReason.values());
		model.addAttribute("maxDetail", Moderation.MAX_DETAIL);
		return "moderation/report";
	}

	@GetMapping("/mod")
	String queue(@RequestParam(required = false) String group, @AuthenticationPrincipal MemberPrincipal me,
			Model model) {
		String slug = (group == null || group.isBlank()) ? null : group;
		model.addAttribute("items", this.moderation.queue(me.id(), slug));
		model.addAttribute("group", slug);
		model.addAttribute("groups", this.moderation.groupsModeratedBy(me.id()));
		model.addAttribute("admin", this.moderation.isAdmin(me.id()));
		model.addAttribute("maxReason", Moderation.MAX_REASON);
		if (slug != null) {
			model.addAttribute("bans", this.moderation.bans(me.id(), slug));
		}
		return "moderation/queue";
	}

	@PostMapping("/mod/requests/{id}/hide")
	String hide(@PathVariable long id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String group, @AuthenticationPrincipal MemberPrincipal me,
			RedirectAttributes redirect) {
		act(() -> this.moderation.hide(me.id(), id, reason), "moderation.hidden", redirect);
		return backToQueue(group);
	}

	@PostMapping("/mod/requests/{id}/restore")
	String restore(@PathVariable long id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String group, @AuthenticationPrincipal MemberPrincipal me,
			RedirectAttributes redirect) {
		act(() -> this.moderation.restore(me.id(), id, reason), "moderation.restored", redirect);
		return backToQueue(group);
	}

	@PostMapping("/mod/groups/{slug}/bans")
	String ban(@PathVariable String slug, @RequestParam(required = false) String username,
			@RequestParam(required = false) Integer hours, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		act(() -> this.moderation.ban(me.id(), slug, (username != null) ? username.strip() : "", hours, reason),
				"moderation.banned", redirect);
		return backToQueue(slug);
	}

	@PostMapping("/mod/groups/{slug}/bans/lift")
	String unban(@PathVariable String slug, @RequestParam String username, @AuthenticationPrincipal MemberPrincipal me,
			RedirectAttributes redirect) {
		act(() -> this.moderation.unban(me.id(), slug, username), "moderation.unbanned", redirect);
		return backToQueue(slug);
	}

	@PostMapping("/mod/groups/{slug}/moderators")
	String moderators(@PathVariable String slug, @RequestParam(required = false) String username,
			@RequestParam(defaultValue = "true") boolean moderator, @AuthenticationPrincipal MemberPrincipal me,
			RedirectAttributes redirect) {
		act(() -> this.moderation.setModerator(me.id(), slug, (username != null) ? username.strip() : "", moderator),
				moderator ? "moderation.moderator.added" : "moderation.moderator.removed", redirect);
		return "redirect:/g/" + slug + "/settings";
	}

	@GetMapping("/mod/suspensions")
	String suspensions(@AuthenticationPrincipal MemberPrincipal me, Model model) {
		if (!this.moderation.isAdmin(me.id())) {
			throw HelpBoardException.forbidden("moderation.admin-only");
		}
		model.addAttribute("maxReason", Moderation.MAX_REASON);
		return "moderation/suspensions";
	}

	@PostMapping("/mod/suspensions")
	String suspend(@RequestParam(required = false) String username, @RequestParam(required = false) String reason,
			@RequestParam(defaultValue = "true") boolean suspend, @AuthenticationPrincipal MemberPrincipal me,
			HttpServletRequest request, RedirectAttributes redirect) {
		String name = (username != null) ? username.strip() : "";
		if (suspend) {
			act(() -> {
				var suspended = this.moderation.suspend(me.id(), name, reason);
				if (suspended != null) {
					this.sessions.endOtherSessions(request, suspended.id(), suspended.username());
				}
			}, "moderation.suspended", redirect);
		}
		else {
			act(() -> this.moderation.unsuspend(me.id(), name), "moderation.unsuspended", redirect);
		}
		return "redirect:/mod/suspensions";
	}

	@GetMapping("/mod/log")
	String log(@RequestParam(required = false) String group, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal MemberPrincipal me, Model model) {
		String slug = (group == null || group.isBlank()) ? null : group;
		model.addAttribute("lines", this.moderation.log((me != null) ? me.id() : null, slug, Paging.of(page, 50)));
		model.addAttribute("group", slug);
		return "moderation/log";
	}

	/**
	 * Runs a moderator's action; a refusal is said in the flash (a 403 or 404 is the
	 * refusal page).
	 */
	private void act(Runnable action, String done, RedirectAttributes redirect) {
		try {
			action.run();
			redirect.addFlashAttribute("flash", done);
		}
		catch (ConstraintViolationException ex) {
			redirect.addFlashAttribute("flash", "moderation.input.invalid");
		}
		catch (HelpBoardException ex) {
			// a mistyped name is said on the page; other refusals are the refusal page
			boolean unknownMember = "account.member.not-found".equals(ex.messageKey());
			if (!unknownMember && (ex instanceof NotFound || ex instanceof com.helpboard.system.NotAllowed)) {
				throw ex;
			}
			redirect.addFlashAttribute("flash", ex.messageKey());
			redirect.addFlashAttribute("flashArgs", ex.arguments());
		}
	}

	private static String backToQueue(@Nullable String group) {
		return "redirect:" + UriComponentsBuilder.fromPath("/mod")
			.queryParamIfPresent("group", java.util.Optional.ofNullable(group).filter((g) -> !g.isBlank()))
			.encode()
			.build()
			.toUriString();
	}

}
