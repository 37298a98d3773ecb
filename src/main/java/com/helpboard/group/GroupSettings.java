package com.helpboard.group;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Group rules of the site (README "Configuration").
 *
 * @param createMinStanding standing a member needs to create a group; admins always can
 * ({@code helpboard.group.create-min-standing}, default 5); standing counts distinct
 * authors helped (docs/credits.md)
 * @param createMinAccountAge how old an account must be to create a group; admins always
 * can ({@code helpboard.group.create-min-account-age}, default 24h)
 */
@ConfigurationProperties("helpboard.group")
record GroupSettings(@DefaultValue("5") int createMinStanding,
		@DefaultValue("24h") java.time.Duration createMinAccountAge) {

}
