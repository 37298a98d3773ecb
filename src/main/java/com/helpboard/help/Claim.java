package com.helpboard.help;

import java.time.Instant;
import java.time.LocalDate;

import com.helpboard.system.HelpBoardException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** "I helped": one per helper and request, then confirmed or rejected by the author. */
@Entity
@Table(name = "claims")
class Claim {

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

	@Version
	private long version;

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
	}

	/**
	 * True when this call confirmed it; false when it was confirmed already (a retry).
	 */
	boolean confirm(Instant now, boolean automatic) {
		if (this.status == ClaimStatus.CONFIRMED) {
			return false;
		}
		if (this.status == ClaimStatus.REJECTED) {
			throw HelpBoardException.conflict("help.claim.already-rejected");
		}
		this.status = ClaimStatus.CONFIRMED;
		this.decidedAt = now;
		this.autoConfirmed = automatic;
		return true;
	}

	boolean reject(Instant now) {
		if (this.status == ClaimStatus.REJECTED) {
			return false;
		}
		if (this.status == ClaimStatus.CONFIRMED) {
			throw HelpBoardException.conflict("help.claim.already-confirmed");
		}
		this.status = ClaimStatus.REJECTED;
		this.decidedAt = now;
		return true;
	}

	void checkAuthor(long memberId) {
		if (this.authorId != memberId) {
			throw HelpBoardException.forbidden("help.claim.not-author");
		}
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

}
