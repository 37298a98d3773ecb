package com.helpboard.stats;

import java.time.LocalDate;
import java.util.List;

import com.helpboard.account.MemberPrincipal;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/stats} and {@code GET /api/v1/groups/{slug}/stats}, as API.md says.
 */
@RestController
@RequestMapping("/api/v1")
class StatsApiController {

	private final Statistics statistics;

	StatsApiController(Statistics statistics) {
		this.statistics = statistics;
	}

	record DayJson(LocalDate day, long posted, long helpsConfirmed, long fulfilled, long expired) {
	}

	record CampaignJson(String campaign, long posted, long fulfilled, @Nullable Double completionRate,
			@Nullable Double medianHoursToFulfil, long expired, String name, String nameEn) {
	}

	record StatsJson(List<DayJson> days, List<CampaignJson> campaigns) {

		static StatsJson of(StatsReport report) {
			return new StatsJson(
					report.days()
						.stream()
						.map((d) -> new DayJson(d.day(), d.posted(), d.helpsConfirmed(), d.fulfilled(), d.expired()))
						.toList(),
					report.campaigns()
						.stream()
						.map((c) -> new CampaignJson(c.campaign(), c.posted(), c.fulfilled(), c.completionRate(),
								c.medianHoursToFulfil(), c.expired(), c.name().zh(), c.name().en()))
						.toList());
		}

	}

	/** The site's (its public groups') last {@code days} China days, today included. */
	@GetMapping("/stats")
	StatsJson site(@RequestParam(defaultValue = "30") int days) {
		return StatsJson.of(this.statistics.site(days));
	}

	/** One group's; not found for outsiders of a private group. */
	@GetMapping("/groups/{slug}/stats")
	StatsJson group(@PathVariable String slug, @RequestParam(defaultValue = "30") int days,
			@AuthenticationPrincipal @Nullable MemberPrincipal me) {
		return StatsJson.of(this.statistics.group(slug, (me != null) ? me.id() : null, days).report());
	}

}
