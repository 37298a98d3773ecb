package com.helpboard.support;

import org.junit.jupiter.api.Tag;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on real PostgreSQL, on a random port, with MockMvc. Every
 * integration test uses this one configuration so they share one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
// pages poll their nav counts every 2 s, so a browser test sees a count appear quickly
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "helpboard.notifications.poll-every=PT2S")
@AutoConfigureMockMvc
@ContextConfiguration(initializers = PostgresInitializer.class)
@Import({ StatementCounter.class, TestMembers.class, TestData.class, TestClock.Config.class })
@ExtendWith(LedgerInvariants.class)
@Tag("integration")
public @interface IntegrationTest {

}
