package com.helpboard.moderation;

/** What the moderation log records; {@code AUTO_HIDE} is the system's. */
public enum LogAction {

	AUTO_HIDE, HIDE, RESTORE, BAN, UNBAN, MODERATOR_ADDED, MODERATOR_REMOVED, SUSPEND, UNSUSPEND

}
