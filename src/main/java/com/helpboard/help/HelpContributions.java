package com.helpboard.help;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import com.helpboard.account.ProfileFacts;
import com.helpboard.group.GroupView;
import com.helpboard.group.Groups;
import com.helpboard.request.PostingRule;
import com.helpboard.request.Reciprocity;
import com.helpboard.request.ReciprocitySource;
import com.helpboard.request.Requests;
import com.helpboard.system.HelpBoardException;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * What the help module tells others: reciprocity on request cards, helps on the profile,
 * and the "help before you post" rule.
 */
@Component
class HelpContributions implements ReciprocitySource, ProfileFacts, PostingRule {

	private final Helps helps;

	private final HelpQueries queries;

	private final Groups groups;

	private final Requests requests;

	private final Clock clock;

	HelpContributions(@Lazy Helps helps, HelpQueries queries, Groups groups, @Lazy Requests requests, Clock clock) {
		this.helps = helps;
		this.queries = queries;
		this.groups = groups;
		this.requests = requests;
		this.clock = clock;
	}

	@Override
	public Map<Long, Reciprocity> of(Collection<Long> memberIds) {
		return memberIds.isEmpty() ? Map.of() : this.queries.reciprocity(memberIds);
	}

	@Override
	public void contribute(long memberId, Map<String, Object> facts) {
		facts.put("helpsGiven", this.helps.helpsGiven(memberId));
		facts.put("helpsReceived", this.helps.helpsReceived(memberId));
	}

	@Override
	public Optional<HelpBoardException> check(long memberId, long groupId) {
		GroupView group = this.groups.findById(groupId).orElse(null);
		if (group == null) {
			return Optional.empty();
		}
		GroupView.PostingRule rule = group.postingRule();
		if (rule.helpsToPost() == 0 || this.requests.countPostedBy(memberId, groupId) < rule.freePosts()) {
			return Optional.empty();
		}
		long given = this.helps.confirmedSince(memberId,
				this.clock.instant().minus(Duration.ofHours(rule.windowHours())));
		long missing = rule.helpsToPost() - given;
		return (missing <= 0) ? Optional.empty() : Optional
			.of(HelpBoardException.forbidden("help.post-rule.missing", missing, rule.windowHours(), rule.freePosts()));
	}

}
