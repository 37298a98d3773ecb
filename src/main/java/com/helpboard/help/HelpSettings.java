package com.helpboard.help;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may help where (README "Configuration").
 *
 * @param newUserDays an account counts as new for this many days; only new accounts may
 * help campaigns marked "new users only" ({@code helpboard.help.new-user-days}, default
 * 7)
 */
@ConfigurationProperties("helpboard.help")
record HelpSettings(@DefaultValue("7") int newUserDays) {

	/** How long an account counts as new. */
	Duration newUserAge() {
		return Duration.ofDays(this.newUserDays);
	}

}
