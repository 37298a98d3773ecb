package com.helpboard.request.spi;

import org.jspecify.annotations.Nullable;

/**
 * How often a campaign's requests complete in a group, which each request card shows ("这里
 * 62% 的砍价请求完成了") and the API returns as {@code campaignCompletionRate}. Implemented by
 * the stats module from its daily rows, answered from memory: a feed page asks it once
 * per card, so an answer must cost no statement.
 */
public interface CampaignCompletion {

	/**
	 * The share (0–1) of the campaign's requests in the group that were fulfilled, of
	 * those closed (fulfilled or expired) over the last 30 days; null when too few closed
	 * to say (fewer than 10).
	 */
	@Nullable Double rate(long groupId, String campaign);

	/**
	 * A number that changes whenever the rates do, so what was drawn with the old ones (a
	 * feed page's cards, kept for seconds) is drawn again.
	 */
	default long version() {
		return 0;
	}

}
