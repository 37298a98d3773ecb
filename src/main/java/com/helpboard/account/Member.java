package com.helpboard.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "members")
class Member {

	enum SiteRole {

		MEMBER, ADMIN

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	private String usernameKey;

	private String passwordHash;

	@Enumerated(EnumType.STRING)
	@Column(columnDefinition = "varchar(16)")
	private SiteRole siteRole;

	private int standing;

	private Instant createdAt;

	private @Nullable Instant suspendedAt;

	private @Nullable String suspendedReason;

	private @Nullable String nickname;

	protected Member() {
	}

	Member(String username, String passwordHash, Instant createdAt) {
		this.username = username;
		this.usernameKey = Usernames.key(username);
		this.passwordHash = passwordHash;
		this.siteRole = SiteRole.MEMBER;
		this.createdAt = createdAt;
	}

	void changeStanding(int delta) {
		this.standing += delta;
	}

	void changePasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	/**
	 * Suspends the account (a site admin's decision); the first suspension's time stays.
	 */
	void suspend(String reason, Instant now) {
		if (this.suspendedAt == null) {
			this.suspendedAt = now;
		}
		this.suspendedReason = reason;
	}

	void unsuspend() {
		this.suspendedAt = null;
		this.suspendedReason = null;
	}

	boolean isSuspended() {
		return this.suspendedAt != null;
	}

	@Nullable Instant getSuspendedAt() {
		return this.suspendedAt;
	}

	@Nullable String getSuspendedReason() {
		return this.suspendedReason;
	}

	/** A {@link Nicknames#normalize checked} nickname, or null to clear it. */
	void changeNickname(@Nullable String nickname) {
		this.nickname = nickname;
	}

	@Nullable String getNickname() {
		return this.nickname;
	}

	void makeAdmin() {
		this.siteRole = SiteRole.ADMIN;
	}

	Long getId() {
		return this.id;
	}

	String getUsername() {
		return this.username;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	SiteRole getSiteRole() {
		return this.siteRole;
	}

	int getStanding() {
		return this.standing;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

}
