package com.helpboard.notification;

import java.util.Collection;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.helpboard.account.MemberPrincipal;
import com.helpboard.help.Helps;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The nav's counts per member, kept {@link NotificationSettings#countsCacheFor()} on this
 * instance: a member clicking through pages costs two indexed counts at most every few
 * seconds, and anonymous pages never ask. A member's own actions (marking read,
 * confirming, rejecting) and each new notification drop their entry once committed, so
 * what they did shows on the next page; another instance catches up within the cache
 * time. The layout reads them as {@code @memberCounts.of(#authentication)}.
 */
@Component("memberCounts")
class MemberCounts {

	private final Helps helps;

	private final NotificationRepository notifications;

	private final Cache<Long, NavCounts> cache;

	MemberCounts(Helps helps, NotificationRepository notifications, NotificationSettings settings) {
		this.helps = helps;
		this.notifications = notifications;
		this.cache = Caffeine.newBuilder().expireAfterWrite(settings.countsCacheFor()).maximumSize(100_000).build();
	}

	/** The signed-in member's counts; none for anyone else. */
	NavCounts of(@Nullable Authentication authentication) {
		if (authentication != null && authentication.getPrincipal() instanceof MemberPrincipal member) {
			return of(member.id());
		}
		return NavCounts.NONE;
	}

	NavCounts of(long memberId) {
		return this.cache.get(memberId, (id) -> new NavCounts(this.helps.waitingCount(id),
				this.notifications.countByMemberIdAndReadAtIsNull(id)));
	}

	/**
	 * Drops the members' counts once the current transaction commits (at once without).
	 */
	void evictAfterCommit(Collection<Long> memberIds) {
		List<Long> ids = List.copyOf(memberIds);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					MemberCounts.this.cache.invalidateAll(ids);
				}
			});
		}
		else {
			this.cache.invalidateAll(ids);
		}
	}

}
