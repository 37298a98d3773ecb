package com.helpboard.stats;

import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * The times requests took to be fulfilled, as counts per bucket of
 * {@link #BUCKET_MINUTES} minutes (bucket n: from 10n to 10n + 10 minutes after posting),
 * as the {@code stats_fulfil_times} rows keep them. The median is the middle of the
 * bucket the middle request falls in: approximate, off by half a bucket (5 minutes) at
 * most, whatever the number of requests.
 */
final class FulfilTimes {

	static final int BUCKET_MINUTES = 10;

	private final TreeMap<Integer, Long> counts = new TreeMap<>();

	void add(int bucket, long requests) {
		this.counts.merge(bucket, requests, Long::sum);
	}

	static FulfilTimes of(Map<Integer, Long> counts) {
		FulfilTimes times = new FulfilTimes();
		counts.forEach(times::add);
		return times;
	}

	long requests() {
		return this.counts.values().stream().mapToLong(Long::longValue).sum();
	}

	/** The median time to fulfil in hours, to a tenth; null when none was fulfilled. */
	@Nullable Double medianHours() {
		long total = requests();
		if (total == 0) {
			return null;
		}
		// the lower middle of an even count, as the middle request of an odd one
		long middle = (total + 1) / 2;
		long seen = 0;
		for (Map.Entry<Integer, Long> bucket : this.counts.entrySet()) {
			seen += bucket.getValue();
			if (seen >= middle) {
				double minutes = bucket.getKey() * BUCKET_MINUTES + BUCKET_MINUTES / 2.0;
				return Math.round(minutes / 60 * 10) / 10.0;
			}
		}
		throw new IllegalStateException("unreachable");
	}

}
