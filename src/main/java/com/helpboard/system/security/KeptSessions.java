package com.helpboard.system.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.helpboard.system.KeptWhileListening;
import com.helpboard.system.Notices;
import org.jspecify.annotations.Nullable;

/**
 * The stored sessions this instance read lately, as the rows held them, and what keeps
 * them true: every change or deletion of a session's row or attributes, by any instance
 * or by hand, {@code NOTIFY}s its id at commit (a trigger, migration V46), and
 * {@link Notices} hands it here. A notice makes this instance forget that session; its
 * next request reads it from the database again.
 * <p>
 * Sessions are only kept while the channel is listened to: before it is, after the
 * listening connection fails (each failure forgets everything), and on any other database
 * than PostgreSQL every request reads its session from the database, as before. A kept
 * session is also forgotten after {@link #MAX_AGE} whatever happens, and a reading that a
 * change overtook is not kept ({@link #keep}). What this leaves: a session changed on
 * another instance can be served as it was for the moment its notice takes to arrive,
 * about a millisecond.
 */
public final class KeptSessions extends KeptWhileListening<String, KeptSessions.Stored> {

	static final String CHANNEL = "helpboard_session";

	/** However live the notices, a kept session is read again after this. */
	static final Duration MAX_AGE = Duration.ofMinutes(5);

	private final LongAdder reads = new LongAdder();

	KeptSessions(boolean keeps, int maximum) {
		super(keeps, Caffeine.newBuilder().maximumSize(maximum).expireAfterWrite(MAX_AGE).build());
	}

	@Nullable Stored get(String id) {
		return kept(id);
	}

	/**
	 * Keeps a session read after {@link #mark}, unless something was forgotten since: a
	 * change's notice may have come between the reading and now.
	 */
	void keep(long mark, Stored stored) {
		keep(mark, stored.id(), stored, (was, read) -> read);
	}

	@Override
	public String channel() {
		return CHANNEL;
	}

	@Override
	public void notice(String payload) {
		forget(payload);
	}

	void counted() {
		this.reads.increment();
	}

	/** How many sessions were read from the database to be kept, for tests. */
	public long reads() {
		return this.reads.sum();
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
