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
	GRANT;

	boolean allows(long amount) {
		return switch (this) {
			case EARN, REFUND, GRANT -> amount > 0;
			case SPEND -> amount < 0;
			case ADJUST -> amount != 0;
		};
	}

}
