package com.helpboard.help;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.helpboard.request.Campaign;
import com.helpboard.system.ChinaTime;

/**
 * How much a helper has helped today (the Asia/Shanghai day) per campaign, against each
 * campaign's daily cap, and when the caps reset.
 */
public record HelperDay(List<CampaignCount> campaigns, Instant resetsAt) {

	public record CampaignCount(String campaign, com.helpboard.system.LocalizedText name, long helped, int cap) {

		public boolean capped() {
			return this.helped >= this.cap;
		}

	}

	/** The day's claims per campaign code against the campaigns' caps. */
	static HelperDay of(Map<String, Long> counts, List<Campaign> campaigns, Instant now) {
		List<CampaignCount> rows = new ArrayList<>();
		for (Campaign campaign : campaigns) {
			long helped = counts.getOrDefault(campaign.code(), 0L);
			if (helped > 0) {
				rows.add(new CampaignCount(campaign.code(), campaign.name(), helped, campaign.helperDailyCap()));
			}
		}
		return new HelperDay(rows, ChinaTime.nextMidnight(now));
	}

	public long total() {
		return this.campaigns.stream().mapToLong(CampaignCount::helped).sum();
	}

}
