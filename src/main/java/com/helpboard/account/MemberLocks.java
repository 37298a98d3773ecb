package com.helpboard.account;

import java.util.List;
import java.util.SortedSet;

/** Locks a batch's members ({@link com.helpboard.system.RowLocks}). */
interface MemberLocks {

	/**
	 * Locks the members in id order, as every batch takes them, so two batches wait
	 * rather than deadlock ("for no key update" on PostgreSQL: rows that merely reference
	 * a member still insert).
	 * @return the ids of those found
	 */
	List<Long> lockAll(SortedSet<Long> ids);

}
