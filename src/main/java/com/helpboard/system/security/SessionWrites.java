package com.helpboard.system.security;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

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

	/**
	 * Spring Session's statements run in plain JDBC transactions (a
	 * {@link DataSourceTransactionManager} of their own, not a bean) instead of the
	 * application's JPA ones: every signed-in request reads its session, and opening a
	 * Hibernate session around that one select was a tenth of a signed-in page's CPU
	 * (docs/performance.md). Spring Session takes a bean of this name as it is.
	 */
	@Bean
	TransactionOperations springSessionTransactionOperations(DataSource dataSource) {
		TransactionTemplate template = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		// as Spring Session's own: never part of the caller's transaction
		template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return template;
	}

}
