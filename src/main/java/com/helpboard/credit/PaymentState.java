package com.helpboard.credit;

/** What a confirmed help's payment is now (help_payments.state). */
public enum PaymentState {

	/** Credited at once. */
	PAID,

	/** Earned, not spendable yet: the author's account is new (docs/credits.md). */
	HELD,

	/** Held, then credited when the author came of age. */
	RELEASED,

	/** Paid nothing; the reason says why. */
	NONE,

	/** The author rejected the auto-confirmed help: what it paid was taken back. */
	REVERSED

}
