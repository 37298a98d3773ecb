package com.helpboard.help;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;

interface ClaimRepository extends JpaRepository<Claim, Long> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Claim c where c.id = ?1")
	Optional<Claim> findForUpdate(Long id);

	Optional<Claim> findByRequestIdAndHelperId(Long requestId, Long helperId);

	List<Claim> findByRequestIdOrderByCreatedAtAsc(Long requestId);

	List<Claim> findByAuthorIdAndStatusOrderByCreatedAtAsc(Long authorId, ClaimStatus status);

	@Query("select c.id from Claim c where c.requestId = ?1 and c.status = com.helpboard.help.ClaimStatus.CLAIMED")
	List<Long> waitingIdsOn(Long requestId);

	long countByHelperIdAndHelperDayAndCampaign(Long helperId, LocalDate day, String campaign);

	@Query("select c.campaign, count(c) from Claim c where c.helperId = ?1 and c.helperDay = ?2 group by c.campaign")
	List<Object[]> countsOnDay(Long helperId, LocalDate day);

	// decided, not made, within the window: a claim confirming itself after 24 h still
	// counts for the day after
	@Query("select count(c) from Claim c where c.helperId = ?1 and c.status = com.helpboard.help.ClaimStatus.CONFIRMED and c.decidedAt > ?2")
	long countConfirmedSince(Long helperId, Instant since);

	long countByHelperIdAndStatus(Long helperId, ClaimStatus status);

	long countByAuthorIdAndStatus(Long authorId, ClaimStatus status);

	/**
	 * The auto-confirm job's batch: up to {@code limit} claims waiting since
	 * {@code before} or earlier, after {@code (afterCreated, afterId)} in the order of
	 * the partial index {@code claims_unanswered}, locked; rows another transaction holds
	 * are skipped, so instances running the job at once each take claims of their own.
	 */
	@NativeQuery("""
			select * from claims
			where status = 'CLAIMED' and created_at <= :before and (created_at, id) > (:afterCreated, :afterId)
			order by created_at, id
			limit :limit
			for update skip locked""")
	List<Claim> lockUnanswered(Instant before, Instant afterCreated, long afterId, int limit);

	/** As {@link #lockUnanswered}, unlocked: for the per-item path. */
	@NativeQuery("""
			select * from claims
			where status = 'CLAIMED' and created_at <= :before and (created_at, id) > (:afterCreated, :afterId)
			order by created_at, id
			limit :limit""")
	List<Claim> findUnanswered(Instant before, Instant afterCreated, long afterId, int limit);

}
