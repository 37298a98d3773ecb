package com.helpboard.request.spi;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import com.helpboard.request.Reciprocity;

/**
 * The confirmed helps members gave and received, which request cards show (reciprocity)
 * and the group's posting rule counts (help before you post). Implemented by the help
 * module without calling back into the request module's facade.
 */
public interface HelpHistory {

	/**
	 * Given and received helps of each member, in one query; members with none left out.
	 */
	Map<Long, Reciprocity> reciprocity(Collection<Long> memberIds);

	/**
	 * The requests' claims counted by status, in one query; requests without claims left
	 * out.
	 */
	Map<Long, ClaimCounts> claimCounts(Collection<Long> requestIds);

	/** Helps the member gave that were confirmed after {@code since}. */
	long helpsGivenSince(long memberId, Instant since);

}
