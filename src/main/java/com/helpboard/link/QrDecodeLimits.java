package com.helpboard.link;

import java.time.Duration;
import java.util.Objects;

/**
 * How much QR decoding the server allows at once. Decoding is CPU-heavy and ZXing cannot
 * be interrupted, so uploads are throttled: at most {@code maxConcurrentDecodes} run at
 * once (per distinct limits, across the JVM), a caller waits at most {@code permitWait}
 * for a turn ({@link Reason#IMAGE_BUSY} otherwise), and gives up on a decode after
 * {@code decodeTimeout} ({@link Reason#IMAGE_TOO_COMPLEX}); an abandoned decode keeps its
 * turn until it really ends.
 *
 * @param maxConcurrentDecodes decodes running at once, at least 1
 * @param permitWait how long a caller waits for a turn, not negative
 * @param decodeTimeout how long a caller waits for the decode, positive
 */
public record QrDecodeLimits(int maxConcurrentDecodes, Duration permitWait, Duration decodeTimeout) {

	/** Two decodes at once, wait up to 2 s for a turn, give up after 5 s. */
	public static final QrDecodeLimits DEFAULT = new QrDecodeLimits(2, Duration.ofSeconds(2), Duration.ofSeconds(5));

	public QrDecodeLimits {
		Objects.requireNonNull(permitWait, "permitWait");
		Objects.requireNonNull(decodeTimeout, "decodeTimeout");
		if (maxConcurrentDecodes < 1) {
			throw new IllegalArgumentException("maxConcurrentDecodes must be at least 1");
		}
		if (permitWait.isNegative()) {
			throw new IllegalArgumentException("permitWait must not be negative");
		}
		if (decodeTimeout.isNegative() || decodeTimeout.isZero()) {
			throw new IllegalArgumentException("decodeTimeout must be positive");
		}
	}

}
