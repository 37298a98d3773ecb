package com.helpboard.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

class MessageBundleParityTests {

	@Test
	void chineseAndEnglishHaveTheSameKeys() throws IOException {
		Set<String> bundles = bundles();
		assertThat(bundles).contains("messages");
		for (String bundle : bundles) {
			Set<String> chinese = keys("/messages/" + bundle + ".properties");
			Set<String> english = keys("/messages/" + bundle + "_en.properties");
			assertThat(chinese).as(bundle + ".properties").isNotEmpty();
			assertThat(difference(chinese, english)).as("keys missing in " + bundle + "_en.properties").isEmpty();
			assertThat(difference(english, chinese)).as("keys missing in " + bundle + ".properties").isEmpty();
		}
	}

	@Test
	void everyBundleIsNamedInTheConfiguration() throws IOException {
		Properties application = load("/application.properties");
		Set<String> configured = new TreeSet<>();
		for (String basename : application.getProperty("spring.messages.basename").split(",")) {
			configured.add(basename.strip().replaceFirst("^messages/", ""));
		}
		assertThat(configured).containsAll(bundles());
	}

	/** Every bundle in messages/ by base name: {@code credit} for credit.properties. */
	private static Set<String> bundles() throws IOException {
		Set<String> bundles = new TreeSet<>();
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:messages/*.properties")) {
			String name = resource.getFilename();
			bundles.add(name.substring(0, name.length() - ".properties".length()).replaceFirst("_en$", ""));
		}
		return bundles;
	}

	@Test
	void messagesWithArgumentsKeepTheirApostrophes() throws IOException {
		// MessageFormat reads a lone ' as a quote and drops it ("{0}'s" shows as "Xs")
		for (String bundle : bundles()) {
			for (String path : new String[] { "/messages/" + bundle + ".properties",
					"/messages/" + bundle + "_en.properties" }) {
				Properties messages = load(path);
				for (String key : messages.stringPropertyNames()) {
					String text = messages.getProperty(key);
					if (text.matches("(?s).*\\{\\d.*")) {
						assertThat(text.replace("''", "")).as(path + " " + key).doesNotContain("'");
					}
				}
			}
		}
	}

	@Test
	void chineseBundleIsChinese() throws IOException {
		Properties chinese = load("/messages/messages.properties");
		assertThat(chinese.getProperty("app.name")).isEqualTo("助力广场");
	}

	private static Set<String> difference(Set<String> a, Set<String> b) {
		Set<String> result = new TreeSet<>(a);
		result.removeAll(b);
		return result;
	}

	private static Set<String> keys(String path) throws IOException {
		return new TreeSet<>(load(path).stringPropertyNames());
	}

	private static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundleParityTests.class.getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
