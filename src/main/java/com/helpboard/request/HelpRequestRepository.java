package com.helpboard.request;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
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

	Slice<HelpRequest> findByAuthorIdOrderByCreatedAtDesc(Long authorId, Pageable pageable);

	// locked: a second instance running the same sweep waits, then finds them expired
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from HelpRequest r where r.status = com.helpboard.request.RequestStatus.OPEN and r.expiresAt <= ?1 order by r.id")
	List<HelpRequest> findOverdue(Instant now, Pageable pageable);

}
