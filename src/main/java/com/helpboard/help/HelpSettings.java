package com.helpboard.help;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may help where (README "Configuration", docs/credits.md).
 *
 * @param newUserDays an account counts as new for this many days; only new accounts may
 * help campaigns marked "new users only" ({@code helpboard.help.new-user-days}, default
 * 7)
 * @param maxPendingClaims claims a helper may have waiting for their authors' answers at
 * once ({@code helpboard.help.max-pending-claims}, default 10)
 * @param rejectAutoConfirmedWithin how long after a claim confirmed itself its author may
 * still reject it, which takes its credit back
 * ({@code helpboard.help.reject-auto-confirmed-within}, default 72h)
 * @param standingCounterpartWindow a confirmed help earns standing only when it is the
 * helper's first confirmed help to that author in this window
 * ({@code helpboard.help.standing-counterpart-window}, default 30d)
 */
@ConfigurationProperties("helpboard.help")
record HelpSettings(@DefaultValue("7") int newUserDays, @DefaultValue("10") int maxPendingClaims,
		@DefaultValue("72h") Duration rejectAutoConfirmedWithin,
		@DefaultValue("30d") Duration standingCounterpartWindow) {

	/** How long an account counts as new. */
	Duration newUserAge() {
		return Duration.ofDays(this.newUserDays);
	}

}
