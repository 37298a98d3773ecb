package com.helpboard.stats;

import com.helpboard.account.MemberPrincipal;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The stats pages (the site's and each group's: charts drawn from the tables below them,
 * so they read without JavaScript) and the profile's leaderboard choice.
 */
@Controller
class StatsController {

	/** The days a stats page shows. */
	static final int PAGE_DAYS = 30;

	private final Statistics statistics;

	StatsController(Statistics statistics) {
		this.statistics = statistics;
	}

	@GetMapping("/stats")
	String site(Model model) {
		model.addAttribute("report", this.statistics.site(PAGE_DAYS));
		model.addAttribute("pageDays", PAGE_DAYS);
		return "stats/stats";
	}

	@GetMapping("/g/{slug}/stats")
	String group(@PathVariable String slug, @AuthenticationPrincipal @Nullable MemberPrincipal me, Model model) {
		GroupStats stats = this.statistics.group(slug, (me != null) ? me.id() : null, PAGE_DAYS);
		model.addAttribute("group", stats.group());
		model.addAttribute("report", stats.report());
		model.addAttribute("leaders", stats.leaders());
		model.addAttribute("weekStart", stats.weekStart());
		model.addAttribute("pageDays", PAGE_DAYS);
		return "stats/stats";
	}

	/**
	 * The profile's checkbox: keep my name off the helpers' leaderboards (an unchecked
	 * box sends nothing).
	 */
	record LeaderboardForm(@Nullable Boolean leave) {

		boolean leaves() {
			return Boolean.TRUE.equals(this.leave);
		}

	}

	@PostMapping("/me/leaderboard")
	String leaderboard(LeaderboardForm form, @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		this.statistics.leaveLeaderboards(me.id(), form.leaves());
		redirect.addFlashAttribute("flash", form.leaves() ? "stats.leaderboard.left" : "stats.leaderboard.joined");
		return "redirect:/me";
	}

}
