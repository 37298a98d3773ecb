package com.helpboard.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL the integration tests run against: a Testcontainers container where
 * Docker runs, else the server named by {@code HELPBOARD_TEST_DB_URL} / {@code _USER} /
 * {@code _PASSWORD} (default 127.0.0.1:5432/helpboard_test), created when missing.
 * Started once per JVM and wiped once, so each run starts clean.
 */
public final class PostgresDatabase {

	private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/helpboard_test";

	private static volatile Map<String, String> properties;

	private PostgresDatabase() {
	}

	public static synchronized Map<String, String> properties() {
		if (properties == null) {
			properties = start();
			clean(properties);
		}
		return properties;
	}

	private static Map<String, String> start() {
		if (!"false".equals(System.getenv("HELPBOARD_TEST_DOCKER")) && dockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
			container.start();
			return Map.of("url", container.getJdbcUrl(), "username", container.getUsername(), "password",
					container.getPassword());
		}
		String url = env("HELPBOARD_TEST_DB_URL", DEFAULT_URL);
		String user = env("HELPBOARD_TEST_DB_USER", "helpboard");
		String password = env("HELPBOARD_TEST_DB_PASSWORD", "helpboard");
		ensureDatabase(url, user, password);
		return Map.of("url", url, "username", user, "password", password);
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (Throwable ex) {
			return false;
		}
	}

	private static void ensureDatabase(String url, String user, String password) {
		try (Connection ignored = DriverManager.getConnection(url, user, password)) {
			return;
		}
		catch (SQLException ex) {
			if (!"3D000".equals(ex.getSQLState())) {
				throw unreachable(url, user, ex);
			}
		}
		// the server answers but the database is missing: create it if the role may
		int slash = url.lastIndexOf('/');
		String name = url.substring(slash + 1).replaceAll("\\?.*", "");
		String adminUrl = url.substring(0, slash + 1) + "postgres";
		try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute("create database \"" + name.replace("\"", "") + "\"");
		}
		catch (SQLException ex) {
			throw unreachable(url, user, ex);
		}
	}

	private static IllegalStateException unreachable(String url, String user, SQLException ex) {
		return new IllegalStateException("""

				The integration tests need PostgreSQL, and none could be used.
				  Docker: not available, so no Testcontainers PostgreSQL could be started.
				  Local server: %s as '%s' failed: %s
				Start one of them, e.g.
				  - start Docker, or
				  - run `bash .ci/run` (it starts the local PostgreSQL and creates the role and database), or
				  - point HELPBOARD_TEST_DB_URL / HELPBOARD_TEST_DB_USER / HELPBOARD_TEST_DB_PASSWORD at a server.
				""".formatted(url, user, ex.getMessage()));
	}

	private static void clean(Map<String, String> db) {
		Flyway.configure()
			.dataSource(db.get("url"), db.get("username"), db.get("password"))
			.cleanDisabled(false)
			.load()
			.clean();
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
