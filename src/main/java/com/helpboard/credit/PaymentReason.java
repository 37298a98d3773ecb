package com.helpboard.credit;

/**
 * Why a confirmed help paid less than a full credit, is held or was reversed; the ledger
 * page and profile say it in words ({@code credit.reason.*}).
 */
public enum PaymentReason {

	/** The helper had this week's credits from this author already. */
	PAIR_CAP,

	/** The two members had this week's credits from each other already. */
	MUTUAL_CAP,

	/** The helper had earned today's credits already. */
	DAILY_CAP,

	/** Held until the author's account comes of age. */
	AUTHOR_NEW,

	/** The author's account was suspended. */
	AUTHOR_SUSPENDED,

	/** Auto-confirmed, and too few of the helper's claims were answered yet. */
	AUTO_TOO_FEW_ANSWERS,

	/** Auto-confirmed, and too few of the helper's answered claims were confirmed. */
	AUTO_LOW_CONFIRMED,

	/** The author rejected the help after it confirmed itself. */
	REJECTED_AFTER_AUTO

}
