package com.helpboard.support;

import java.util.Map;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points a test's application context at {@link PostgresDatabase}. */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, String> db = PostgresDatabase.properties();
		TestPropertyValues
			.of("spring.datasource.url=" + db.get("url"), "spring.datasource.username=" + db.get("username"),
					"spring.datasource.password=" + db.get("password"), "helpboard.sample-data=false",
					// tests run the jobs themselves, so none runs behind their backs
					"helpboard.scheduler.enabled=false", "helpboard.remember-me-key=test-only-remember-me-key")
			.applyTo(context);
		// every test comes from 127.0.0.1, so rate limits are off unless a test turns
		// them on (@TestPropertySource outranks this, which ranks below everything)
		context.getEnvironment()
			.getPropertySources()
			.addLast(new MapPropertySource("helpboard-test-defaults", Map.of("helpboard.throttle.enabled", "false")));
	}

}
