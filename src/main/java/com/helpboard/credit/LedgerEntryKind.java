package com.helpboard.credit;

/** Why credits moved; the sign each kind allows is also a CHECK in the database. */
enum LedgerEntryKind {

	/** Confirmed help; positive, subject to the daily cap. */
	EARN,

	/** Paid for something (a boost); negative. */
	SPEND,

	/** A spend given back (a boost that never started); positive. */
	REFUND,

	/** A moderator's correction; either sign, never below zero. */
	ADJUST,

	/** A gift (signup grant, promotion); positive. */
	GRANT,

	/** A held help credit, released when its author came of age; positive. */
	RELEASE,

	/**
	 * A help credit taken back (the author rejected an auto-confirmed help); negative, or
	 * 0 when the balance was empty and all of it became debt.
	 */
	REVERSAL,

	/** Part of a credit that went to pay a debt, right after that credit; negative. */
	DEBT_PAYMENT;

	boolean allows(long amount) {
		return switch (this) {
			case EARN, REFUND, GRANT, RELEASE -> amount > 0;
			case SPEND, DEBT_PAYMENT -> amount < 0;
			case REVERSAL -> amount <= 0;
			case ADJUST -> amount != 0;
		};
	}

}
