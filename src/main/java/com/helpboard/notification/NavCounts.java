package com.helpboard.notification;

/**
 * The nav's two counts: claims waiting for the member's answer ("等我确认 3") and unread
 * notifications ("通知 2").
 */
public record NavCounts(long waiting, long unread) {

	public static final NavCounts NONE = new NavCounts(0, 0);

}
