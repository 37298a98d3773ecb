package com.helpboard.system.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.helpboard.system.LimitReached;
import com.helpboard.system.MemberIdentity;
import com.helpboard.system.security.ThrottleSettings.Limit;
import com.helpboard.system.security.ThrottleSettings.Rule;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The render limit posters take from, on in-memory buckets (as on the embedded H2). */
class ThrottledRendersTests {

	private static final Clock CLOCK = Clock.systemUTC();

	private static ThrottledRenders renders(boolean enabled, Rule rule) {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:renders-" + UUID.randomUUID());
		return new ThrottledRenders(new Throttle(h2),
				new ThrottleSettings(enabled, Duration.ofDays(3), null, null, null, null, null, null, rule), CLOCK);
	}

	private static MemberIdentity member(long id, Instant joined) {
		return new MemberIdentity() {
			@Override
			public long memberId() {
				return id;
			}

			@Override
			public Instant joinedAt() {
				return joined;
			}
		};
	}

	@Test
	void anAddressPastItsLimitIsRefusedOthersAreNot() {
		ThrottledRenders renders = renders(true, new Rule(Limit.of(2, Duration.ofHours(1)), null, null));
		renders.take("10.0.0.1", null);
		renders.take("10.0.0.1", null);
		assertThatExceptionOfType(LimitReached.class).isThrownBy(() -> renders.take("10.0.0.1", null))
			.satisfies((ex) -> org.assertj.core.api.Assertions.assertThat(ex.messageKey())
				.isEqualTo("share.poster.throttled"));
		assertThatCode(() -> renders.take("10.0.0.2", null)).doesNotThrowAnyException();
	}

	@Test
	void aNewAccountHasTheLowerLimitWhateverItsAddress() {
		ThrottledRenders renders = renders(true, new Rule(Limit.of(100, Duration.ofHours(1)),
				Limit.of(3, Duration.ofHours(1)), Limit.of(1, Duration.ofHours(1))));
		MemberIdentity fresh = member(1, Instant.now());
		MemberIdentity established = member(2, Instant.now().minus(Duration.ofDays(30)));
		renders.take("10.0.0.1", fresh);
		assertThatExceptionOfType(LimitReached.class).isThrownBy(() -> renders.take("10.0.0.9", fresh));
		for (int i = 0; i < 3; i++) {
			renders.take("10.0.0." + i, established);
		}
		assertThatExceptionOfType(LimitReached.class).isThrownBy(() -> renders.take("10.0.0.7", established));
	}

	@Test
	void limitsSwitchedOffRefuseNothing() {
		ThrottledRenders renders = renders(false, new Rule(Limit.of(1, Duration.ofHours(1)), null, null));
		for (int i = 0; i < 5; i++) {
			renders.take("10.0.0.1", null);
		}
	}

}
