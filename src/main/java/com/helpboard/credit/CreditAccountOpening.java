package com.helpboard.credit;

import java.util.Collection;

/** Creates a member's account row on first use, safely when several writers race. */
interface CreditAccountOpening {

	/**
	 * Inserts the member's account row unless it exists, without spoiling the current
	 * transaction when a concurrent writer inserted it first.
	 * @return false when there is no such member
	 */
	boolean openIfAbsent(long memberId);

	/**
	 * Inserts the account rows of those of the members that have none, in one statement
	 * ({@code ON CONFLICT DO NOTHING}: a row a concurrent writer inserted first is left
	 * alone); ids of no member are skipped.
	 */
	void openAllAbsent(Collection<Long> memberIds);

}
