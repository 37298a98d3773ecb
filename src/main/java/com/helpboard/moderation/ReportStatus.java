package com.helpboard.moderation;

/**
 * A report waits ({@code PENDING}) until a moderator hides the request ({@code UPHELD})
 * or restores it ({@code DISMISSED}: a false report).
 */
public enum ReportStatus {

	PENDING, UPHELD, DISMISSED

}
