package com.helpboard.help;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.helpboard.request.RequestView;
import com.helpboard.system.KeptWhileListening;
import com.helpboard.system.Notices;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the help queue last asked the database about a helper
 * ({@link HelpQueries#dayAndRefused}): their join date, their claims of the day per
 * campaign, and which of the requests at the groups' fronts they claimed or whose authors
 * they blocked. Kept per instance, so a helper's next view, a skip or a reload of the
 * queue asks nothing while the fronts hold the same requests.
 * <p>
 * All of it changes only by the helper's own claims and blocks, and each of those, by any
 * instance or by hand, {@code NOTIFY}s at commit (migration V47), which {@link Notices}
 * hands here:
 * <ul>
 * <li>a new claim on a request the kept answers know is added to them (claimed, and
 * counted in its day), so "I helped → next" on any instance finds the next request
 * without asking;</li>
 * <li>anything else (a claim on a request they do not know, a block, an unblock, a
 * changed row) forgets the helper.</li>
 * </ul>
 * The instance that made a claim adds it itself just after the commit ({@link #claimed},
 * called by {@link Helps}), so its own next view never waits for the notice; the notice
 * then finds it there and changes nothing.
 * <p>
 * A reading that a notice overtook (begun before the change's commit, kept after its
 * notice) is not kept, and answers are only kept while the channel is listened to
 * ({@link KeptWhileListening}), so on H2, and while the connection is down, every view
 * asks the database, as before. Memory is bounded over all helpers ({@link #MAX_IDS}).
 */
@Component
class KeptHelperAnswers extends KeptWhileListening<Long, KeptHelperAnswers.Kept> {

	static final String CHANNEL = "helpboard_helper";

	/**
	 * Request ids and author ids kept per instance over all helpers, about 24 bytes each
	 * (a boxed long and its slot): at most about 12 MB, whoever views how often. A view
	 * asks about 64 requests, so this keeps some 4 000 helpers' latest views.
	 */
	static final long MAX_IDS = 500_000;

	/** Asked-about requests kept per helper; past it, only the latest reading is kept. */
	static final int MAX_REQUESTS = 256;

	private final LongAdder served = new LongAdder();

	KeptHelperAnswers(@Value("${helpboard.help.keep-answers-in-memory:true}") boolean keeps) {
		super(keeps,
				Caffeine.newBuilder()
					.maximumWeight(MAX_IDS)
					.<Long, Kept>weigher((helper, answers) -> 1 + answers.ids().size() + answers.authors().size())
					.build());
	}

	/** A helper's answers as read at some moment since the last change. */
	record Kept(LocalDate day, @Nullable Instant joinedAt, Map<String, Long> counts, Set<Long> ids, Set<Long> authors,
			Set<Long> claimed, Set<Long> blocked) {

		boolean answers(LocalDate day, Collection<RequestView> requests) {
			return this.day.equals(day) && requests.stream()
				.allMatch((r) -> this.ids.contains(r.id()) && this.authors.contains(r.authorId()));
		}

		HelpQueries.DayAndRefused answer() {
			return new HelpQueries.DayAndRefused(new HelpQueries.MemberDay(this.joinedAt, this.counts), this.ids,
					this.authors, new HelpQueries.Refused(this.claimed, this.blocked));
		}

	}

	/** The kept answer for these requests on this day, or null. */
	HelpQueries.@Nullable DayAndRefused answer(long helperId, LocalDate day, Collection<RequestView> requests) {
		Kept answers = kept(helperId);
		if (answers == null || !answers.answers(day, requests)) {
			return null;
		}
		this.served.increment();
		return answers.answer();
	}

	/**
	 * Keeps a reading made after {@code mark}, together with what was kept of the same
	 * day (both still hold: no change came since), unless a change came since the mark.
	 */
	void keep(long mark, long helperId, LocalDate day, HelpQueries.DayAndRefused read) {
		if (read.day().joinedAt() == null) {
			return;
		}
		Kept fresh = new Kept(day, read.day().joinedAt(), Map.copyOf(read.day().counts()), Set.copyOf(read.ids()),
				Set.copyOf(read.authors()), Set.copyOf(read.refused().claimed()),
				Set.copyOf(read.refused().blockedAuthors()));
		keep(mark, helperId, fresh, KeptHelperAnswers::merge);
	}

	private static Kept merge(Kept was, Kept now) {
		if (!was.day().equals(now.day()) || was.ids().size() + now.ids().size() > MAX_REQUESTS) {
			return now;
		}
		return new Kept(now.day(), now.joinedAt(), now.counts(), union(was.ids(), now.ids()),
				union(was.authors(), now.authors()), union(was.claimed(), now.claimed()),
				union(was.blocked(), now.blocked()));
	}

	private static Set<Long> union(Set<Long> a, Set<Long> b) {
		Set<Long> all = new HashSet<>(a);
		all.addAll(b);
		return Set.copyOf(all);
	}

	/**
	 * The helper claimed this request (committed): added to what is kept of them when it
	 * is among the requests asked about, else the helper is forgotten. Adding twice (here
	 * and by the notice) adds once.
	 */
	void claimed(long helperId, long requestId, LocalDate day, String campaign) {
		change(helperId, (was) -> {
			if (!was.ids().contains(requestId)) {
				return null;
			}
			if (was.claimed().contains(requestId)) {
				return was;
			}
			Map<String, Long> counts = new HashMap<>(was.counts());
			if (was.day().equals(day)) {
				counts.merge(campaign, 1L, Long::sum);
			}
			return new Kept(was.day(), was.joinedAt(), Map.copyOf(counts), was.ids(), was.authors(),
					union(was.claimed(), Set.of(requestId)), was.blocked());
		});
	}

	@Override
	public String channel() {
		return CHANNEL;
	}

	/** "17 claim 20000 2026-12-05 pdd-bargain", or "17 changed". */
	@Override
	public void notice(String payload) {
		String[] parts = payload.split(" ", 5);
		try {
			long helperId = Long.parseLong(parts[0]);
			if (parts.length == 5 && parts[1].equals("claim")) {
				claimed(helperId, Long.parseLong(parts[2]), LocalDate.parse(parts[3]), parts[4]);
			}
			else {
				forget(helperId);
			}
		}
		catch (RuntimeException ex) {
			// not a notice of ours: whatever it meant, nothing kept can be trusted
			forgetAll();
		}
	}

	/** How many views were answered from memory, for tests. */
	long served() {
		return this.served.sum();
	}

}
