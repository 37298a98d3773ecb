package com.helpboard.system.web;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message bundles format each use with a format of its own, so concurrent pages do
 * not queue behind one shared format's lock, and they format as Spring's would.
 */
class MessagesConfigurationTests {

	private final MessagesConfiguration configuration = new MessagesConfiguration();

	@Test
	void eachUseHasItsOwnFormatAndFormatsAsBefore() throws Exception {
		MessageSourceProperties properties = new MessageSourceProperties();
		properties.setBasename(List.of("messages/messages", "messages/help"));
		properties.setFallbackToSystemLocale(false);
		MessageSource messages = this.configuration.messageSource(properties);
		MessagesConfiguration.UnsharedFormats unshared = (MessagesConfiguration.UnsharedFormats) messages;

		assertThat(unshared.resolveCode("queue.today", Locale.ENGLISH))
			.isNotSameAs(unshared.resolveCode("queue.today", Locale.ENGLISH));
		assertThat(unshared.resolveCode("no.such.code", Locale.ENGLISH)).isNull();
		assertThat(messages.getMessage("queue.today", new Object[] { 3 }, Locale.ENGLISH)).isEqualTo("Helped today: 3");
		assertThat(messages.getMessage("queue.today", new Object[] { 3 }, Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("今天已帮 3 次");

		// many threads at once, each with its own arguments
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<String>> answers = IntStream.range(0, 1000)
				.mapToObj((i) -> pool
					.submit(() -> messages.getMessage("queue.today", new Object[] { i }, Locale.ENGLISH)))
				.toList();
			for (int i = 0; i < answers.size(); i++) {
				assertThat(answers.get(i).get()).isEqualTo("Helped today: " + i);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
