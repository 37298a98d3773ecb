package com.helpboard.notification;

/**
 * What a notification says; its text is {@code notification.<KIND>} in the reader's
 * language, filled with the request's title, the other member's name and the detail. Also
 * a CHECK in the database.
 */
public enum NotificationKind {

	/** A helper claims to have helped your request: confirm or reject it. */
	CLAIM_WAITING,

	/** Your claim was confirmed (by the author or by itself after 24 h). */
	CLAIM_CONFIRMED,

	/** Your claim was rejected by the author. */
	CLAIM_REJECTED,

	/** Your request got all the helps it asked for. */
	REQUEST_FULFILLED,

	/** Your open request expires within the hour. */
	REQUEST_EXPIRING,

	/** Your request expired. */
	REQUEST_EXPIRED,

	/** A moderator hid your request. */
	REQUEST_HIDDEN,

	/** A moderator restored your hidden request. */
	REQUEST_RESTORED,

	/** Your boost took its slot: the request is pinned. */
	BOOST_STARTED,

	/** Your boost ran its time (or its request closed). */
	BOOST_ENDED,

	/** Your boost's request closed before it started: the credits went back. */
	BOOST_REFUNDED

}
