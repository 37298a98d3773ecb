package com.helpboard.system.security;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

import com.helpboard.system.security.ThrottleSettings.Limit;

/**
 * Token buckets (Bucket4j) for the throttled actions. On PostgreSQL the buckets live in
 * the database, so every instance counts against the same limit; on the embedded H2 (one
 * instance by nature) they live in memory.
 */
class Throttle {

	private static final int MAX_LOCAL_BUCKETS = 100_000;

	private final Function<Key, Bucket> buckets;

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> shared;

	private final Map<Key, Bucket> local = new ConcurrentHashMap<>();

	Throttle(DataSource dataSource) {
		if (isPostgres(dataSource)) {
			this.shared = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
				.primaryKeyMapper(PrimaryKeyMapper.STRING)
				.table("throttle_buckets")
				.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
				.build();
			this.buckets = (key) -> this.shared.builder().build(key.id(), () -> configuration(key.limit()));
		}
		else {
			this.shared = null;
			this.buckets = (key) -> {
				if (this.local.size() > MAX_LOCAL_BUCKETS) {
					this.local.clear();
				}
				return this.local.computeIfAbsent(key, (k) -> Bucket.builder().addLimit(bandwidth(k.limit())).build());
			};
		}
	}

	/**
	 * Takes one attempt from every bucket named; empty when all had one, else how long
	 * until the emptiest refills.
	 */
	Optional<Duration> take(List<Key> keys) {
		Duration wait = Duration.ZERO;
		for (Key key : keys) {
			ConsumptionProbe probe = this.buckets.apply(key).tryConsumeAndReturnRemaining(1);
			if (!probe.isConsumed()) {
				Duration refill = Duration.ofNanos(probe.getNanosToWaitForRefill());
				wait = (refill.compareTo(wait) > 0) ? refill : wait;
			}
		}
		return wait.isZero() ? Optional.empty() : Optional.of(wait);
	}

	/** Deletes buckets that have refilled completely; returns how many. */
	int purge(int batch) {
		return (this.shared != null) ? this.shared.removeExpired(batch) : 0;
	}

	private static BucketConfiguration configuration(Limit limit) {
		return BucketConfiguration.builder().addLimit(bandwidth(limit)).build();
	}

	private static Bandwidth bandwidth(Limit limit) {
		return Bandwidth.builder().capacity(limit.count()).refillGreedy(limit.count(), limit.period()).build();
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot tell which database this is", ex);
		}
	}

	/**
	 * One bucket: its id says the action and whose attempts it counts; the limit is part
	 * of the key so a changed setting starts a fresh bucket.
	 */
	record Key(String id, Limit limit) {

		static Key of(String action, String kind, String who, Limit limit) {
			String id = action + ":" + kind + ":" + limit.count() + "/" + limit.period().toSeconds() + ":" + who;
			return new Key((id.length() > 200) ? id.substring(0, 200) : id, limit);
		}

	}

}
