package com.helpboard.help;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.helpboard.request.Campaign;
import com.helpboard.request.Campaigns;
import com.helpboard.request.RequestView;
import com.helpboard.request.Requests;
import com.helpboard.system.ChinaTime;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The help queue: the next request a member can help and their day's counts. Picked from
 * the groups' kept fronts ({@link Requests#queueFront}, {@link FrontPick}), so a view
 * asks the database at most one small question whatever the groups' sizes (none while the
 * helper's answers are kept, {@link KeptHelperAnswers}): the member's day, and whether
 * they claimed the requests nearest the front or blocked their authors (a second one only
 * when the pick lies further back). Only when the fronts cannot tell (a member who passed
 * over more than a front holds) does it ask {@link HelpQueries#nextFor}'s statement.
 * <p>
 * Deliberately outside any transaction: each statement takes a connection and gives it
 * back. A view that held one from its first statement to its last held it while it waited
 * for the CPU and for kept values other views were reading; with 32 views at once on 2
 * cores the pool of 10 ran dry and views failed after their 3 s wait.
 */
@Component
class HelpQueue {

	private final HelpQueries queries;

	private final Requests requests;

	private final Campaigns campaigns;

	private final Clock clock;

	private final Duration newUserAge;

	HelpQueue(HelpQueries queries, Requests requests, Campaigns campaigns, Clock clock, HelpSettings settings) {
		this.queries = queries;
		this.requests = requests;
		this.campaigns = campaigns;
		this.clock = clock;
		this.newUserAge = settings.newUserAge();
	}

	/**
	 * What the help queue shows: the next request to help, if any, and today's counts.
	 */
	record View(@Nullable RequestView next, HelperDay today) {
	}

	/**
	 * The next request the member can help: in these groups (the member's, or one of
	 * them: the caller checked), open, not theirs, not claimed by them, not skipped, not
	 * by an author they blocked, of a campaign whose daily cap they have not used up and,
	 * once they are no longer a new user, not a new-user-only one; boosted first, then
	 * fewest helps left, then oldest.
	 */
	View view(long helperId, List<Long> groupIds, Collection<Long> skip) {
		Instant now = this.clock.instant();
		FrontPick.Walk walk = FrontPick.Walk.of(groupIds.stream().map(this.requests::queueFront).toList(), now);
		// the day, and the claims and blocks among the requests a pick most likely asks
		// about, in one statement
		HelpQueries.DayAndRefused first = this.queries.dayAndRefused(helperId, ChinaTime.day(now),
				FrontPick.likelyAsked(walk, helperId, skip, now, 2 * FrontPick.BATCH));
		HelpQueries.MemberDay day = first.day();
		HelperDay today = HelperDay.of(day.counts(), this.campaigns.all(), now);
		if (groupIds.isEmpty()) {
			return new View(null, today);
		}
		Set<String> excluded = new HashSet<>();
		today.campaigns().stream().filter(HelperDay.CampaignCount::capped).forEach((c) -> excluded.add(c.campaign()));
		if (day.joinedAt() == null || !day.joinedAt().plus(this.newUserAge).isAfter(now)) {
			this.campaigns.all()
				.stream()
				.filter(Campaign::newUserOnly)
				.forEach((campaign) -> excluded.add(campaign.code()));
		}
		FrontPick pick = FrontPick.of(walk, helperId, excluded, skip, now,
				(batch) -> first.answers(batch) ? first.refused() : this.queries.refused(helperId, batch));
		Optional<RequestView> next = pick.known()
				? Optional.ofNullable(pick.next()).map((request) -> this.requests.queueView(request, helperId))
				: this.queries.nextFor(helperId, groupIds, excluded, skip, now)
					.map((id) -> this.requests.get(id, helperId));
		return new View(next.orElse(null), today);
	}

}
