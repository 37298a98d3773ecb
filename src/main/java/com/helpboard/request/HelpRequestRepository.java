package com.helpboard.request;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;

interface HelpRequestRepository extends JpaRepository<HelpRequest, Long>, OverdueRequests, RequestLocks {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from HelpRequest r where r.id = ?1")
	Optional<HelpRequest> findForUpdate(Long id);

	// "for share": many helpers claim at once, while a confirmation (for update) waits
	@Lock(LockModeType.PESSIMISTIC_READ)
	@Query("select r from HelpRequest r where r.id = ?1")
	Optional<HelpRequest> findForShare(Long id);

	long countByAuthorIdAndGroupId(Long authorId, Long groupId);

	@Query("select r.id from HelpRequest r where r.authorId = ?1 and r.status = com.helpboard.request.RequestStatus.OPEN and r.expiresAt > ?2 order by r.id")
	List<Long> openIdsOf(Long authorId, Instant now);

	Optional<HelpRequest> findByGroupIdAndOpenKey(Long groupId, String openKey);

	// both posting limits in one statement: open now, and ever posted
	@Query("select new com.helpboard.request.AuthorPosts(count(case when r.status = com.helpboard.request.RequestStatus.OPEN and r.expiresAt > ?3 then 1 end), count(r)) from HelpRequest r where r.groupId = ?1 and r.authorId = ?2")
	AuthorPosts countPosts(Long groupId, Long authorId, Instant now);

	Slice<HelpRequest> findByAuthorIdOrderByCreatedAtDesc(Long authorId, Pageable pageable);

	/**
	 * Up to {@code limit} open requests past their time after
	 * {@code (afterExpiry, afterId)}, unlocked: for the per-item path.
	 */
	@NativeQuery("""
			select * from help_requests
			where status = 'OPEN' and expires_at <= :now and (expires_at, id) > (:afterExpiry, :afterId)
			order by expires_at, id
			limit :limit""")
	List<HelpRequest> findOverdue(Instant now, Instant afterExpiry, long afterId, int limit);

	/**
	 * Up to {@code limit} open requests whose expiry falls after {@code from} and not
	 * after {@code to}, after {@code (afterExpiry, afterId)} in that order: read through
	 * {@code help_requests_overdue}, so only the rows in the window are read.
	 */
	@NativeQuery("""
			select id, author_id, expires_at from help_requests
			where status = 'OPEN' and expires_at > :from and expires_at <= :to
			and (expires_at, id) > (:afterExpiry, :afterId)
			order by expires_at, id
			limit :limit""")
	List<Object[]> findExpiringBetween(Instant from, Instant to, Instant afterExpiry, long afterId, int limit);

	/**
	 * {@link HelpRequest#expire} for many requests in one statement: those still open and
	 * past their time at {@code now} expire then. The ids go as one array parameter, so
	 * the statement is the same whatever their number.
	 */
	@Modifying(flushAutomatically = true)
	@NativeQuery("""
			update help_requests set status = 'EXPIRED', open_key = null, closed_at = :now, version = version + 1
			where id = any(:ids) and status = 'OPEN' and expires_at <= :now""")
	int expireAll(Long[] ids, Instant now);

	/**
	 * {@link HelpRequest#recordConfirmedHelp} {@code helps} times for each of the
	 * requests, in one statement: the count goes up by as much, never past the number
	 * needed (nor down, should it be past it already).
	 */
	@Modifying(flushAutomatically = true)
	@NativeQuery("""
			update help_requests set helps_confirmed = case when helps_confirmed >= helps_needed then helps_confirmed
			    when helps_confirmed + :helps > helps_needed then helps_needed else helps_confirmed + :helps end,
			  version = version + 1
			where id = any(:ids)""")
	int addConfirmedHelps(Long[] ids, int helps);

	/** Of the requests, the open ones that have all the helps they need. */
	@NativeQuery("select id from help_requests where id = any(:ids) and status = 'OPEN' and helps_confirmed >= helps_needed order by id")
	List<Long> openAndHelped(Long[] ids);

	/**
	 * What {@link HelpRequest#recordConfirmedHelp} does to an open request that has all
	 * its helps, for many in one statement: fulfilled at {@code now}.
	 */
	@Modifying(flushAutomatically = true)
	@NativeQuery("""
			update help_requests set status = 'FULFILLED', open_key = null, closed_at = :now, version = version + 1
			where id = any(:ids) and status = 'OPEN'""")
	int fulfilAll(Long[] ids, Instant now);

}
