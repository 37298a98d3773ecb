package com.helpboard.support;

import java.util.Map;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test's application context at {@link PostgresDatabase}. */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, String> db = PostgresDatabase.properties();
		TestPropertyValues
			.of("spring.datasource.url=" + db.get("url"), "spring.datasource.username=" + db.get("username"),
					"spring.datasource.password=" + db.get("password"), "helpboard.sample-data=false",
					// tests run the jobs themselves, so none runs behind their backs
					"helpboard.scheduler.enabled=false", "helpboard.remember-me-key=test-only-remember-me-key",
					// every test comes from 127.0.0.1; ThrottleIntegrationTests turns the
					// limits on
					"helpboard.throttle.enabled=false")
			.applyTo(context);
	}

}
