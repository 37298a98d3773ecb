package com.helpboard.group;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Group rules of the site (README "Configuration").
 *
 * @param createMinStanding standing a member needs to create a group; admins always can
 * ({@code helpboard.group.create-min-standing}, default 5)
 */
@ConfigurationProperties("helpboard.group")
record GroupSettings(@DefaultValue("5") int createMinStanding) {

}
