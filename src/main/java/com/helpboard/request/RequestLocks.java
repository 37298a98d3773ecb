package com.helpboard.request;

import java.util.List;
import java.util.SortedSet;

/** Locks a batch's requests ({@link com.helpboard.system.RowLocks}). */
interface RequestLocks {

	/**
	 * Locks the requests in id order, the order every batch takes them in, so that two
	 * batches sharing requests wait for each other instead of deadlocking ("for no key
	 * update" on PostgreSQL: claims and boosts referencing them still insert).
	 * @return the ids of those found
	 */
	List<Long> lockAll(SortedSet<Long> ids);

}
