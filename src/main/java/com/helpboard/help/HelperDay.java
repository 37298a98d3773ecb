package com.helpboard.help;

import java.time.Instant;
import java.util.List;

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

	public long total() {
		return this.campaigns.stream().mapToLong(CampaignCount::helped).sum();
	}

}
