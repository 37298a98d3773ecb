package com.helpboard.group;

import com.helpboard.account.Accounts;
import com.helpboard.account.MemberPrincipal;
import com.helpboard.system.FieldRejection;
import com.helpboard.system.HelpBoardException;
import com.helpboard.system.NotFound;
import com.helpboard.system.Violations;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

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

@Controller
class GroupController {

	private final Groups groups;

	private final Accounts accounts;

	GroupController(Groups groups, Accounts accounts) {
		this.groups = groups;
		this.accounts = accounts;
	}

	@PostMapping("/g/{slug}/join")
	String join(@PathVariable String slug, @RequestParam(required = false) String code,
			@RequestParam(required = false) String then, @AuthenticationPrincipal MemberPrincipal me,
			RedirectAttributes redirect) {
		try {
			this.groups.join(slug, me.id(), code);
			redirect.addFlashAttribute("flash", "group.joined");
			if ("post".equals(then)) {
				// joined from the post form: back to it (a fixed path, never a given one)
				return "redirect:/g/" + slug + "/post";
			}
		}
		catch (NotFound ex) {
			throw ex;
		}
		catch (HelpBoardException ex) {
			redirect.addFlashAttribute("flash", ex.messageKey());
			if (this.groups.get(slug).isPrivate()) {
				// a private group's page is closed to non-members: say it on the list
				return "redirect:/g";
			}
		}
		return "redirect:/g/" + slug;
	}

	@PostMapping("/g/{slug}/leave")
	String leave(@PathVariable String slug, @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		try {
			this.groups.leave(slug, me.id());
			redirect.addFlashAttribute("flash", "group.left");
			if (this.groups.get(slug).isPrivate()) {
				// its page is closed to non-members now
				return "redirect:/g";
			}
		}
		catch (NotFound ex) {
			throw ex;
		}
		catch (HelpBoardException ex) {
			redirect.addFlashAttribute("flash", ex.messageKey());
		}
		return "redirect:/g/" + slug;
	}

	/**
	 * The page's {@link NewGroup}: a visibility must be chosen; the rest is the
	 * command's.
	 */
	record GroupForm(String slug, String name, String description, String rules, @NotNull Visibility visibility) {
	}

	@GetMapping("/groups/new")
	String newGroup(@AuthenticationPrincipal MemberPrincipal me, Model model) {
		model.addAttribute("form", new GroupForm("", "", "", "", Visibility.PUBLIC));
		return newGroupPage(me, model);
	}

	/** The form, told first whether the member may create a group (and the rule). */
	private String newGroupPage(MemberPrincipal me, Model model) {
		model.addAttribute("creationRule", this.groups.creationRule());
		if (!model.containsAttribute("refusal")) {
			this.groups.creationRefusal(me.id()).ifPresent((refusal) -> model.addAttribute("refusal", refusal));
		}
		return "group/new";
	}

	@PostMapping("/groups/new")
	String create(@Valid @ModelAttribute("form") GroupForm form, BindingResult result,
			@AuthenticationPrincipal MemberPrincipal me, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return newGroupPage(me, model);
		}
		try {
			GroupView group = this.groups.create(me.id(),
					new NewGroup(form.slug(), form.name(), form.description(), form.rules(), form.visibility(), null));
			redirect.addFlashAttribute("flash", "group.created");
			return "redirect:/g/" + group.slug();
		}
		catch (FieldRejection ex) {
			result.rejectValue(ex.field(), ex.messageKey(), ex.arguments(), ex.messageKey());
			return newGroupPage(me, model);
		}
		catch (ConstraintViolationException ex) {
			Violations.rejectInto(ex, result);
			return newGroupPage(me, model);
		}
		catch (HelpBoardException ex) {
			model.addAttribute("refusal", ex);
			return newGroupPage(me, model);
		}
	}

	/**
	 * The constraints are those of {@link Groups#updateRules}; the number must be there.
	 */
	record RulesForm(String description, String rules, @NotNull Integer maxOpenPerMember) {
	}

	@GetMapping("/g/{slug}/settings")
	String settings(@PathVariable String slug, @AuthenticationPrincipal MemberPrincipal me, Model model) {
		GroupView group = this.groups.get(slug);
		if (!this.groups.isOwner(group, me.id())) {
			throw HelpBoardException.forbidden("group.owner.only");
		}
		model.addAttribute("form",
				new RulesForm(group.description().zh(), group.rules().zh(), group.maxOpenPerMember()));
		return settingsPage(group, me, model);
	}

	/**
	 * The settings page: the rules form, the invite code, the report threshold and the
	 * moderators (named and removed through the moderation module, which logs it).
	 */
	private String settingsPage(GroupView group, MemberPrincipal me, Model model) {
		model.addAttribute("group", group);
		model.addAttribute("inviteCode", group.isPrivate() ? this.groups.inviteCode(group.slug(), me.id()) : null);
		model.addAttribute("reportThreshold", this.groups.reportThreshold(group.id()));
		model.addAttribute("moderators", this.accounts.usernames(this.groups.moderatorsOf(group.id())).values());
		return "group/settings";
	}

	@PostMapping("/g/{slug}/report-threshold")
	String saveReportThreshold(@PathVariable String slug, @RequestParam(required = false) Integer reportThreshold,
			@AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		try {
			this.groups.updateReportThreshold(slug, me.id(), (reportThreshold != null) ? reportThreshold : 0);
			redirect.addFlashAttribute("flash", "group.settings.saved");
		}
		catch (ConstraintViolationException ex) {
			redirect.addFlashAttribute("flash", "group.report-threshold.invalid");
		}
		return "redirect:/g/" + slug + "/settings";
	}

	@PostMapping("/g/{slug}/settings")
	String saveSettings(@PathVariable String slug, @Valid @ModelAttribute("form") RulesForm form, BindingResult result,
			@AuthenticationPrincipal MemberPrincipal me, Model model, RedirectAttributes redirect) {
		GroupView group = this.groups.get(slug);
		if (!result.hasErrors()) {
			try {
				this.groups.updateRules(slug, me.id(), form.description(), form.rules(), form.maxOpenPerMember());
				redirect.addFlashAttribute("flash", "group.settings.saved");
				return "redirect:/g/" + slug + "/settings";
			}
			catch (ConstraintViolationException ex) {
				Violations.rejectInto(ex, result);
			}
		}
		return settingsPage(group, me, model);
	}

	@PostMapping("/g/{slug}/invite")
	String rotateInvite(@PathVariable String slug, @AuthenticationPrincipal MemberPrincipal me,
			RedirectAttributes redirect) {
		this.groups.rotateInviteCode(slug, me.id());
		redirect.addFlashAttribute("flash", "group.invite.rotated");
		return "redirect:/g/" + slug + "/settings";
	}

}
