package com.helpboard.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.helpboard.credit.BoostEnded;
import com.helpboard.credit.BoostRefunded;
import com.helpboard.credit.BoostStarted;
import com.helpboard.help.ClaimConfirmed;
import com.helpboard.help.ClaimMade;
import com.helpboard.help.ClaimRejected;
import com.helpboard.help.ClaimsConfirmed;
import com.helpboard.request.RequestClosed;
import com.helpboard.request.RequestRestored;
import com.helpboard.request.RequestStatus;
import com.helpboard.request.Requests;
import com.helpboard.request.RequestsClosed;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the modules' events into notifications. Each runs after the event's transaction
 * committed, from Spring Modulith's persisted event publication registry: a crash before
 * it finished is repaired by the registry resubmitting the event, and a resubmitted (or
 * republished) event writes nothing twice, the notification being one row per (member,
 * kind, subject). The batch events stand for one event per item and are handled as such,
 * their rows written in a few statements.
 */
@Component
class NotificationListeners {

	private final Notifications notifications;

	private final Requests requests;

	NotificationListeners(Notifications notifications, Requests requests) {
		this.notifications = notifications;
		this.requests = requests;
	}

	@ApplicationModuleListener
	void on(ClaimMade event) {
		this.notifications.notify(List.of(NewNotification.aboutClaim(event.authorId(), NotificationKind.CLAIM_WAITING,
				event.claimId(), event.requestId(), event.helperId(), event.at())));
	}

	@ApplicationModuleListener
	void on(ClaimConfirmed event) {
		confirmed(List.of(event));
	}

	/** A batch of auto-confirmed claims: as one {@link ClaimConfirmed} each. */
	@ApplicationModuleListener
	void on(ClaimsConfirmed batch) {
		confirmed(batch.claims());
	}

	private void confirmed(List<ClaimConfirmed> claims) {
		List<NewNotification> rows = new ArrayList<>();
		List<Long> claimIds = new ArrayList<>();
		List<Long> authorIds = new ArrayList<>();
		for (ClaimConfirmed claim : claims) {
			rows.add(new NewNotification(claim.helperId(), NotificationKind.CLAIM_CONFIRMED, claim.claimId(),
					claim.requestId(), claim.claimId(), claim.authorId(), claim.automatic() ? "auto" : null,
					claim.at()));
			claimIds.add(claim.claimId());
			authorIds.add(claim.authorId());
		}
		this.notifications.notify(rows);
		this.notifications.settleWaiting(claimIds, authorIds);
	}

	@ApplicationModuleListener
	void on(ClaimRejected event) {
		// the author's reason, if they gave one, goes into the text
		// (notification.CLAIM_REJECTED.reason)
		this.notifications.notify(List.of(new NewNotification(event.helperId(), NotificationKind.CLAIM_REJECTED,
				event.claimId(), event.requestId(), event.claimId(), event.authorId(), event.reason(), event.at())));
		this.notifications.settleWaiting(List.of(event.claimId()), List.of(event.authorId()));
	}

	/** Fulfilled, expired or hidden: the author hears; withdrawn by them: nobody. */
	@ApplicationModuleListener
	void on(RequestClosed event) {
		closed(event.status(), event.at(), List.of(event.requestId()));
	}

	/** A batch of the expiry or auto-confirm job: as one {@link RequestClosed} each. */
	@ApplicationModuleListener
	void on(RequestsClosed event) {
		closed(event.status(), event.at(), event.requestIds());
	}

	/** A moderator restored the author's hidden request. */
	@ApplicationModuleListener
	void on(RequestRestored event) {
		this.notifications.notify(List.of(NewNotification.aboutRequest(event.authorId(),
				NotificationKind.REQUEST_RESTORED, event.requestId(), event.at())));
	}

	private void closed(RequestStatus status, java.time.Instant at, Collection<Long> requestIds) {
		NotificationKind kind = kindOf(status);
		if (kind == null || requestIds.isEmpty()) {
			return;
		}
		Map<Long, Long> authors = this.requests.authorsOf(requestIds);
		List<NewNotification> rows = new ArrayList<>();
		for (Long id : requestIds) {
			Long author = authors.get(id);
			if (author != null) {
				rows.add(NewNotification.aboutRequest(author, kind, id, at));
			}
		}
		this.notifications.notify(rows);
	}

	private static @Nullable NotificationKind kindOf(RequestStatus status) {
		return switch (status) {
			case FULFILLED -> NotificationKind.REQUEST_FULFILLED;
			case EXPIRED -> NotificationKind.REQUEST_EXPIRED;
			case HIDDEN -> NotificationKind.REQUEST_HIDDEN;
			case OPEN, REMOVED -> null;
		};
	}

	@ApplicationModuleListener
	void on(BoostStarted event) {
		this.notifications.notify(List.of(NewNotification.aboutBoost(event.memberId(), NotificationKind.BOOST_STARTED,
				event.boostId(), event.requestId(), event.hours(), event.at())));
	}

	@ApplicationModuleListener
	void on(BoostEnded event) {
		this.notifications.notify(List.of(NewNotification.aboutBoost(event.memberId(), NotificationKind.BOOST_ENDED,
				event.boostId(), event.requestId(), event.hours(), event.at())));
	}

	@ApplicationModuleListener
	void on(BoostRefunded event) {
		this.notifications.notify(List.of(NewNotification.aboutBoost(event.memberId(), NotificationKind.BOOST_REFUNDED,
				event.boostId(), event.requestId(), event.hours(), event.at())));
	}

}
