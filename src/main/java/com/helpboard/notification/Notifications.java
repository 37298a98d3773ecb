package com.helpboard.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.helpboard.account.Accounts;
import com.helpboard.help.ClaimView;
import com.helpboard.help.Helps;
import com.helpboard.request.RequestView;
import com.helpboard.request.Requests;
import com.helpboard.system.HelpBoardException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification module's facade: a member's notifications (newest first, in their
 * language), marking them read, the nav's counts, the "待处理" page; and for this module's
 * listeners and jobs, writing them once, warning of requests about to expire and pruning
 * old read ones.
 */
@Service
@Transactional(readOnly = true)
@EnableConfigurationProperties(NotificationSettings.class)
public class Notifications {

	/** The job's cursor row in {@code notification_cursors}. */
	static final String EXPIRING_CURSOR = "expiring-soon";

	/** Requests read per statement by the expiring-soon job. */
	static final int EXPIRING_BATCH = 1000;

	/** Read notifications deleted per statement by the pruning job. */
	static final int PRUNE_BATCH = 1000;

	/** Unread notifications the "待处理" page shows. */
	static final int TODO_UNREAD = 10;

	/** The author's latest requests the "待处理" page looks through for open ones. */
	static final int TODO_REQUESTS = 50;

	private final NotificationRepository notifications;

	private final NotificationInserts inserts;

	private final NotificationTexts texts;

	private final MemberCounts counts;

	private final Requests requests;

	private final Helps helps;

	private final Accounts accounts;

	private final NotificationSettings settings;

	private final Clock clock;

	Notifications(NotificationRepository notifications, NotificationInserts inserts, NotificationTexts texts,
			MemberCounts counts, Requests requests, Helps helps, Accounts accounts, NotificationSettings settings,
			Clock clock) {
		this.notifications = notifications;
		this.inserts = inserts;
		this.texts = texts;
		this.counts = counts;
		this.requests = requests;
		this.helps = helps;
		this.accounts = accounts;
		this.settings = settings;
		this.clock = clock;
	}

	/** A page of the member's notifications, newest first, and their unread count. */
	public record NotificationPage(Slice<NotificationView> items, long unread) {
	}

	/**
	 * A page of the member's notifications (only unread ones when asked), newest first,
	 * in the reader's language: three statements whatever the page's size (the page, its
	 * requests, the names in it), plus the unread count.
	 */
	public NotificationPage page(long memberId, boolean unreadOnly, Pageable page, Locale locale) {
		Slice<Notification> slice = unreadOnly
				? this.notifications.findByMemberIdAndReadAtIsNullOrderByCreatedAtDescIdDesc(memberId, page)
				: this.notifications.findByMemberIdOrderByCreatedAtDescIdDesc(memberId, page);
		return new NotificationPage(views(slice, locale), this.notifications.countByMemberIdAndReadAtIsNull(memberId));
	}

	private Slice<NotificationView> views(Slice<Notification> slice, Locale locale) {
		Set<Long> requestIds = new HashSet<>();
		Set<Long> actorIds = new HashSet<>();
		slice.forEach((n) -> {
			if (n.getRequestId() != null) {
				requestIds.add(n.getRequestId());
			}
			if (n.getActorId() != null) {
				actorIds.add(n.getActorId());
			}
		});
		Map<Long, RequestView> requests = this.requests.findAll(requestIds);
		Map<Long, String> names = actorIds.isEmpty() ? Map.of() : this.accounts.usernames(actorIds);
		return slice.map((n) -> this.texts.view(n, requests, names, locale));
	}

