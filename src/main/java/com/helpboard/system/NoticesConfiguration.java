package com.helpboard.system;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one listening connection ({@link Notices}) for every subscriber of the application.
 */
@Configuration(proxyBeanMethods = false)
class NoticesConfiguration {

	@Bean
	static Notices notices(DataSource dataSource, ObjectProvider<Notices.Subscriber> subscribers) {
		return new Notices(Notices.listeningTo(dataSource), subscribers.orderedStream().toList());
	}

}
