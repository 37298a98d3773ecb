package com.helpboard.moderation;

/** Why a member reports a request. */
public enum ReportReason {

	DEAD_LINK, NOT_A_HELP_LINK, SPAM, PHISHING, WRONG_GROUP, OTHER

}
