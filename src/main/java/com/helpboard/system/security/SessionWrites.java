package com.helpboard.system.security;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Signed-in page views write their session row at most once a minute
 * ({@link CoarseSessionAccess}); before, every signed-in request was an UPDATE on the
 * primary (38 639 of them in one benchmark run, docs/performance.md), and read them from
 * memory while PostgreSQL tells this instance of every change ({@link KeptSessions}).
 */
@Configuration(proxyBeanMethods = false)
class SessionWrites {

	static final Duration LAST_ACCESS_RESOLUTION = Duration.ofMinutes(1);

	@Bean
	static BeanPostProcessor coarseSessionAccess(ObjectProvider<KeptSessions> kept,
			ObjectProvider<DataSource> dataSource) {
		return CoarseSessionAccess.wrapping(LAST_ACCESS_RESOLUTION,
				(repository) -> (repository instanceof JdbcIndexedSessionRepository)
						? new KeptSessionRepository(repository, kept.getObject(),
								new JdbcTemplate(dataSource.getObject()), SessionReads.CONVERSIONS)
						: repository);
	}

}
