package com.helpboard.help;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;

interface ClaimRepository extends JpaRepository<Claim, Long>, UnansweredClaims {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Claim c where c.id = ?1")
	Optional<Claim> findForUpdate(Long id);

	Optional<Claim> findByRequestIdAndHelperId(Long requestId, Long helperId);

	List<Claim> findByRequestIdOrderByCreatedAtAsc(Long requestId);

	List<Claim> findByAuthorIdAndStatusOrderByCreatedAtAsc(Long authorId, ClaimStatus status);

	@Query("select c.id from Claim c where c.requestId = ?1 and c.status = com.helpboard.help.ClaimStatus.CLAIMED")
	List<Long> waitingIdsOn(Long requestId);

	long countByHelperIdAndHelperDayAndCampaign(Long helperId, LocalDate day, String campaign);

	// decided, not made, within the window: a claim confirming itself after 24 h still
	// counts for the day after
	@Query("select count(c) from Claim c where c.helperId = ?1 and c.status = com.helpboard.help.ClaimStatus.CONFIRMED and c.decidedAt > ?2")
	long countConfirmedSince(Long helperId, Instant since);

	long countByHelperIdAndStatus(Long helperId, ClaimStatus status);

	/** When the helper's claims still waiting for an answer were made. */
	@Query("select c.createdAt from Claim c where c.helperId = ?1 and c.status = com.helpboard.help.ClaimStatus.CLAIMED")
	List<Instant> pendingSince(Long helperId);

	/** "我帮过的": the helper's claims, newest first ({@code claims_helper_newest}). */
	Slice<Claim> findByHelperIdOrderByCreatedAtDescIdDesc(Long helperId, Pageable page);

	/** The requests' claims counted by status, in one statement. */
	@Query("select c.requestId, c.status, count(c) from Claim c where c.requestId in ?1 group by c.requestId, c.status")
	List<Object[]> countsByStatusOn(Collection<Long> requestIds);

	long countByAuthorIdAndStatus(Long authorId, ClaimStatus status);

	@Query("select max(c.decidedAt) from Claim c where c.requestId = ?1 and c.status = com.helpboard.help.ClaimStatus.CONFIRMED")
	Instant lastConfirmedOn(Long requestId);

	/**
	 * {@link Claim#confirmUnanswered} for many claims in one statement: those still
	 * waiting are confirmed, automatically, at {@code now}. The ids go as one array
	 * parameter, so the statement is the same whatever their number.
	 */
	@Modifying(flushAutomatically = true)
	@NativeQuery("""
			update claims set status = 'CONFIRMED', decided_at = :now, auto_confirmed = true, version = version + 1
			where id = any(:ids) and status = 'CLAIMED'""")
	int confirmAllUnanswered(Long[] ids, Instant now);

	/** As {@link #lockUnanswered}, unlocked: for the per-item path. */
	@NativeQuery("""
			select * from claims
			where status = 'CLAIMED' and created_at <= :before and (created_at, id) > (:afterCreated, :afterId)
			order by created_at, id
			limit :limit""")
	List<Claim> findUnanswered(Instant before, Instant afterCreated, long afterId, int limit);

	/**
	 * The helper's one answer to a rejection; the primary key refuses a second, the
	 * foreign key anyone but the claim's helper.
	 */
	@Modifying(flushAutomatically = true)
	@NativeQuery("insert into claim_answers (claim_id, helper_id, text, answered_at) values (:claimId, :helperId, :text, :at)")
	int insertAnswer(long claimId, long helperId, String text, Instant at);

	@NativeQuery("select count(*) from claim_answers where claim_id = :claimId")
	long countAnswers(long claimId);

	/** The answers to these claims, as (claim id, text) rows; one statement. */
	@NativeQuery("select claim_id, text from claim_answers where claim_id in (:ids)")
	List<Object[]> answersTo(Collection<Long> ids);

}
