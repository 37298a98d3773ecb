package com.helpboard.credit;

/** Where a boost is in its life; also a CHECK in the database. */
enum BoostStatus {

	/** Paid, waiting for a free slot in its group. */
	QUEUED,

	/** Holding a slot: its request is pinned until {@code endsAt}. */
	ACTIVE,

	/** Ran its time, or its request closed while it ran; not refunded. */
	ENDED,

	/** Its request closed before it started; the credits went back. */
	REFUNDED

}
