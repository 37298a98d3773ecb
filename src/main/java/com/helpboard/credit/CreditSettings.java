package com.helpboard.credit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How credit is earned (README "Configuration").
 *
 * @param perHelp credits a confirmed help earns ({@code helpboard.credit.per-help},
 * default 1)
 * @param dailyEarnCap credits one member can earn per day, China time
 * ({@code helpboard.credit.daily-earn-cap}, default 20)
 */
@ConfigurationProperties("helpboard.credit")
record CreditSettings(@DefaultValue("1") long perHelp, @DefaultValue("20") long dailyEarnCap) {

}
