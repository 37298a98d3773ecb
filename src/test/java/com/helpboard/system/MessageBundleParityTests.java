package com.helpboard.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageBundleParityTests {

	@Test
	void chineseAndEnglishHaveTheSameKeys() throws IOException {
		Set<String> chinese = keys("/messages/messages.properties");
		Set<String> english = keys("/messages/messages_en.properties");
		assertThat(chinese).isNotEmpty();
		assertThat(difference(chinese, english)).as("keys missing in messages_en.properties").isEmpty();
		assertThat(difference(english, chinese)).as("keys missing in messages.properties").isEmpty();
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
