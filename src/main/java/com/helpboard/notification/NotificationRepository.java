package com.helpboard.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, Long> {

	/** A member's notifications, newest first ({@code notifications_member_newest}). */
	Slice<Notification> findByMemberIdOrderByCreatedAtDescIdDesc(long memberId, Pageable page);

	Slice<Notification> findByMemberIdAndReadAtIsNullOrderByCreatedAtDescIdDesc(long memberId, Pageable page);

	/** The nav's unread count ({@code notifications_unread}). */
	long countByMemberIdAndReadAtIsNull(long memberId);

	/** Marks the member's own among {@code ids} read; others' ids change nothing. */
	@Modifying
	@Query("update Notification n set n.readAt = ?3 where n.memberId = ?1 and n.id in ?2 and n.readAt is null")
	int markRead(long memberId, Collection<Long> ids, Instant now);

	@Modifying
	@Query("update Notification n set n.readAt = ?2 where n.memberId = ?1 and n.readAt is null")
	int markAllRead(long memberId, Instant now);

	/**
	 * A decided claim no longer waits: its author's "waiting for you" notification counts
	 * as read.
	 */
	@Modifying
	@Query("update Notification n set n.readAt = ?3 where n.kind = com.helpboard.notification.NotificationKind.CLAIM_WAITING and n.subjectId in ?1 and n.memberId in ?2 and n.readAt is null")
	int settleWaiting(Collection<Long> claimIds, Collection<Long> authorIds, Instant now);

	/** Up to {@code limit} read notifications read before {@code cutoff}, deleted. */
	@Modifying
	@NativeQuery("""
			delete from notifications where id in (
			select id from notifications where read_at < :cutoff order by read_at limit :limit)""")
	int deleteReadBefore(Instant cutoff, int limit);

	@NativeQuery("select covered_until from notification_cursors where name = :name for update")
	List<Object> lockCursor(String name);

	@Modifying
	@NativeQuery("insert into notification_cursors (name, covered_until) values (:name, :until) on conflict do nothing")
	int createCursor(String name, Instant until);

	@Modifying
	@NativeQuery("update notification_cursors set covered_until = :until where name = :name")
	int moveCursor(String name, Instant until);

}
