package com.helpboard.credit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** One movement of credits. Written once, never changed or deleted. */
@Entity
@Immutable
@Table(name = "ledger_entries")
class LedgerEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long memberId;

	private long amount;

	@Enumerated(EnumType.STRING)
	@Column(columnDefinition = "varchar(16)")
	private LedgerEntryKind kind;

	private String idempotencyKey;

	private String reference;

	private long balanceAfter;

	private long debtAfter;

	private Instant createdAt;

	protected LedgerEntry() {
	}

	LedgerEntry(long memberId, long amount, LedgerEntryKind kind, String idempotencyKey, String reference,
			long balanceAfter, Instant createdAt) {
		this(memberId, amount, kind, idempotencyKey, reference, balanceAfter, 0, createdAt);
	}

	LedgerEntry(long memberId, long amount, LedgerEntryKind kind, String idempotencyKey, String reference,
			long balanceAfter, long debtAfter, Instant createdAt) {
		if (!kind.allows(amount)) {
			throw new IllegalArgumentException(kind + " does not move " + amount);
		}
		this.memberId = memberId;
		this.amount = amount;
		this.kind = kind;
		this.idempotencyKey = idempotencyKey;
		this.reference = reference;
		this.balanceAfter = balanceAfter;
		this.debtAfter = debtAfter;
		this.createdAt = createdAt;
	}

	/**
	 * Whether a retry with this key asks for the same thing. An earning may have been cut
	 * by the daily cap, so it matches any request at least as large.
	 */
	boolean isSameMovement(long memberId, LedgerEntryKind kind, long amount) {
		if (this.memberId != memberId || this.kind != kind) {
			return false;
		}
		return (kind == LedgerEntryKind.EARN) ? this.amount <= amount : this.amount == amount;
	}

	Long id() {
		return this.id;
	}

	long memberId() {
		return this.memberId;
	}

	long amount() {
		return this.amount;
	}

	String idempotencyKey() {
		return this.idempotencyKey;
	}

	String reference() {
		return this.reference;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	LedgerEntryKind kind() {
		return this.kind;
	}

	long balanceAfter() {
		return this.balanceAfter;
	}

	long debtAfter() {
		return this.debtAfter;
	}

	LedgerEntryView view() {
		return new LedgerEntryView(this.id, this.amount, this.kind.name(), this.reference, this.balanceAfter,
				this.createdAt, this.debtAfter, null, null, null, null, null, null);
	}

}
