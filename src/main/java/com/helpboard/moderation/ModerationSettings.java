package com.helpboard.moderation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Moderation rules of the site (README "Configuration", docs/moderation.md); each group's
 * report threshold is the group's own setting.
 *
 * @param newAccountAge an account younger than this reports with {@code newAccountWeight}
 * ({@code helpboard.moderation.new-account-age}, default 24 h)
 * @param newAccountWeight what a new account's report counts towards the threshold, an
 * established account's counting 1 ({@code helpboard.moderation.new-account-weight},
 * default 0.5)
 * @param falseReportStanding standing a reporter loses when the request they reported is
 * restored ({@code helpboard.moderation.false-report-standing}, default 2)
 * @param phishingStanding standing an author loses when a phishing report on their
 * request is upheld ({@code helpboard.moderation.phishing-standing}, default 10)
 */
@ConfigurationProperties("helpboard.moderation")
record ModerationSettings(@DefaultValue("PT24H") Duration newAccountAge, @DefaultValue("0.5") double newAccountWeight,
		@DefaultValue("2") int falseReportStanding, @DefaultValue("10") int phishingStanding) {

	ModerationSettings {
		if (newAccountWeight <= 0 || newAccountWeight > 1) {
			throw new IllegalArgumentException("helpboard.moderation.new-account-weight is in (0, 1]");
		}
	}

}