	/** Marks the member's own among {@code ids} read; others' ids are ignored. */
	@Transactional
	public int markRead(long memberId, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return 0;
		}
		int changed = this.notifications.markRead(memberId, Set.copyOf(ids), now());
		this.counts.evictAfterCommit(List.of(memberId));
		return changed;
	}

	/**
	 * Marks one of the member's notifications read (again: no change).
	 * @throws HelpBoardException {@code NotFound} when it is not theirs
	 */
	@Transactional
	public void markOneRead(long memberId, long id) {
		this.notifications.findById(id)
			.filter((n) -> n.getMemberId() == memberId)
			.orElseThrow(() -> HelpBoardException.notFound("notification.not-found"));
		markRead(memberId, List.of(id));
	}

	@Transactional
	public int markAllRead(long memberId) {
		int changed = this.notifications.markAllRead(memberId, now());
		this.counts.evictAfterCommit(List.of(memberId));
		return changed;
	}

	public long unreadCount(long memberId) {
		return this.notifications.countByMemberIdAndReadAtIsNull(memberId);
	}

	/** The nav's counts for a member, kept a few seconds (see {@link MemberCounts}). */
	@Transactional(propagation = Propagation.SUPPORTS)
	public NavCounts navCounts(long memberId) {
		return this.counts.of(memberId);
	}

	/**
	 * As {@link #navCounts(long)} for the signed-in member; none for a visitor. No
	 * transaction of its own: drawn on every signed-in page, the counts usually come from
	 * memory.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public NavCounts navCounts(@Nullable Authentication authentication) {
		return this.counts.of(authentication);
	}

	/**
	 * What needs the member now: claims waiting for their answer (with their requests),
	 * their open requests expiring soon, their latest unread notifications.
	 */
	public record Todo(List<ClaimView> waiting, Map<Long, RequestView> waitingRequests, List<RequestView> expiring,
			List<NotificationView> unread, long unreadCount) {

		public boolean isEmpty() {
			return this.waiting.isEmpty() && this.expiring.isEmpty() && this.unread.isEmpty();
		}

	}

	public Todo todo(long memberId, Locale locale) {
		List<ClaimView> waiting = this.helps.waitingFor(memberId);
		Set<Long> waitingRequestIds = new HashSet<>();
		waiting.forEach((claim) -> waitingRequestIds.add(claim.requestId()));
		Instant soon = this.clock.instant().plus(this.settings.todoExpiringWithin());
		List<RequestView> expiring = this.requests.byAuthor(memberId, PageRequest.of(0, TODO_REQUESTS))
			.stream()
			.filter((request) -> request.isOpen() && request.expiresAt().isBefore(soon))
			.sorted(java.util.Comparator.comparing(RequestView::expiresAt))
			.toList();
		NotificationPage unread = page(memberId, true, PageRequest.of(0, TODO_UNREAD), locale);
		return new Todo(waiting, this.requests.findAll(waitingRequestIds), expiring, unread.items().getContent(),
				unread.unread());
	}

	/**
	 * Writes each notification unless it exists already (same member, kind and subject):
	 * a replayed event writes nothing. For this module's listeners.
	 */
	@Transactional
	int notify(List<NewNotification> notifications) {
		if (notifications.isEmpty()) {
			return 0;
		}
		int inserted = this.inserts.insertIfAbsent(notifications);
		this.counts.evictAfterCommit(notifications.stream().map(NewNotification::memberId).distinct().toList());
		return inserted;
	}

	/** Decided claims no longer wait: their authors' "waiting" notifications are read. */
	@Transactional
	void settleWaiting(Collection<Long> claimIds, Collection<Long> authorIds) {
		if (!claimIds.isEmpty()) {
			this.notifications.settleWaiting(Set.copyOf(claimIds), Set.copyOf(authorIds), now());
			this.counts.evictAfterCommit(authorIds);
		}
	}

	/** Drops the counts of members whose claims changed, once committed. */
	void countsChanged(Collection<Long> memberIds) {
		this.counts.evictAfterCommit(memberIds);
	}

	/**
	 * Warns the authors of open requests expiring within
	 * {@link NotificationSettings#expiringWarning()}, once each: reads only the requests
	 * whose expiry falls after the cursor ({@code notification_cursors}: how far the last
	 * run looked) and within the window, through the open requests' expiry index, then
	 * moves the cursor. The cursor's row is locked for the run, so two instances running
	 * it at once take turns; and a warning is one row per request (insert-if-absent)
	 * whatever happens. A request posted already inside the covered window (expiring
	 * within the hour of its posting) is not warned of.
	 * @return how many warnings were written
	 */
	@Transactional
	public int warnExpiring() {
		Instant now = now();
		Instant until = now.plus(this.settings.expiringWarning());
		this.notifications.createCursor(EXPIRING_CURSOR, now);
		Instant covered = toInstant(this.notifications.lockCursor(EXPIRING_CURSOR).get(0));
		Instant from = covered.isAfter(now) ? covered : now;
		if (!until.isAfter(from)) {
			return 0;
		}
		int written = 0;
		Instant afterExpiry = Instant.EPOCH;
		long afterId = 0;
		while (true) {
			List<Requests.Expiring> due = this.requests.expiringBetween(from, until, afterExpiry, afterId,
					EXPIRING_BATCH);
			List<NewNotification> warnings = new ArrayList<>();
			for (Requests.Expiring request : due) {
				warnings.add(NewNotification.aboutRequest(request.authorId(), NotificationKind.REQUEST_EXPIRING,
						request.requestId(), now));
			}
			written += notify(warnings);
			if (due.size() < EXPIRING_BATCH) {
				break;
			}
			Requests.Expiring last = due.get(due.size() - 1);
			afterExpiry = last.expiresAt();
			afterId = last.requestId();
		}
		this.notifications.moveCursor(EXPIRING_CURSOR, until);
		return written;
	}

	/**
	 * Deletes up to {@link #PRUNE_BATCH} notifications read more than
	 * {@link NotificationSettings#keepReadDays()} ago; the job calls it until none is
	 * left.
	 */
	@Transactional
	public int pruneRead() {
		return this.notifications.deleteReadBefore(now().minus(Duration.ofDays(this.settings.keepReadDays())),
				PRUNE_BATCH);
	}

	/** How often an open page asks for the counts. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Duration pollEvery() {
		return this.settings.pollEvery();
	}

	private static Instant toInstant(Object value) {
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof java.time.OffsetDateTime offset) {
			return offset.toInstant();
		}
		return ((java.sql.Timestamp) value).toInstant();
	}

	private Instant now() {
		// the database keeps microseconds
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
