package com.helpboard.group;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

@Entity
@Table(name = "group_members")
class GroupMembership {

	@Embeddable
	record Key(Long groupId, Long memberId) implements Serializable {
	}

	@EmbeddedId
	private Key id;

	@Enumerated(EnumType.STRING)
	@Column(columnDefinition = "varchar(16)")
	private GroupRole role;

	private Instant joinedAt;

	protected GroupMembership() {
	}

	GroupMembership(long groupId, long memberId, GroupRole role, Instant joinedAt) {
		this.id = new Key(groupId, memberId);
		this.role = role;
		this.joinedAt = joinedAt;
	}

	Key getId() {
		return this.id;
	}

	GroupRole getRole() {
		return this.role;
	}

	/** Names or removes a moderator; the owner stays the owner. */
	boolean moderate(boolean moderator) {
		GroupRole to = moderator ? GroupRole.MODERATOR : GroupRole.MEMBER;
		if (this.role == GroupRole.OWNER || this.role == to) {
			return false;
		}
		this.role = to;
		return true;
	}

}
