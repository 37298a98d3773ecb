package com.helpboard.request;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;

interface HelpRequestRepository extends JpaRepository<HelpRequest, Long> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from HelpRequest r where r.id = ?1")
	Optional<HelpRequest> findForUpdate(Long id);

	// "for share": many helpers claim at once, while a confirmation (for update) waits
	@Lock(LockModeType.PESSIMISTIC_READ)
	@Query("select r from HelpRequest r where r.id = ?1")
	Optional<HelpRequest> findForShare(Long id);

	long countByAuthorIdAndGroupId(Long authorId, Long groupId);

	Optional<HelpRequest> findByGroupIdAndOpenKey(Long groupId, String openKey);

	// both posting limits in one statement: open now, and ever posted
	@Query("select new com.helpboard.request.AuthorPosts(count(case when r.status = com.helpboard.request.RequestStatus.OPEN and r.expiresAt > ?3 then 1 end), count(r)) from HelpRequest r where r.groupId = ?1 and r.authorId = ?2")
	AuthorPosts countPosts(Long groupId, Long authorId, Instant now);

	@Query("select count(r) from HelpRequest r where r.groupId = ?1 and r.status = com.helpboard.request.RequestStatus.OPEN and r.expiresAt > ?2")
	long countOpenInGroup(Long groupId, Instant now);

	Slice<HelpRequest> findByAuthorIdOrderByCreatedAtDesc(Long authorId, Pageable pageable);

	@Query("select r.groupId, count(r) from HelpRequest r where r.status = com.helpboard.request.RequestStatus.OPEN and r.expiresAt > ?1 group by r.groupId")
	List<Object[]> countOpenByGroup(Instant now);

	/**
	 * The expiry job's batch: up to {@code limit} open requests past their time, after
	 * {@code (afterExpiry, afterId)} in the order of the partial index
	 * {@code help_requests_overdue}, locked; rows another transaction holds are skipped,
	 * so instances running the job at once each take rows of their own.
	 */
	@NativeQuery("""
			select * from help_requests
			where status = 'OPEN' and expires_at <= :now and (expires_at, id) > (:afterExpiry, :afterId)
			order by expires_at, id
			limit :limit
			for update skip locked""")
	List<HelpRequest> lockOverdue(Instant now, Instant afterExpiry, long afterId, int limit);

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
	 * Locks the requests in id order, the order every batch takes them in, so that two
	 * batches sharing requests wait for each other instead of deadlocking ("for no key
	 * update" on PostgreSQL: claims and boosts referencing them still insert).
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from HelpRequest r where r.id in ?1 order by r.id")
	List<HelpRequest> lockAll(Collection<Long> ids);

}
