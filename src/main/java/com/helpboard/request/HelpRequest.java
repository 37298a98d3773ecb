package com.helpboard.request;

import java.time.Instant;
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
 * One posted link or 口令 asking for N helps; guards its own state changes. Leaving
 * {@link RequestStatus#OPEN} (fulfilled, expired, withdrawn, hidden) registers one
 * {@link RequestClosed}; it is published when the request is saved.
 */
@Entity
@Table(name = "help_requests")
class HelpRequest extends AbstractAggregateRoot<HelpRequest> {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long groupId;

	private Long authorId;

	private String authorName;

	@Column(columnDefinition = "varchar(16)")
	private String platform;

	private String campaign;

	private String canonicalUrl;

	private String shareText;

	private String token;

	private String dedupeKey;

	private String openKey;

	private String note;

	/** What it is about, as the member said it; null when they left it empty. */
	private String title;

	private int helpsNeeded;

	private int helpsConfirmed;

	@Enumerated(EnumType.STRING)
	@Column(columnDefinition = "varchar(16)")
	private RequestStatus status;

	private Instant createdAt;

	private Instant expiresAt;

	private Instant closedAt;

	private Instant boostedUntil;

	private Instant boostStartedAt;

	@Version
	private long version;

	/** Posted and not yet announced: {@link RequestPosted} needs the id saving gives. */
	@Transient
	private boolean unannounced;

	protected HelpRequest() {
	}

	HelpRequest(long groupId, long authorId, String authorName, String platform, String campaign, String canonicalUrl,
			String shareText, String token, String dedupeKey, String note, int helpsNeeded, Instant createdAt,
			Instant expiresAt) {
		this.groupId = groupId;
		this.authorId = authorId;
		this.authorName = authorName;
		this.platform = platform;
		this.campaign = campaign;
		this.canonicalUrl = canonicalUrl;
		this.shareText = shareText;
		this.token = token;
		this.dedupeKey = dedupeKey;
		this.openKey = dedupeKey;
		this.note = note;
		this.helpsNeeded = helpsNeeded;
		this.status = RequestStatus.OPEN;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
		this.unannounced = true;
	}

	/** Says what the request is about ("空气炸锅 还差3刀"); blank says nothing. */
	HelpRequest titled(String title) {
		this.title = (title == null || title.isBlank()) ? null : title.strip();
		return this;
	}

	boolean isOpenAt(Instant now) {
		return this.status == RequestStatus.OPEN && this.expiresAt.isAfter(now);
	}

	/**
	 * Marks an open request past its time as expired; true when it changed. The expiry
	 * job does the same to a whole batch in one statement
	 * ({@link HelpRequestRepository#expireAll}) and publishes one {@link RequestsClosed}
	 * for it: keep the two in step (the tests hold the batch to this method's results).
	 */
	boolean expire(Instant now) {
		if (this.status != RequestStatus.OPEN || this.expiresAt.isAfter(now)) {
			return false;
		}
		close(RequestStatus.EXPIRED, now);
		return true;
	}

	void withdraw(long memberId, Instant now) {
		if (this.authorId != memberId) {
			throw HelpBoardException.forbidden("request.not-author");
		}
		if (this.status != RequestStatus.OPEN) {
			throw HelpBoardException.conflict("request.not-open");
		}
		close(RequestStatus.REMOVED, now);
	}

	/** The author counts help from outside the board; the count only goes up. */
	void raiseProgress(long memberId, int confirmed, Instant now) {
		if (this.authorId != memberId) {
			throw HelpBoardException.forbidden("request.not-author");
		}
		if (!isOpenAt(now)) {
			throw HelpBoardException.conflict("request.not-open");
		}
		if (confirmed < this.helpsConfirmed) {
			throw HelpBoardException.conflict("request.progress.lower", this.helpsConfirmed);
		}
		this.helpsConfirmed = Math.min(confirmed, this.helpsNeeded);
		fulfilIfDone(now);
	}

	/**
	 * A confirmed claim: one more help; at N of N the request is fulfilled. The
	 * auto-confirm job does the same to a batch of requests in a few statements
	 * ({@link HelpRequestRepository#addConfirmedHelps},
	 * {@link HelpRequestRepository#fulfilAll}): keep them in step.
	 */
	void recordConfirmedHelp(Instant now) {
		if (this.helpsConfirmed < this.helpsNeeded) {
			this.helpsConfirmed++;
		}
		if (this.status == RequestStatus.OPEN) {
			fulfilIfDone(now);
		}
	}

	void hide(Instant now) {
		if (this.status == RequestStatus.OPEN) {
			this.status = RequestStatus.HIDDEN;
			this.openKey = null;
			registerEvent(new RequestClosed(this.id, this.groupId, RequestStatus.HIDDEN, now));
		}
	}

	/**
	 * A moderator restores a hidden request: open again until its expiry, or expired when
	 * that passed meanwhile. Registers one {@link RequestRestored}; true when it changed.
	 */
	boolean restore(Instant now) {
		if (this.status != RequestStatus.HIDDEN) {
			return false;
		}
		if (this.expiresAt.isAfter(now)) {
			this.status = RequestStatus.OPEN;
			this.openKey = this.dedupeKey;
		}
		else {
			this.status = RequestStatus.EXPIRED;
			this.closedAt = now;
		}
		registerEvent(new RequestRestored(this.id, this.groupId, this.authorId, now));
		return true;
	}

	/**
	 * Pins the request at the top of its group's feed from {@code startedAt} (its place
	 * among the pinned) until {@code until}; only while it is open.
	 * @return false when the request is closed and stays unpinned
	 */
	boolean pin(Instant startedAt, Instant until) {
		if (this.status != RequestStatus.OPEN) {
			return false;
		}
		this.boostStartedAt = startedAt;
		this.boostedUntil = until;
		return true;
	}

	void unpin() {
		this.boostStartedAt = null;
		this.boostedUntil = null;
	}

	private void fulfilIfDone(Instant now) {
		if (this.helpsConfirmed >= this.helpsNeeded) {
			close(RequestStatus.FULFILLED, now);
		}
	}

	private void close(RequestStatus to, Instant now) {
		this.status = to;
		this.openKey = null;
		this.closedAt = now;
		registerEvent(new RequestClosed(this.id, this.groupId, to, now));
	}

	/**
	 * The events registered and not yet published; visible to this package's tests. A new
	 * request announces itself ({@link RequestPosted}) once saving has given it its id.
	 */
	@Override
	protected Collection<Object> domainEvents() {
		if (this.unannounced && this.id != null) {
			this.unannounced = false;
			registerEvent(new RequestPosted(this.id, this.groupId, this.authorId, this.campaign, this.createdAt));
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

	Long getGroupId() {
		return this.groupId;
	}

	Long getAuthorId() {
		return this.authorId;
	}

	String getAuthorName() {
		return this.authorName;
	}

	String getPlatform() {
		return this.platform;
	}

	String getCampaign() {
		return this.campaign;
	}

	String getCanonicalUrl() {
		return this.canonicalUrl;
	}

	String getShareText() {
		return this.shareText;
	}

	String getToken() {
		return this.token;
	}

	String getDedupeKey() {
		return this.dedupeKey;
	}

	String getNote() {
		return this.note;
	}

	String getTitle() {
		return this.title;
	}

	int getHelpsNeeded() {
		return this.helpsNeeded;
	}

	int getHelpsConfirmed() {
		return this.helpsConfirmed;
	}

	RequestStatus getStatus() {
		return this.status;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getExpiresAt() {
		return this.expiresAt;
	}

	Instant getClosedAt() {
		return this.closedAt;
	}

	Instant getBoostedUntil() {
		return this.boostedUntil;
	}

}
