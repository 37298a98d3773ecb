package com.helpboard.credit;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How a boosted request is pinned in its group's feed: since when (its place among the
 * pinned, by the start of its earliest running boost) and until when (the end of its
 * latest running boost). A request boosted again keeps its place and stays pinned until
 * its last boost ends.
 *
 * @param since the start of the earliest running boost
 * @param until the end of the latest running boost
 */
record Pin(Instant since, Instant until) {

	/** The pin of a request whose {@code boost} starts now, beside its running ones. */
	static Pin starting(Boost boost, List<Boost> running, Instant now) {
		Instant end = boost.endIfStartedAt(now);
		Instant since = running.stream().map(Boost::getStartsAt).min(Comparator.naturalOrder()).orElse(now);
		Instant until = running.stream()
			.map(Boost::getEndsAt)
			.filter((other) -> other.isAfter(end))
			.max(Comparator.naturalOrder())
			.orElse(end);
		return new Pin(since, until);
	}

	/** The pin of a request by its running boosts; none when no boost runs. */
	static Optional<Pin> of(List<Boost> running) {
		if (running.isEmpty()) {
			return Optional.empty();
		}
		return Optional
			.of(new Pin(running.stream().map(Boost::getStartsAt).min(Comparator.naturalOrder()).orElseThrow(),
					running.stream().map(Boost::getEndsAt).max(Comparator.naturalOrder()).orElseThrow()));
	}

}
