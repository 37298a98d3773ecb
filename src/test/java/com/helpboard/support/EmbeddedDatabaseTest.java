package com.helpboard.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application as {@code ./mvnw spring-boot:run} starts it: the embedded H2 default
 * (PostgreSQL mode) with the sample data, on a random port. In-memory, so runs stay
 * independent; every such test uses this one configuration so they share one cached
 * context (where the scheduler runs too).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:smoke;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@Tag("integration")
public @interface EmbeddedDatabaseTest {

}
