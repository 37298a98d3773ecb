package com.helpboard.system.web;

import java.text.MessageFormat;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The message bundles, set up as Spring Boot sets them up from {@code spring.messages.*},
 * but with a message format of their own for every message with arguments.
 * <p>
 * Spring's {@link ResourceBundleMessageSource} keeps one {@link MessageFormat} per
 * message and language and formats under that object's lock. Under load (32 views at once
 * on 2 cores) a thread holding the lock of a message every page shows was often taken off
 * the CPU, and the others queued behind it: a thread dump of the help queue under
 * {@code wrk} found 16 of 32 request threads blocked on one message's format. Parsing a
 * message's pattern costs about a microsecond, a few times a page.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

	@Bean
	@ConfigurationProperties("spring.messages")
	MessageSourceProperties messageSourceProperties() {
		return new MessageSourceProperties();
	}

	@Bean
	MessageSource messageSource(MessageSourceProperties properties) {
		ResourceBundleMessageSource source = new UnsharedFormats();
		source.setBasenames(properties.getBasename().toArray(String[]::new));
		if (properties.getEncoding() != null) {
			source.setDefaultEncoding(properties.getEncoding().name());
		}
		source.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
		if (properties.getCacheDuration() != null) {
			source.setCacheMillis(properties.getCacheDuration().toMillis());
		}
		source.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
		source.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
		return source;
	}

	/** A message's format made anew for each use, so no two threads share one. */
	static final class UnsharedFormats extends ResourceBundleMessageSource {

		@Override
		protected @Nullable MessageFormat resolveCode(String code, Locale locale) {
			String message = resolveCodeWithoutArguments(code, locale);
			return (message != null) ? createMessageFormat(message, locale) : null;
		}

	}

}
