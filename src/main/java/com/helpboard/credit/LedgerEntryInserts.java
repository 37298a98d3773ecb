package com.helpboard.credit;

import java.util.List;

/** Writes many new ledger entries at once (a batch job's payments). */
interface LedgerEntryInserts {

	/**
	 * Inserts the entries in the current transaction, a few hundred per statement; unlike
	 * {@code save} (one statement each: the ids come from an identity column) it returns
	 * nothing. The unique idempotency key still refuses a duplicate.
	 */
	void insertAll(List<LedgerEntry> entries);

}
