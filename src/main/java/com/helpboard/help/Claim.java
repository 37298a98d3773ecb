package com.helpboard.help;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;

import com.helpboard.system.HelpBoardException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * "I helped": one per helper and request, then confirmed or rejected by the author (or
 * confirmed by itself when nobody answered). Decides once, and registers
 * {@link ClaimConfirmed} or {@link ClaimRejected}; they are published when the claim is
 * saved. A new claim announces itself with {@link ClaimMade}.
 */
@Entity
@Table(name = "claims")
class Claim extends AbstractAggregateRoot<Claim> {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long requestId;

	private Long helperId;

	private Long authorId;

	private String campaign;

	@Enumerated(EnumType.STRING)
	@Column(columnDefinition = "varchar(16)")
	private ClaimStatus status;

	private Instant createdAt;

	private Instant decidedAt;

	private boolean autoConfirmed;

	private LocalDate helperDay;

	@Enumerated(EnumType.STRING)
	@Column(columnDefinition = "varchar(16)")
	private RejectReason rejectReason;

	@Version
	private long version;

	/** Made and not yet announced: {@link ClaimMade} needs the id saving gives. */
	@Transient
	private boolean unannounced;

	protected Claim() {
	}

	Claim(long requestId, long helperId, long authorId, String campaign, Instant createdAt, LocalDate helperDay) {
		this.requestId = requestId;
		this.helperId = helperId;
		this.authorId = authorId;
		this.campaign = campaign;
		this.status = ClaimStatus.CLAIMED;
		this.createdAt = createdAt;
		this.helperDay = helperDay;
		this.unannounced = true;
	}

	/**
	 * The author confirms the help.
	 * @return true when this call confirmed it; false when it was confirmed already (a
	 * retry), which changes nothing
	 */
	boolean confirmBy(long memberId, Instant now) {
		checkAuthor(memberId);
		return confirm(now, false);
	}

	/**
	 * Confirms a claim its author left unanswered; false when it was confirmed already.
	 * The auto-confirm job does the same to a whole batch in one statement
	 * ({@link ClaimRepository#confirmAllUnanswered}) and publishes one
	 * {@link ClaimsConfirmed} for it: keep the two in step (the tests hold the batch to
	 * this method's results).
	 */
	boolean confirmUnanswered(Instant now) {
		return confirm(now, true);
	}

	/**
	 * The author says the help did not happen.
	 * @return true when this call rejected it; false when it was rejected already
	 */
	boolean rejectBy(long memberId, Instant now) {
		return rejectBy(memberId, now, Duration.ZERO, null);
	}

	/**
	 * As {@link #rejectBy(long, Instant, Duration, RejectReason)}, without a reason.
	 */
	boolean rejectBy(long memberId, Instant now, Duration autoConfirmedWindow) {
		return rejectBy(memberId, now, autoConfirmedWindow, null);
	}

	/**
	 * The author says the help did not happen; a claim that confirmed itself may still be
	 * rejected within {@code autoConfirmedWindow} of its confirmation, which also
	 * registers {@link ClaimReversed} (its credit is taken back). One the author
	 * confirmed, or that confirmed itself longer ago, is refused. The reason, when given,
	 * stays with the claim for its helper to read.
	 * @return true when this call rejected it; false when it was rejected already
	 */
	boolean rejectBy(long memberId, Instant now, Duration autoConfirmedWindow, RejectReason reason) {
		checkAuthor(memberId);
		if (this.status == ClaimStatus.REJECTED) {
			return false;
		}
		boolean reversing = false;
		if (this.status == ClaimStatus.CONFIRMED) {
			if (!this.autoConfirmed) {
				throw HelpBoardException.conflict("help.claim.already-confirmed");
			}
			Instant until = this.decidedAt.plus(autoConfirmedWindow);
			if (!now.isBefore(until)) {
				throw HelpBoardException.conflict("help.claim.reject-window-passed", autoConfirmedWindow.toHours());
			}
			reversing = true;
		}
		this.status = ClaimStatus.REJECTED;
		this.decidedAt = now;
		this.rejectReason = reason;
		registerEvent(new ClaimRejected(this.id, this.requestId, this.helperId, this.authorId, now,
				(reason != null) ? reason.name() : null));
		if (reversing) {
			registerEvent(new ClaimReversed(this.id, this.requestId, this.helperId, this.authorId, now));
		}
		return true;
	}

	/**
	 * Whether its helper may still answer the rejection: only the helper, only a rejected
	 * claim; whether they answered already is the answers' table's to say (one per
	 * claim).
	 */
	void checkAnswerableBy(long memberId) {
		if (this.helperId != memberId) {
			throw HelpBoardException.forbidden("help.answer.not-helper");
		}
		if (this.status != ClaimStatus.REJECTED) {
			throw HelpBoardException.conflict("help.answer.not-rejected");
		}
	}

	/**
	 * Whether the author may still reject it: waiting, or confirmed by itself less than
	 * {@code autoConfirmedWindow} ago.
	 */
	boolean rejectableAt(Instant now, Duration autoConfirmedWindow) {
		return this.status == ClaimStatus.CLAIMED || (this.status == ClaimStatus.CONFIRMED && this.autoConfirmed
				&& now.isBefore(this.decidedAt.plus(autoConfirmedWindow)));
	}

	private boolean confirm(Instant now, boolean automatic) {
		if (this.status == ClaimStatus.CONFIRMED) {
			return false;
		}
		if (this.status == ClaimStatus.REJECTED) {
			throw HelpBoardException.conflict("help.claim.already-rejected");
		}
		this.status = ClaimStatus.CONFIRMED;
		this.decidedAt = now;
		this.autoConfirmed = automatic;
		registerEvent(new ClaimConfirmed(this.id, this.requestId, this.helperId, this.authorId, automatic, now));
		return true;
	}

	private void checkAuthor(long memberId) {
		if (this.authorId != memberId) {
			throw HelpBoardException.forbidden("help.claim.not-author");
		}
	}

	/**
	 * The events registered and not yet published; visible to this package's tests. A new
	 * claim announces itself ({@link ClaimMade}) once saving has given it its id.
	 */
	@Override
	protected Collection<Object> domainEvents() {
		if (this.unannounced && this.id != null) {
			this.unannounced = false;
			registerEvent(new ClaimMade(this.id, this.requestId, this.helperId, this.authorId, this.campaign,
					this.createdAt));
		}
		return super.domainEvents();
	}

	/** Published events are forgotten; visible to this package's tests. */
	@Override
	protected void clearDomainEvents() {
		super.clearDomainEvents();
	}

	Long getId() {
		return this.id;
	}

	Long getRequestId() {
		return this.requestId;
	}

	Long getHelperId() {
		return this.helperId;
	}

	Long getAuthorId() {
		return this.authorId;
	}

	String getCampaign() {
		return this.campaign;
	}

	ClaimStatus getStatus() {
		return this.status;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getDecidedAt() {
		return this.decidedAt;
	}

	boolean isAutoConfirmed() {
		return this.autoConfirmed;
	}

	RejectReason getRejectReason() {
		return this.rejectReason;
	}

}
