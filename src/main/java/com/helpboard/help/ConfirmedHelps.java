package com.helpboard.help;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import com.helpboard.request.Reciprocity;
import com.helpboard.request.spi.ClaimCounts;
import com.helpboard.request.spi.HelpHistory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the request module what members helped, from this module's own queries: it must
 * not use the request facade, which depends on it.
 */
@Component
@Transactional(readOnly = true)
class ConfirmedHelps implements HelpHistory {

	private final ClaimRepository claims;

	private final HelpQueries queries;

	ConfirmedHelps(ClaimRepository claims, HelpQueries queries) {
		this.claims = claims;
		this.queries = queries;
	}

	@Override
	public Map<Long, Reciprocity> reciprocity(Collection<Long> memberIds) {
		return memberIds.isEmpty() ? Map.of() : this.queries.reciprocity(memberIds);
	}

	@Override
	public Map<Long, ClaimCounts> claimCounts(Collection<Long> requestIds) {
		if (requestIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, long[]> counts = new HashMap<>();
		for (Object[] row : this.claims.countsByStatusOn(requestIds)) {
			long[] byStatus = counts.computeIfAbsent((Long) row[0], (id) -> new long[3]);
			byStatus[((ClaimStatus) row[1]).ordinal()] = (Long) row[2];
		}
		Map<Long, ClaimCounts> result = new HashMap<>();
		counts.forEach((id, c) -> result.put(id, new ClaimCounts(c[ClaimStatus.CLAIMED.ordinal()],
				c[ClaimStatus.CONFIRMED.ordinal()], c[ClaimStatus.REJECTED.ordinal()])));
		return result;
	}

	@Override
	public long helpsGivenSince(long memberId, Instant since) {
		return this.claims.countConfirmedSince(memberId, since);
	}

}
