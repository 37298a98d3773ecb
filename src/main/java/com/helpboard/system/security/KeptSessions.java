package com.helpboard.system.security;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The stored sessions this instance read lately, as the rows held them, and what keeps
 * them true: a connection of its own that {@code LISTEN}s on PostgreSQL, where every
 * change or deletion of a session's row or attributes, by any instance or by hand,
 * {@code NOTIFY}s its id at commit (a trigger, migration V46). A notice makes this
 * instance forget that session; its next request reads it from the database again.
 * <p>
 * Sessions are only kept while the listening connection is up: before it listens, after
 * it fails (each failure forgets everything), and on any other database than PostgreSQL
 * every request reads its session from the database, as before. A kept session is also
 * forgotten after {@link #MAX_AGE} whatever happens, and a reading that a change overtook
 * is not kept ({@link #keep}). What this leaves: a session changed on another instance
 * can be served as it was for the moment its notice takes to arrive, about a millisecond.
 */
public final class KeptSessions implements SmartLifecycle {

	static final String CHANNEL = "helpboard_session";

	/** However live the notices, a kept session is read again after this. */
	static final Duration MAX_AGE = Duration.ofMinutes(5);

	/** The listening connection is checked with a query this often. */
	private static final Duration CHECK_EVERY = Duration.ofSeconds(5);

	private static final Logger log = LoggerFactory.getLogger(KeptSessions.class);

	private final @Nullable Listening listening;

	private final Cache<String, Stored> kept;

	/** Moves on every forgetting: a reading that saw it move is not kept. */
	private final AtomicLong forgotten = new AtomicLong();

	private final LongAdder reads = new LongAdder();

	private volatile boolean live;

	private volatile boolean running;

	private @Nullable Thread thread;

	KeptSessions(@Nullable Listening listening, int maximum) {
		this.listening = listening;
		this.kept = Caffeine.newBuilder().maximumSize(maximum).expireAfterWrite(MAX_AGE).build();
	}

	/** Where the listening connection goes: PostgreSQL behind Hikari, or nowhere. */
	static @Nullable Listening listeningTo(DataSource dataSource) {
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
			properties.setProperty("ApplicationName", "helpboard session notices");
			return new Listening(url, properties);
		}
		catch (SQLException ex) {
			return null;
		}
	}

	/** Whether kept sessions may be served now. */
	public boolean live() {
		return this.live;
	}

	@Nullable Stored get(String id) {
		return this.live ? this.kept.getIfPresent(id) : null;
	}

	/**
	 * Where the forgetting stands, to be given to {@link #keep} with what was read after.
	 */
	long mark() {
		return this.forgotten.get();
	}

	/**
	 * Keeps a session read after {@code mark}, unless something was forgotten since: a
	 * change's notice may have come between the reading and now.
	 */
	void keep(long mark, Stored stored) {
		if (!this.live || this.forgotten.get() != mark) {
			return;
		}
		this.kept.put(stored.id(), stored);
		// a forgetting between the check and the put did not see this entry
		if (this.forgotten.get() != mark) {
			this.kept.asMap().remove(stored.id(), stored);
		}
	}

	/**
	 * Listening: what changed while nobody listened is unknown, so nothing kept is kept.
	 */
	void up() {
		forgetAll();
		this.live = true;
	}

	/** Not listening: nothing is kept or served until {@link #up}. */
	void down() {
		this.live = false;
		forgetAll();
	}

	void forget(String id) {
		this.forgotten.incrementAndGet();
		this.kept.invalidate(id);
	}

	private void forgetAll() {
		this.forgotten.incrementAndGet();
		this.kept.invalidateAll();
	}

	void counted() {
		this.reads.increment();
	}

	/** How many sessions were read from the database to be kept, for tests. */
	public long reads() {
		return this.reads.sum();
	}

	/** How many sessions are kept now, for tests. */
	public long size() {
		this.kept.cleanUp();
		return this.kept.estimatedSize();
	}

	@Override
	public void start() {
		if (this.listening == null || this.running) {
			return;
		}
		this.running = true;
		Thread listener = new Thread(this::listen, "session-notices");
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
		down();
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
					statement.execute("LISTEN " + CHANNEL);
				}
				PGConnection notices = connection.unwrap(PGConnection.class);
				up();
				if (warned) {
					log.info("Listening for session changes again; sessions are kept in memory");
					warned = false;
				}
				long checked = System.nanoTime();
				while (this.running) {
					PGNotification[] received = notices.getNotifications(1_000);
					if (received != null) {
						for (PGNotification notice : received) {
							forget(notice.getParameter().strip());
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
					log.warn("Not listening for session changes ({}); every request reads its session until it is back",
							ex.getMessage());
					warned = true;
				}
			}
			finally {
				down();
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

	/** Where to listen. */
	record Listening(String url, Properties properties) {
	}

	/**
	 * A session's row as read: its times and its attributes' stored bytes, turned into
	 * objects anew by each request that reads them.
	 */
	record Stored(String id, Instant creationTime, Instant lastAccessedTime, Duration maxInactiveInterval,
			Map<String, byte[]> attributes) {

		boolean isExpired(Instant now) {
			return !this.maxInactiveInterval.isNegative()
					&& !now.minus(this.maxInactiveInterval).isBefore(this.lastAccessedTime);
		}

	}

}
