package com.helpboard.request;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The feed's order: boosted requests first, in the order their boosts started; the rest
 * in a weighted shuffle that rotates every {@link #ROTATION} (docs/feed-order.md).
 * <p>
 * Each request gets a weight {@code w} in [{@link #MIN_WEIGHT}, {@link #MAX_WEIGHT}] from
 * how close it is to done, its author's reciprocity, and how long it has waited without
 * help; its sort key is {@code ln(u) / w} with {@code u} a hash of (rotation, id) in (0,
 * 1) — the Efraimidis–Spirakis weighted random permutation, so a request is first with
 * probability proportional to its weight. The same rotation gives the same order, so
 * paging within a view neither repeats nor skips.
 */
final class FairOrder {

	static final Duration ROTATION = Duration.ofMinutes(10);

	/** Earlier rotations a page may still be cut from: an hour's, for those paging on. */
	static final int PAGING_ROTATIONS = 6;

	static final double MIN_WEIGHT = 0.5;

	static final double MAX_WEIGHT = 4.0;

	static final Duration WAITING = Duration.ofHours(2);

	private FairOrder() {
	}

	/** The rotation a view that starts now uses. */
	static long rotationAt(Instant now) {
		return now.getEpochSecond() / ROTATION.getSeconds();
	}

	record Candidate(long id, long authorId, int helpsConfirmed, int helpsNeeded, Instant createdAt,
			Instant boostedUntil, Instant boostStartedAt) {

		boolean boostedAt(Instant now) {
			return this.boostedUntil != null && this.boostedUntil.isAfter(now);
		}

	}

	static List<Long> order(List<Candidate> candidates, Map<Long, Reciprocity> reciprocity, long rotation,
			Instant now) {
		return orderCandidates(candidates, reciprocity, rotation, now).stream().map(Candidate::id).toList();
	}

	static List<Candidate> orderCandidates(List<Candidate> candidates, Map<Long, Reciprocity> reciprocity,
			long rotation, Instant now) {
		// each key computed once, not once per comparison
		record Keyed(Candidate candidate, boolean boosted, double key) {
		}
		Comparator<Keyed> order = Comparator.comparing((Keyed k) -> !k.boosted())
			.thenComparing((Keyed k) -> k.boosted() ? k.candidate().boostStartedAt() : Instant.EPOCH,
					Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(Comparator.comparingDouble(Keyed::key).reversed())
			.thenComparingLong((Keyed k) -> k.candidate().id());
		return candidates.stream()
			.map((c) -> new Keyed(c, c.boostedAt(now),
					key(c, reciprocity.getOrDefault(c.authorId(), Reciprocity.NONE), rotation, now)))
			.sorted(order)
			.map(Keyed::candidate)
			.toList();
	}

	static double key(Candidate c, Reciprocity reciprocity, long rotation, Instant now) {
		return Math.log(uniform(rotation, c.id())) / weight(c, reciprocity, now);
	}

	static double weight(Candidate c, Reciprocity reciprocity, Instant now) {
		// nearly done requests are worth finishing
		double closeness = 1 + 0.75 * c.helpsConfirmed() / (double) c.helpsNeeded();
		// those who help others get seen more; takers less, within bounds
		double giving = clamp((1.0 + reciprocity.given()) / (1.0 + reciprocity.received()), 0.5, 2.0);
		// a request nobody helped for a while gets a lift so it is not buried
		double waiting = (c.helpsConfirmed() == 0 && c.createdAt().plus(WAITING).isBefore(now)) ? 1.5 : 1.0;
		return clamp(closeness * giving * waiting, MIN_WEIGHT, MAX_WEIGHT);
	}

	/** A uniform number in (0, 1) from the rotation and the id (SplitMix64). */
	static double uniform(long rotation, long id) {
		long z = rotation * 0x9E3779B97F4A7C15L + id;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		z = z ^ (z >>> 31);
		return ((z >>> 11) + 0.5) / (double) (1L << 53);
	}

	private static double clamp(double value, double min, double max) {
		return Math.max(min, Math.min(max, value));
	}

}
