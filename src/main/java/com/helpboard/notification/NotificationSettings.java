package com.helpboard.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notifications' settings (README "Configuration").
 *
 * @param keepReadDays read notifications older than this many days are pruned by the
 * scheduler ({@code helpboard.notifications.keep-read-days}, default 30)
 * @param expiringWarning how long before its expiry an open request's author hears it is
 * about to expire ({@code helpboard.notifications.expiring-warning}, default 1 hour)
 * @param todoExpiringWithin the author's open requests expiring within this long are
 * listed on the "待处理" page ({@code helpboard.notifications.todo-expiring-within}, default
 * 6 hours)
 * @param countsCacheFor how long the nav's counts are kept per member on an instance
 * before they are read again ({@code helpboard.notifications.counts-cache-for}, default
 * 15 seconds); a member's own actions and new notifications drop them at once
 * @param pollEvery how often an open page asks for the counts
 * ({@code helpboard.notifications.poll-every}, default 20 seconds)
 */
@ConfigurationProperties("helpboard.notifications")
record NotificationSettings(@DefaultValue("30") int keepReadDays, @DefaultValue("PT1H") Duration expiringWarning,
		@DefaultValue("PT6H") Duration todoExpiringWithin, @DefaultValue("PT15S") Duration countsCacheFor,
		@DefaultValue("PT20S") Duration pollEvery) {

	NotificationSettings {
		if (keepReadDays < 1) {
			throw new IllegalArgumentException("helpboard.notifications.keep-read-days must be at least 1");
		}
		if (expiringWarning.isNegative() || expiringWarning.isZero() || pollEvery.toSeconds() < 1) {
			throw new IllegalArgumentException(
					"helpboard.notifications: expiring-warning and poll-every must be positive");
		}
	}

}
