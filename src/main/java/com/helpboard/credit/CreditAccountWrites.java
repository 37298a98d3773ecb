package com.helpboard.credit;

import java.util.Collection;

/** Writes many accounts' new state at once (a batch job's payments). */
interface CreditAccountWrites {

	/**
	 * Stores the accounts' balances and daily earnings as their methods left them, a few
	 * hundred per statement; the caller holds their rows' locks (so nothing changed them
	 * meanwhile) and loaded them read only (so Hibernate does not write them again).
	 */
	void writeAll(Collection<CreditAccount> accounts);

}
