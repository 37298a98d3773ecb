package com.helpboard.system.security;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The application's own security (filter chains, bearer tokens, problem responses) for a
 * {@code @WebMvcTest} slice, without a database: the throttle keeps its buckets in
 * memory, and nothing that needs SQL runs (no Idempotency-Key, no remember-me). The slice
 * still needs {@code helpboard.remember-me-key} set to a non-default value and an
 * {@code ApiTokenAuthenticator} (a {@code @MockitoBean} in the test).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfiguration.class)
public class ApiSecuritySlice {

	/** The properties a slice test passes to {@code @WebMvcTest(properties = ...)}. */
	public static final String REMEMBER_ME_KEY = "helpboard.remember-me-key=a-key-for-slice-tests-only";

	@Bean
	DataSource dataSource() throws SQLException {
		// not PostgreSQL: the throttle counts in memory
		DatabaseMetaData metaData = mock(DatabaseMetaData.class);
		given(metaData.getDatabaseProductName()).willReturn("none (web slice)");
		Connection connection = mock(Connection.class);
		given(connection.getMetaData()).willReturn(metaData);
		DataSource dataSource = mock(DataSource.class);
		given(dataSource.getConnection()).willReturn(connection);
		return dataSource;
	}

	@Bean
	JdbcTemplate jdbcTemplate() {
		return mock(JdbcTemplate.class);
	}

	@Bean
	UserDetailsService userDetailsService() {
		return (username) -> {
			throw new UsernameNotFoundException(username);
		};
	}

}
