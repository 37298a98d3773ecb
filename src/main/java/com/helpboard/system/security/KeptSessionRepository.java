package com.helpboard.system.security;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.Session;

/**
 * Spring Session JDBC's repository, with its sessions read from {@link KeptSessions}
 * while that is live (docs/performance.md: the session's SELECT was most of what a
 * signed-in page cost more than an anonymous one, in the app and in the database). A read
 * that finds nothing kept runs the same SELECT Spring Session runs and keeps what it
 * found.
 * <p>
 * A kept session is handed to each request as a {@link KeptSession} of its own, which
 * turns the stored bytes into objects for that request only. Nothing a request does is
 * written into what is kept: the first change (an attribute, a new id, a moved
 * last-access time) reads the session through Spring Session and goes on with that one,
 * which is saved as before; every save and deletion forgets the session here at once and,
 * through the trigger's notice, on every instance.
 */
final class KeptSessionRepository implements FindByIndexNameSessionRepository<Session> {

	/** Spring Session JDBC's own reading of a session, with its default table names. */
	static final String SELECT = """
			SELECT S.SESSION_ID, S.CREATION_TIME, S.LAST_ACCESS_TIME, S.MAX_INACTIVE_INTERVAL,
				SA.ATTRIBUTE_NAME, SA.ATTRIBUTE_BYTES
			FROM SPRING_SESSION S
			LEFT JOIN SPRING_SESSION_ATTRIBUTES SA ON S.PRIMARY_ID = SA.SESSION_PRIMARY_ID
			WHERE S.SESSION_ID = ?""";

	private final FindByIndexNameSessionRepository<Session> delegate;

	private final KeptSessions kept;

	private final JdbcOperations jdbc;

	private final ConversionService conversions;

	@SuppressWarnings({ "unchecked", "rawtypes" })
	KeptSessionRepository(FindByIndexNameSessionRepository delegate, KeptSessions kept, JdbcOperations jdbc,
			ConversionService conversions) {
		this.delegate = delegate;
		this.kept = kept;
		this.jdbc = jdbc;
		this.conversions = conversions;
	}

	@Override
	public Session createSession() {
		return this.delegate.createSession();
	}

	@Override
	public @Nullable Session findById(String id) {
		if (!this.kept.live()) {
			return this.delegate.findById(id);
		}
		KeptSessions.Stored stored = this.kept.get(id);
		if (stored == null) {
			long mark = this.kept.mark();
			stored = read(id);
			if (stored == null) {
				return null;
			}
			if (!stored.isExpired(Instant.now())) {
				this.kept.keep(mark, stored);
			}
		}
		if (stored.isExpired(Instant.now())) {
			// Spring Session deletes it and answers none
			this.kept.forget(id);
			return this.delegate.findById(id);
		}
		return new KeptSession(stored);
	}

	private KeptSessions.@Nullable Stored read(String id) {
		this.kept.counted();
		return this.jdbc.query(SELECT, (rows) -> {
			if (!rows.next()) {
				return null;
			}
			String sessionId = rows.getString(1).strip();
			Instant created = Instant.ofEpochMilli(rows.getLong(2));
			Instant lastAccessed = Instant.ofEpochMilli(rows.getLong(3));
			Duration maxInactive = Duration.ofSeconds(rows.getInt(4));
			Map<String, byte[]> attributes = new HashMap<>();
			do {
				String name = rows.getString(5);
				if (name != null) {
					attributes.put(name, rows.getBytes(6));
				}
			}
			while (rows.next());
			return new KeptSessions.Stored(sessionId, created, lastAccessed, maxInactive, Map.copyOf(attributes));
		}, id);
	}

	@Override
	public void save(Session session) {
		if (session instanceof KeptSession keptSession) {
			Session changed = keptSession.changed;
			if (changed == null) {
				return; // nothing was changed
			}
			try {
				if (!keptSession.vanished) {
					this.delegate.save(changed);
				}
			}
			finally {
				this.kept.forget(keptSession.stored.id());
				this.kept.forget(changed.getId());
			}
			return;
		}
		try {
			this.delegate.save(session);
		}
		finally {
			this.kept.forget(session.getId());
		}
	}

	@Override
	public void deleteById(String id) {
		try {
			this.delegate.deleteById(id);
		}
		finally {
			this.kept.forget(id);
		}
	}

	@Override
	public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		return this.delegate.findByIndexNameAndIndexValue(indexName, indexValue);
	}

	/**
	 * One request's view of a kept session: read from the stored bytes until the first
	 * change, then from the session Spring Session reads for that change.
	 */
	final class KeptSession implements Session {

		private final KeptSessions.Stored stored;

		private final Map<String, Object> values = new HashMap<>();

		private @Nullable Session changed;

		/** The session was gone when a change came: the change is not saved. */
		private boolean vanished;

		KeptSession(KeptSessions.Stored stored) {
			this.stored = stored;
		}

		private Session changed() {
			Session session = this.changed;
			if (session == null) {
				session = KeptSessionRepository.this.delegate.findById(this.stored.id());
				if (session == null) {
					MapSession gone = new MapSession(this.stored.id());
					gone.setCreationTime(this.stored.creationTime());
					gone.setLastAccessedTime(this.stored.lastAccessedTime());
					gone.setMaxInactiveInterval(this.stored.maxInactiveInterval());
					session = gone;
					this.vanished = true;
				}
				this.changed = session;
			}
			return session;
		}

		@Override
		public String getId() {
			return (this.changed != null) ? this.changed.getId() : this.stored.id();
		}

		@Override
		public String changeSessionId() {
			return changed().changeSessionId();
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T> @Nullable T getAttribute(String attributeName) {
			if (this.changed != null) {
				return this.changed.getAttribute(attributeName);
			}
			byte[] bytes = this.stored.attributes().get(attributeName);
			if (bytes == null) {
				return null;
			}
			return (T) this.values.computeIfAbsent(attributeName, (name) -> KeptSessionRepository.this.conversions
				.convert(bytes, TypeDescriptor.valueOf(byte[].class), TypeDescriptor.valueOf(Object.class)));
		}

		@Override
		public Set<String> getAttributeNames() {
			return (this.changed != null) ? this.changed.getAttributeNames() : this.stored.attributes().keySet();
		}

		@Override
		public void setAttribute(String attributeName, @Nullable Object attributeValue) {
			changed().setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			changed().removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return (this.changed != null) ? this.changed.getCreationTime() : this.stored.creationTime();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			changed().setLastAccessedTime(lastAccessedTime);
		}

		@Override
		public Instant getLastAccessedTime() {
			return (this.changed != null) ? this.changed.getLastAccessedTime() : this.stored.lastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			changed().setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return (this.changed != null) ? this.changed.getMaxInactiveInterval() : this.stored.maxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return (this.changed != null) ? this.changed.isExpired() : this.stored.isExpired(Instant.now());
		}

	}

}
