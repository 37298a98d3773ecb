package com.helpboard.request;

import java.time.Duration;
import java.time.Instant;

import com.helpboard.link.Platform;
import com.helpboard.system.ChinaTime;
import com.helpboard.system.LocalizedText;

/**
 * A campaign type's rules, as a value: how long its requests live, its helper cap, and
 * how many helps its requests usually need ({@code defaultHelps}, where the post form
 * starts).
 */
public record Campaign(String code, Platform platform, LocalizedText name, TtlMode ttlMode, int defaultTtlHours,
		int maxTtlHours, int helperDailyCap, boolean newUserOnly, String region, int defaultHelps) {

	/** A campaign whose requests usually need one help. */
	public Campaign(String code, Platform platform, LocalizedText name, TtlMode ttlMode, int defaultTtlHours,
			int maxTtlHours, int helperDailyCap, boolean newUserOnly, String region) {
		this(code, platform, name, ttlMode, defaultTtlHours, maxTtlHours, helperDailyCap, newUserOnly, region, 1);
	}

	public enum TtlMode {

		HOURS, MIDNIGHT

	}

	/**
	 * When a request posted now expires: the campaign's default, or sooner if the member
	 * asks; never later than the campaign allows (the caller refuses longer asks).
	 */
	public Instant expiryFrom(Instant now, Integer requestedHours) {
		Instant latest = latestExpiry(now);
		Instant chosen = (requestedHours != null) ? now.plus(Duration.ofHours(requestedHours))
				: (this.ttlMode == TtlMode.MIDNIGHT) ? latest : now.plus(Duration.ofHours(this.defaultTtlHours));
		return chosen.isAfter(latest) ? latest : chosen;
	}

	/** The latest expiry the campaign allows for a request posted now. */
	public Instant latestExpiry(Instant now) {
		if (this.ttlMode == TtlMode.MIDNIGHT) {
			return ChinaTime.nextMidnight(now);
		}
		return now.plus(Duration.ofHours(this.maxTtlHours));
	}

	/** Whole hours a member may ask for at most, for forms and messages. */
	public int maxHoursFrom(Instant now) {
		return (int) Math.max(1, Duration.between(now, latestExpiry(now)).toHours());
	}

}
