package com.helpboard.stats;

import java.time.LocalDate;
import java.util.List;

import com.helpboard.system.LocalizedText;

import org.jspecify.annotations.Nullable;

/**
 * The statistics of the site or one group over its last days, from the daily rows.
 *
 * @param days every China day of the window, oldest first, days with nothing as zeros
 * @param campaigns each campaign with requests posted or closed in the window, most
 * posted first
 */
public record StatsReport(List<Day> days, List<CampaignStats> campaigns) {

	/** What happened on one China day. */
	public record Day(LocalDate day, long posted, long helpsConfirmed, long fulfilled, long expired) {
	}

	/**
	 * One campaign over the window.
	 *
	 * @param campaign its code
	 * @param name its name
	 * @param posted requests posted
	 * @param fulfilled requests fulfilled
	 * @param expired requests expired
	 * @param completionRate fulfilled of those closed (fulfilled or expired), 0–1; null
	 * when none closed
	 * @param medianHoursToFulfil the median time from posting to fulfilment of those
	 * fulfilled, in hours to a tenth, approximate to 5 minutes; null when none was
	 */
	public record CampaignStats(String campaign, LocalizedText name, long posted, long fulfilled, long expired,
			@Nullable Double completionRate, @Nullable Double medianHoursToFulfil) {

		/**
		 * The completion rate as a whole percentage, for pages; null when none closed.
		 */
		public @Nullable Long completionPercent() {
			return (this.completionRate != null) ? Math.round(this.completionRate * 100) : null;
		}

	}

}
