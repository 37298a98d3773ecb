package com.helpboard.system;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

import com.github.benmanes.caffeine.cache.Cache;
import org.jspecify.annotations.Nullable;

/**
 * Values read from the database and kept in memory for as long as their channel's notices
 * ({@link Notices}) tell this instance of every change: the rules that keep them true,
 * shared by what keeps sessions and helpers' answers.
 * <ul>
 * <li>Nothing is kept or served unless the channel is listened to ({@link #up} to
 * {@link #down}), and each {@code up} forgets everything: what changed while nobody
 * listened is unknown.</li>
 * <li>A reading is kept only if no change came between its start ({@link #mark}) and its
 * keeping ({@link #keep}): a change's notice may have come between the reading and now,
 * and the reading may not hold it.</li>
 * <li>Every change ({@link #change}, {@link #forget}) moves the mark, whatever it
 * touched.</li>
 * </ul>
 *
 * @param <K> what a value is kept by
 * @param <V> the kept value, immutable
 */
public abstract class KeptWhileListening<K, V> implements Notices.Subscriber {

	/** Off: nothing is kept, whatever is listened to. */
	private final boolean keeps;

	private final Cache<K, V> kept;

	/** Moves on every change: a reading that saw it move is not kept. */
	private final AtomicLong changes = new AtomicLong();

	private volatile boolean live;

	protected KeptWhileListening(boolean keeps, Cache<K, V> kept) {
		this.keeps = keeps;
		this.kept = kept;
	}

	/** Whether kept values may be served now. */
	public final boolean live() {
		return this.live;
	}

	/** The kept value, or null (none, or not listening). */
	protected final @Nullable V kept(K key) {
		return this.live ? this.kept.getIfPresent(key) : null;
	}

	/** Where the changes stand, to be given to {@link #keep} with what was read after. */
	public final long mark() {
		return this.changes.get();
	}

	/**
	 * Keeps a value read after {@code mark}, joined by {@code join} with what is kept
	 * already (both hold: no change came since), unless a change came since the mark.
	 */
	protected final void keep(long mark, K key, V read, BinaryOperator<V> join) {
		if (!this.live || this.changes.get() != mark) {
			return;
		}
		V kept = this.kept.asMap().merge(key, read, join);
		// a change between the check and the merge did not see this value
		if (this.changes.get() != mark) {
			this.kept.asMap().remove(key, kept);
		}
	}

	/**
	 * A change that this instance can apply to a kept value: {@code apply} gives the
	 * value that holds it, or null to forget the value.
	 */
	protected final void change(K key, UnaryOperator<V> apply) {
		this.changes.incrementAndGet();
		this.kept.asMap().computeIfPresent(key, (k, was) -> apply.apply(was));
	}

	/** Forgets one key's value: its next use reads it again. */
	public final void forget(K key) {
		this.changes.incrementAndGet();
		this.kept.invalidate(key);
	}

	protected final void forgetAll() {
		this.changes.incrementAndGet();
		this.kept.invalidateAll();
	}

	/** How many values are kept now, for tests. */
	public final long size() {
		this.kept.cleanUp();
		return this.kept.estimatedSize();
	}

	@Override
	public final void up() {
		forgetAll();
		this.live = this.keeps;
	}

	@Override
	public final void down() {
		this.live = false;
		forgetAll();
	}

}
