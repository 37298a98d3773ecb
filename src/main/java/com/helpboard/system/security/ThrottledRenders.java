package com.helpboard.system.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.helpboard.system.LimitReached;
import com.helpboard.system.MemberIdentity;
import com.helpboard.system.RenderLimits;
import com.helpboard.system.security.Throttle.Key;
import com.helpboard.system.security.ThrottleSettings.Limit;
import com.helpboard.system.security.ThrottleSettings.Rule;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/** {@link RenderLimits} from the {@code renders} rule of {@link ThrottleSettings}. */
@Component
class ThrottledRenders implements RenderLimits {

	private final Throttle throttle;

	private final ThrottleSettings settings;

	private final Clock clock;

	ThrottledRenders(Throttle throttle, ThrottleSettings settings, Clock clock) {
		this.throttle = throttle;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void take(String address, @Nullable MemberIdentity member) {
		if (!this.settings.enabled()) {
			return;
		}
		Rule rule = this.settings.renders();
		List<Key> keys = new ArrayList<>();
		if (rule.perAddress() != null) {
			keys.add(Key.of("render", "addr", address, rule.perAddress()));
		}
		if (member != null) {
			Instant joined = member.joinedAt();
			boolean isNew = joined != null && joined.isAfter(this.clock.instant().minus(this.settings.newAccountAge()));
			Limit limit = (isNew && rule.perNewAccount() != null) ? rule.perNewAccount() : rule.perAccount();
			if (limit != null) {
				keys.add(Key.of("render", "member", Long.toString(member.memberId()), limit));
			}
		}
		Optional<Duration> wait = keys.isEmpty() ? Optional.empty() : this.throttle.take(keys);
		if (wait.isPresent()) {
			long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
			throw new LimitReached(this.clock.instant().plusSeconds(seconds), "share.poster.throttled", seconds);
		}
	}

}
