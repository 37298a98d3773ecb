package com.helpboard.account;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "api_tokens")
class ApiToken {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long memberId;

	private String name;

	private String tokenHash;

	private Instant createdAt;

	private Instant lastUsedAt;

	protected ApiToken() {
	}

	ApiToken(Long memberId, String name, String tokenHash, Instant createdAt) {
		this.memberId = memberId;
		this.name = name;
		this.tokenHash = tokenHash;
		this.createdAt = createdAt;
	}

	void used(Instant at) {
		this.lastUsedAt = at;
	}

	Long getId() {
		return this.id;
	}

	Long getMemberId() {
		return this.memberId;
	}

	String getName() {
		return this.name;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getLastUsedAt() {
		return this.lastUsedAt;
	}

}
