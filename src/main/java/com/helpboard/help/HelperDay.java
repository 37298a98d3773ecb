package com.helpboard.help;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
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

	private static final DateTimeFormatter RESETS_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ChinaTime.ZONE);

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

	/**
	 * When the caps reset, as the page shows it (China time, {@code yyyy-MM-dd HH:mm}):
	 * written here, the queue page's {@code @chinaTime} call cost more than the rest of
	 * its line (docs/performance.md).
	 */
	public String resetsAtText() {
		return RESETS_AT.format(this.resetsAt);
	}

	public long total() {
		return this.campaigns.stream().mapToLong(CampaignCount::helped).sum();
	}

}
