package com.helpboard.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * PostgreSQL's {@code NOTIFY}s, for what instances keep in memory: one connection of this
 * instance's own {@code LISTEN}s on every {@link Subscriber}'s channel and hands each
 * notice to it. Triggers send them at commit, whichever instance (or hand) changed the
 * rows, so a subscriber hears of every change a moment after it is made.
 * <p>
 * A subscriber may keep only while it is {@link Subscriber#up up}: from when its channel
 * is listened to until the connection fails or the application stops
 * ({@link Subscriber#down down}); what changed while nobody listened is unknown, so each
 * {@code up} forgets everything first. On any database other than PostgreSQL nothing is
 * listened to and no subscriber is ever up.
 */
public final class Notices implements SmartLifecycle {

	/** What keeps values that a channel's notices make stale. */
	public interface Subscriber {

		/** The channel listened to for it: letters, digits and underscores. */
		String channel();

		/** Listening: forget everything kept, then keep again. */
		void up();

		/** Not listening any more: keep and serve nothing until {@link #up}. */
		void down();

		/** A notice on its channel, with the trigger's payload. */
		void notice(String payload);

	}

	/** The listening connection is checked with a query this often. */
	private static final Duration CHECK_EVERY = Duration.ofSeconds(5);

	private static final Logger log = LoggerFactory.getLogger(Notices.class);

	private final @Nullable Listening listening;

	private final List<Subscriber> subscribers;

	private volatile boolean running;

	private @Nullable Thread thread;

	public Notices(@Nullable Listening listening, List<Subscriber> subscribers) {
		this.listening = listening;
		this.subscribers = List.copyOf(subscribers);
		this.subscribers.forEach((subscriber) -> {
			if (!subscriber.channel().matches("[a-z_][a-z0-9_]*")) {
				throw new IllegalArgumentException("not a channel name: " + subscriber.channel());
			}
		});
	}

	/** Where the listening connection goes: PostgreSQL behind Hikari, or nowhere. */
	public static @Nullable Listening listeningTo(DataSource dataSource) {
		try {
			if (!dataSource.isWrapperFor(HikariDataSource.class)) {
				return null;
			}
			HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
			String url = hikari.getJdbcUrl();
			if (url == null || !url.startsWith("jdbc:postgresql:")) {
				return null;
			}
			Properties properties = new Properties();
			properties.putAll(hikari.getDataSourceProperties());
			if (hikari.getUsername() != null) {
				properties.setProperty("user", hikari.getUsername());
			}
			if (hikari.getPassword() != null) {
				properties.setProperty("password", hikari.getPassword());
			}
			properties.setProperty("ApplicationName", "helpboard notices");
			return new Listening(url, properties);
		}
		catch (SQLException ex) {
			return null;
		}
	}

	@Override
	public void start() {
		if (this.listening == null || this.subscribers.isEmpty() || this.running) {
			return;
		}
		this.running = true;
		Thread listener = new Thread(this::listen, "notices");
		listener.setDaemon(true);
		this.thread = listener;
		listener.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread listener = this.thread;
		if (listener != null) {
			listener.interrupt();
		}
		this.subscribers.forEach(Subscriber::down);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		boolean warned = false;
		while (this.running) {
			try (Connection connection = DriverManager.getConnection(this.listening.url(),
					this.listening.properties())) {
				try (Statement statement = connection.createStatement()) {
					for (String channel : this.subscribers.stream().map(Subscriber::channel).distinct().toList()) {
						statement.execute("LISTEN " + channel);
					}
				}
				PGConnection notices = connection.unwrap(PGConnection.class);
				this.subscribers.forEach(Subscriber::up);
				if (warned) {
					log.info("Listening for changes again; what instances keep in memory is kept again");
					warned = false;
				}
				long checked = System.nanoTime();
				while (this.running) {
					PGNotification[] received = notices.getNotifications(1_000);
					if (received != null) {
						for (PGNotification notice : received) {
							hand(notice);
						}
					}
					if (System.nanoTime() - checked > CHECK_EVERY.toNanos()) {
						try (Statement statement = connection.createStatement()) {
							statement.setQueryTimeout(5);
							statement.execute("SELECT 1");
						}
						checked = System.nanoTime();
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (this.running && !warned) {
					log.warn("Not listening for changes ({}); sessions and helpers' answers are read from the "
							+ "database until it is back", ex.getMessage());
					warned = true;
				}
			}
			finally {
				this.subscribers.forEach(Subscriber::down);
			}
			try {
				TimeUnit.SECONDS.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void hand(PGNotification notice) {
		for (Subscriber subscriber : this.subscribers) {
			if (subscriber.channel().equals(notice.getName())) {
				subscriber.notice(notice.getParameter().strip());
			}
		}
	}

	/** Where to listen. */
	public record Listening(String url, Properties properties) {
	}

}
