package com.helpboard.credit;

/** Creates a member's account row on first use, safely when several writers race. */
interface CreditAccountOpening {

	/**
	 * Inserts the member's account row unless it exists, without spoiling the current
	 * transaction when a concurrent writer inserted it first.
	 * @return false when there is no such member
	 */
	boolean openIfAbsent(long memberId);

}
