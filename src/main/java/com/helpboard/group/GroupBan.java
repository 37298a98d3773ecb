package com.helpboard.group;

import java.time.Instant;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A member banned from a group until a time: no posting, claiming or reporting there. */
@Entity
@Table(name = "group_bans")
class GroupBan {

	@EmbeddedId
	private GroupMembership.Key id;

	private Instant bannedUntil;

	private String reason;

	private Long bannedBy;

	private Instant createdAt;

	protected GroupBan() {
	}

	GroupBan(long groupId, long memberId, Instant until, String reason, long bannedBy, Instant now) {
		this.id = new GroupMembership.Key(groupId, memberId);
		this.createdAt = now;
		renew(until, reason, bannedBy);
	}

	void renew(Instant until, String reason, long bannedBy) {
		this.bannedUntil = until;
		this.reason = reason;
		this.bannedBy = bannedBy;
	}

	boolean activeAt(Instant now) {
		return this.bannedUntil.isAfter(now);
	}

	GroupMembership.Key getId() {
		return this.id;
	}

	Instant getBannedUntil() {
		return this.bannedUntil;
	}

	String getReason() {
		return this.reason;
	}

}
