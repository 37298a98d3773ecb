package com.helpboard.profile;

import com.helpboard.account.Accounts;
import com.helpboard.account.MemberPrincipal;
import com.helpboard.group.Groups;
import com.helpboard.stats.Statistics;
import com.helpboard.system.FieldRejection;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The member's own page; its forms (tokens, password) post to the account module. */
@Controller
class ProfileController {

	private final Profiles profiles;

	private final Accounts accounts;

	private final Groups groups;

	private final Statistics statistics;

	ProfileController(Profiles profiles, Accounts accounts, Groups groups, Statistics statistics) {
		this.profiles = profiles;
		this.accounts = accounts;
		this.groups = groups;
		this.statistics = statistics;
	}

	@GetMapping("/me")
	String profile(@AuthenticationPrincipal MemberPrincipal me, Model model) {
		model.addAttribute("profile", this.profiles.of(me.id()));
		model.addAttribute("tokens", this.accounts.tokens(me.id()));
		// owners, moderators and site admins get a way to the moderation queue
		model.addAttribute("moderates", me.admin() || !this.groups.moderatedBy(me.id()).isEmpty());
		model.addAttribute("helps", this.profiles.latestHelpPayments(me.id()));
		model.addAttribute("leavesLeaderboards", this.statistics.leavesLeaderboards(me.id()));
		return "profile/profile";
	}

	/**
	 * Sets or clears the nickname shown on the member's claims; a refused one comes back
	 * beside the field, as typed, and changes nothing.
	 */
	@PostMapping("/me/nickname")
	String nickname(@RequestParam(required = false) String nickname, @AuthenticationPrincipal MemberPrincipal me,
			RedirectAttributes redirect) {
		try {
			boolean set = this.accounts.changeNickname(me.id(), nickname).isPresent();
			redirect.addFlashAttribute("flash", set ? "profile.nickname.saved" : "profile.nickname.cleared");
		}
		catch (FieldRejection ex) {
			redirect.addFlashAttribute("nicknameError", ex.messageKey());
			redirect.addFlashAttribute("nicknameTyped", (nickname != null && nickname.length() <= 200) ? nickname : "");
		}
		return "redirect:/me#nickname-form";
	}

}
