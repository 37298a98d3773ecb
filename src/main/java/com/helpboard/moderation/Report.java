package com.helpboard.moderation;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One member's report of one request (the database keeps it to one). */
@Entity
@Table(name = "request_reports")
class Report {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long requestId;

	private Long groupId;

	private Long reporterId;

	@Enumerated(EnumType.STRING)
	@Column(columnDefinition = "varchar(24)")
	private ReportReason reason;

	private String detail;

	@Column(precision = 3, scale = 2)
	private BigDecimal weight;

	@Enumerated(EnumType.STRING)
	@Column(columnDefinition = "varchar(16)")
	private ReportStatus status;

	private Instant createdAt;

	private Instant resolvedAt;

	protected Report() {
	}

	Report(long requestId, long groupId, long reporterId, ReportReason reason, String detail, BigDecimal weight,
			Instant now) {
		this.requestId = requestId;
		this.groupId = groupId;
		this.reporterId = reporterId;
		this.reason = reason;
		this.detail = detail;
		this.weight = weight;
		this.status = ReportStatus.PENDING;
		this.createdAt = now;
	}

	/** A moderator decided: the report was right (upheld) or false (dismissed). */
	void resolve(boolean upheld, Instant now) {
		if (this.status == ReportStatus.PENDING) {
			this.status = upheld ? ReportStatus.UPHELD : ReportStatus.DISMISSED;
			this.resolvedAt = now;
		}
	}

	Long getId() {
		return this.id;
	}

	Long getRequestId() {
		return this.requestId;
	}

	Long getReporterId() {
		return this.reporterId;
	}

	ReportReason getReason() {
		return this.reason;
	}

	String getDetail() {
		return this.detail;
	}

	BigDecimal getWeight() {
		return this.weight;
	}

	ReportStatus getStatus() {
		return this.status;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

}
