package com.helpboard.credit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How credit is earned (README "Configuration", docs/credits.md).
 *
 * @param perHelp credits a confirmed help earns ({@code helpboard.credit.per-help},
 * default 1)
 * @param dailyEarnCap credits one member can earn per day, China time
 * ({@code helpboard.credit.daily-earn-cap}, default 20)
 * @param pairWeeklyCap credits one helper can earn from one author in a rolling week
 * ({@code helpboard.credit.pair-weekly-cap}, default 3)
 * @param mutualWeeklyCap credits two members can earn from each other, both ways added
 * up, in a rolling week ({@code helpboard.credit.mutual-weekly-cap}, default 4)
 * @param newAccountAge how long an account counts as new: its confirmations are held
 * until it is this old and vouched for ({@code helpboard.credit.new-account-age}, default
 * 24h)
 * @param autoPayAnswers how many of the helper's latest answered claims the auto-confirm
 * gate looks at ({@code helpboard.credit.auto-pay-answers}, default 20)
 * @param autoPayMinAnswers an auto-confirmed help pays only to a helper with at least
 * this many answered claims ({@code helpboard.credit.auto-pay-min-answers}, default 5)
 * @param autoPayMinConfirmedPercent and at least this share of them confirmed
 * ({@code helpboard.credit.auto-pay-min-confirmed-percent}, default 80)
 * @param releaseBatch held credits released per transaction
 * ({@code helpboard.credit.release-batch}, default 500)
 */
@ConfigurationProperties("helpboard.credit")
record CreditSettings(@DefaultValue("1") long perHelp, @DefaultValue("20") long dailyEarnCap,
		@DefaultValue("3") long pairWeeklyCap, @DefaultValue("4") long mutualWeeklyCap,
		@DefaultValue("24h") Duration newAccountAge, @DefaultValue("20") int autoPayAnswers,
		@DefaultValue("5") int autoPayMinAnswers, @DefaultValue("80") int autoPayMinConfirmedPercent,
		@DefaultValue("500") int releaseBatch) {

	/** The window of the pair caps. */
	static final Duration WEEK = Duration.ofDays(7);

}
