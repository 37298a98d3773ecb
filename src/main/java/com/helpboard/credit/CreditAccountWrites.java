package com.helpboard.credit;

import java.util.Collection;
import java.util.List;
import java.util.SortedSet;

/**
 * Many accounts at once, for a batch job's payments: locked and read in one statement,
 * written a thousand per statement.
 */
interface CreditAccountWrites {

	/**
	 * Locks the members' account rows in member order, the order every batch takes them
	 * in, so that two batches wait for each other rather than deadlock, and reads them
	 * ({@link com.helpboard.system.RowLocks}). The accounts are not managed by the
	 * persistence context: what their methods change is stored by {@link #writeAll}, and
	 * the caller has no unflushed change to them.
	 * @return the accounts found, in member order
	 */
	List<CreditAccount> lockAll(SortedSet<Long> memberIds);

	/**
	 * Stores the accounts' balances and daily earnings as their methods left them, a
	 * thousand per statement; the caller holds their rows' locks (so nothing changed them
	 * meanwhile) and read them with {@link #lockAll}.
	 */
	void writeAll(Collection<CreditAccount> accounts);

}
