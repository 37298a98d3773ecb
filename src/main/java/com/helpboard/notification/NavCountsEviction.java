package com.helpboard.notification;

import java.util.List;

import com.helpboard.help.ClaimConfirmed;
import com.helpboard.help.ClaimMade;
import com.helpboard.help.ClaimRejected;
import com.helpboard.help.ClaimsConfirmed;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A claim made or decided changes its author's "等我确认" count: their cached counts are
 * dropped as soon as the change commits (not only when the notification is written a
 * moment later), so the page the author's confirmation redirects to shows the new count.
 * A plain listener, run in the publishing transaction; it only registers the eviction.
 */
@Component
class NavCountsEviction {

	private final Notifications notifications;

	NavCountsEviction(Notifications notifications) {
		this.notifications = notifications;
	}

	@EventListener
	void on(ClaimMade event) {
		this.notifications.countsChanged(List.of(event.authorId()));
	}

	@EventListener
	void on(ClaimConfirmed event) {
		this.notifications.countsChanged(List.of(event.authorId()));
	}

	@EventListener
	void on(ClaimRejected event) {
		this.notifications.countsChanged(List.of(event.authorId()));
	}

	@EventListener
	void on(ClaimsConfirmed batch) {
		this.notifications.countsChanged(batch.claims().stream().map(ClaimConfirmed::authorId).distinct().toList());
	}

}
