package com.helpboard.system.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Spring Session writes a session's row on every request that touches it, only to move
 * its last-access time. This repository keeps a moved last-access time to itself while
 * the stored one is younger than {@code resolution}: a signed-in page view then reads its
 * session and writes nothing, unless something else in the session changed. Sessions live
 * for hours, so a minute of slack in their expiry changes nothing a member notices.
 */
final class CoarseSessionAccess<S extends Session>
		implements FindByIndexNameSessionRepository<CoarseSessionAccess.CoarseSession<S>>, DisposableBean {

	private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

	private final FindByIndexNameSessionRepository<S> delegate;

	private final Duration resolution;

	/**
	 * Per session, the last-access time this instance last decided to store: when a
	 * session's stored time gets old, only the first of its concurrent requests moves it.
	 * Before, every request in flight moved it, and as many UPDATEs of the one row queued
	 * on its lock, holding the pool's connections (seconds of refusals once a minute
	 * under load).
	 */
	private final Map<String, Instant> moving;

	CoarseSessionAccess(FindByIndexNameSessionRepository<S> delegate, Duration resolution) {
		this.delegate = delegate;
		this.resolution = resolution;
		this.moving = Caffeine.newBuilder()
			.expireAfterWrite(resolution.multipliedBy(2))
			.maximumSize(100_000)
			.<String, Instant>build()
			.asMap();
	}

	/**
	 * Wraps Spring Session's repository bean, whichever configuration made it, around
	 * what {@code inner} makes of it.
	 */
	@SuppressWarnings("rawtypes")
	static BeanPostProcessor wrapping(Duration resolution, UnaryOperator<FindByIndexNameSessionRepository> inner) {
		return new BeanPostProcessor() {
			@Override
			@SuppressWarnings("unchecked")
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof FindByIndexNameSessionRepository repository
						&& !(bean instanceof CoarseSessionAccess))
								? new CoarseSessionAccess<>(inner.apply(repository), resolution) : bean;
			}
		};
	}

	@Override
	public CoarseSession<S> createSession() {
		return new CoarseSession<>(this.delegate.createSession(), this.resolution, this.moving);
	}

	@Override
	public void save(CoarseSession<S> session) {
		this.delegate.save(session.delegate);
	}

	@Override
	public @Nullable CoarseSession<S> findById(String id) {
		// one SELECT: no transaction needed (SessionReads)
		boolean outer = READING.get() != null;
		READING.set(Boolean.TRUE);
		try {
			S session = this.delegate.findById(id);
			return (session != null) ? new CoarseSession<>(session, this.resolution, this.moving) : null;
		}
		finally {
			if (!outer) {
				READING.remove();
			}
		}
	}

	/** Whether this thread is reading a session by its id, for {@link SessionReads}. */
	static boolean reading() {
		return READING.get() != null;
	}

	@Override
	public void deleteById(String id) {
		this.delegate.deleteById(id);
	}

	@Override
	public Map<String, CoarseSession<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, CoarseSession<S>> found = new LinkedHashMap<>();
		this.delegate.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> found.put(id, new CoarseSession<>(session, this.resolution, this.moving)));
		return found;
	}

	@Override
	public void destroy() throws Exception {
		if (this.delegate instanceof DisposableBean disposable) {
			disposable.destroy();
		}
	}

	static final class CoarseSession<S extends Session> implements Session {

		private final S delegate;

		private final Duration resolution;

		private final Map<String, Instant> moving;

		CoarseSession(S delegate, Duration resolution, Map<String, Instant> moving) {
			this.delegate = delegate;
			this.resolution = resolution;
			this.moving = moving;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (lastAccessedTime.isBefore(this.delegate.getLastAccessedTime().plus(this.resolution))) {
				return;
			}
			// one request of this instance per session and resolution moves it
			String id = this.delegate.getId();
			Instant moved = this.moving.get(id);
			if (moved != null && lastAccessedTime.isBefore(moved.plus(this.resolution))) {
				return;
			}
			boolean mine = (moved == null) ? this.moving.putIfAbsent(id, lastAccessedTime) == null
					: this.moving.replace(id, moved, lastAccessedTime);
			if (mine) {
				this.delegate.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public String getId() {
			return this.delegate.getId();
		}

		@Override
		public String changeSessionId() {
			return this.delegate.changeSessionId();
		}

		@Override
		public <T> @Nullable T getAttribute(String attributeName) {
			return this.delegate.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.delegate.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.delegate.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.delegate.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.delegate.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.delegate.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.delegate.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.delegate.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.delegate.isExpired();
		}

	}

}
