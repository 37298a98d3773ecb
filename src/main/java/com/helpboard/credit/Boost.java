package com.helpboard.credit;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * Credits paid to pin one request at the top of its group for some hours. Queued until a
 * slot is free, then active until its end; a queued one can only be refunded, an active
 * one only ended.
 */
@Entity
@Table(name = "boosts")
class Boost {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long requestId;

	private long groupId;

	private long memberId;

	private int hours;

	private long cost;

	@Enumerated(EnumType.STRING)
	@Column(columnDefinition = "varchar(16)")
	private BoostStatus status;

	private Instant createdAt;

	private Instant startsAt;

	private Instant endsAt;

	@Version
	private long version;

	protected Boost() {
	}

	Boost(long requestId, long groupId, long memberId, int hours, long cost, Instant createdAt) {
		this.requestId = requestId;
		this.groupId = groupId;
		this.memberId = memberId;
		this.hours = hours;
		this.cost = cost;
		this.status = BoostStatus.QUEUED;
		this.createdAt = createdAt;
	}

	/** Takes a slot now for its hours. */
	void start(Instant now) {
		require(BoostStatus.QUEUED);
		this.status = BoostStatus.ACTIVE;
		this.startsAt = now;
		this.endsAt = endIfStartedAt(now);
	}

	/** Frees the slot: at its end, or earlier when its request closed. */
	void end(Instant now) {
		require(BoostStatus.ACTIVE);
		this.status = BoostStatus.ENDED;
		if (this.endsAt.isAfter(now)) {
			this.endsAt = now;
		}
	}

	/**
	 * Ends it when its time is up or its request closed.
	 * @return true when it ended now
	 */
	boolean endIfOver(Instant now, boolean requestOpen) {
		if (isRunningAt(now) && requestOpen) {
			return false;
		}
		end(now);
		return true;
	}

	/**
	 * Gives up its place in the queue for good: only a boost that never started is paid
	 * back. The ledger moves the credits, under {@link #refundKey()}.
	 */
	void refund() {
		require(BoostStatus.QUEUED);
		this.status = BoostStatus.REFUNDED;
	}

	/** Active and not yet past its end. */
	boolean isRunningAt(Instant now) {
		return this.status == BoostStatus.ACTIVE && this.endsAt.isAfter(now);
	}

	Instant endIfStartedAt(Instant start) {
		return start.plus(length());
	}

	/** Its place in its group's queue. */
	BoostQueue.Waiting waiting() {
		return new BoostQueue.Waiting(this.id, this.requestId, this.memberId, length());
	}

	private Duration length() {
		return Duration.ofHours(this.hours);
	}

	private void require(BoostStatus expected) {
		if (this.status != expected) {
			throw new IllegalStateException("boost " + this.id + " is " + this.status + ", not " + expected);
		}
	}

	/** As shown, with a queued boost's start and end estimated by the caller. */
	BoostView view(Instant estimatedStart) {
		if (this.status == BoostStatus.QUEUED && estimatedStart != null) {
			return new BoostView(this.id, this.requestId, this.cost, this.status.name(), estimatedStart,
					endIfStartedAt(estimatedStart), this.hours);
		}
		return new BoostView(this.id, this.requestId, this.cost, this.status.name(), this.startsAt, this.endsAt,
				this.hours);
	}

	Long getId() {
		return this.id;
	}

	long getRequestId() {
		return this.requestId;
	}

	long getGroupId() {
		return this.groupId;
	}

	long getMemberId() {
		return this.memberId;
	}

	int getHours() {
		return this.hours;
	}

	long getCost() {
		return this.cost;
	}

	BoostStatus getStatus() {
		return this.status;
	}

	Instant getStartsAt() {
		return this.startsAt;
	}

	Instant getEndsAt() {
		return this.endsAt;
	}

	/** The ledger key of what the member paid for this boost. */
	String spendKey() {
		return reference() + ":spend";
	}

	/** The ledger key of the refund: at most one, however often it is asked for. */
	String refundKey() {
		return reference() + ":refund";
	}

	String reference() {
		return "boost:" + this.id;
	}

}
