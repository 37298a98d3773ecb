package com.helpboard.system.security;

import java.time.Duration;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Signed-in page views write their session row at most once a minute
 * ({@link CoarseSessionAccess}); before, every signed-in request was an UPDATE on the
 * primary (38 639 of them in one benchmark run, docs/performance.md).
 */
@Configuration(proxyBeanMethods = false)
class SessionWrites {

	static final Duration LAST_ACCESS_RESOLUTION = Duration.ofMinutes(1);

	@Bean
	static BeanPostProcessor coarseSessionAccess() {
		return CoarseSessionAccess.wrapping(LAST_ACCESS_RESOLUTION);
	}

}
