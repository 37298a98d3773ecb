package com.helpboard.system.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate limits (README "Configuration"): for each throttled action, how many attempts one
 * client address, one account and one new account may make in a period. A limit is
 * written {@code count/period}, e.g. {@code 10/PT15M}; the bucket refills steadily, so
 * after a burst one attempt comes back every period/count.
 */
@ConfigurationProperties("helpboard.throttle")
record ThrottleSettings(Boolean enabled, Duration newAccountAge, Rule login, Rule registration, Rule posting,
		Rule claiming, Rule uploads, Rule reporting, Rule renders) {

	static final Rule LOGIN = new Rule(Limit.of(30, Duration.ofMinutes(15)), Limit.of(10, Duration.ofMinutes(15)),
			null);

	static final Rule REGISTRATION = new Rule(Limit.of(5, Duration.ofHours(1)), null, null);

	static final Rule POSTING = new Rule(Limit.of(60, Duration.ofHours(1)), Limit.of(20, Duration.ofHours(1)),
			Limit.of(5, Duration.ofHours(1)));

	static final Rule CLAIMING = new Rule(Limit.of(240, Duration.ofHours(1)), Limit.of(60, Duration.ofHours(1)),
			Limit.of(20, Duration.ofHours(1)));

	static final Rule UPLOADS = new Rule(Limit.of(30, Duration.ofHours(1)), Limit.of(10, Duration.ofHours(1)),
			Limit.of(3, Duration.ofHours(1)));

	static final Rule REPORTING = new Rule(Limit.of(60, Duration.ofHours(1)), Limit.of(20, Duration.ofHours(1)),
			Limit.of(5, Duration.ofHours(1)));

	/**
	 * Posters drawn (cache misses only): a chat app's crawler fetches many from one
	 * address.
	 */
	static final Rule RENDERS = new Rule(Limit.of(60, Duration.ofMinutes(10)), Limit.of(30, Duration.ofMinutes(10)),
			Limit.of(10, Duration.ofMinutes(10)));

	ThrottleSettings {
		enabled = (enabled != null) ? enabled : Boolean.TRUE;
		newAccountAge = (newAccountAge != null) ? newAccountAge : Duration.ofDays(3);
		login = Rule.or(login, LOGIN);
		registration = Rule.or(registration, REGISTRATION);
		posting = Rule.or(posting, POSTING);
		claiming = Rule.or(claiming, CLAIMING);
		uploads = Rule.or(uploads, UPLOADS);
		reporting = Rule.or(reporting, REPORTING);
		renders = Rule.or(renders, RENDERS);
	}

	/**
	 * One action's limits; {@code perAccount} applies to the username on login and to the
	 * signed-in member elsewhere, {@code perNewAccount} instead of it while the account
	 * is younger than {@code newAccountAge}.
	 */
	record Rule(Limit perAddress, Limit perAccount, Limit perNewAccount) {

		static Rule or(Rule rule, Rule defaults) {
			if (rule == null) {
				return defaults;
			}
			return new Rule((rule.perAddress() != null) ? rule.perAddress() : defaults.perAddress(),
					(rule.perAccount() != null) ? rule.perAccount() : defaults.perAccount(),
					(rule.perNewAccount() != null) ? rule.perNewAccount() : defaults.perNewAccount());
		}

	}

	/** {@code count} attempts per {@code period}. */
	record Limit(int count, Duration period) {

		static Limit of(int count, Duration period) {
			return new Limit(count, period);
		}

		/** Reads {@code 10/PT15M}. */
		static Limit parse(String text) {
			int slash = text.indexOf('/');
			if (slash < 1) {
				throw new IllegalArgumentException("A limit is written count/period, e.g. 10/PT15M: " + text);
			}
			int count = Integer.parseInt(text.substring(0, slash).strip());
			Duration period = Duration.parse(text.substring(slash + 1).strip());
			if (count < 1 || period.isNegative() || period.isZero()) {
				throw new IllegalArgumentException("A limit needs a positive count and period: " + text);
			}
			return new Limit(count, period);
		}

	}

}
