package com.helpboard.help;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.helpboard.account.Accounts;
import com.helpboard.account.MemberName;
import com.helpboard.group.Groups;
import com.helpboard.request.Campaign;
import com.helpboard.request.Campaigns;
import com.helpboard.request.RequestView;
import com.helpboard.request.Requests;
import com.helpboard.system.ChinaTime;
import com.helpboard.system.FieldRejection;
import com.helpboard.system.HelpBoardException;
import com.helpboard.system.JobRun;
import com.helpboard.system.LimitReached;
import com.helpboard.system.PlainTextValidator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The help module's facade: claim, confirm, reject, the queue and daily caps. */
@Service
@Transactional(readOnly = true)
@EnableConfigurationProperties(HelpSettings.class)
public class Helps {

	/** A claim nobody answered confirms itself after this long. */
	public static final Duration AUTO_CONFIRM_AFTER = Duration.ofHours(24);

	static final int STANDING_PER_CONFIRMED = 1;

	static final int STANDING_PER_REJECTED = -2;

	private static final Logger log = LoggerFactory.getLogger(Helps.class);

	private final ClaimRepository claims;

	private final HelpQueries queries;

	private final Requests requests;

	private final Campaigns campaigns;

	private final Groups groups;

	private final Accounts accounts;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final Duration newUserAge;

	private final HelpSettings settings;

	private final ApplicationEventPublisher events;

	private final KeptHelperAnswers keptAnswers;

	Helps(ClaimRepository claims, HelpQueries queries, Requests requests, Campaigns campaigns, Groups groups,
			Accounts accounts, Clock clock, PlatformTransactionManager transactionManager, HelpSettings settings,
			ApplicationEventPublisher events, KeptHelperAnswers keptAnswers) {
		this.events = events;
		this.keptAnswers = keptAnswers;
		this.claims = claims;
		this.queries = queries;
		this.requests = requests;
		this.campaigns = campaigns;
		this.groups = groups;
		this.accounts = accounts;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
		this.newUserAge = settings.newUserAge();
		this.settings = settings;
	}

	/**
	 * "I helped". Refused (409) on one's own, a closed or an already claimed request,
	 * (403) on a new-user-only campaign's request once the helper's account is older than
	 * {@code helpboard.help.new-user-days}, and (429) past the campaign's daily cap.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public ClaimView claim(long helperId, long requestId) {
		try {
			return this.transactions.execute((status) -> doClaim(helperId, requestId));
		}
		catch (DataIntegrityViolationException ex) {
			// a double tap raced: the unique (request, helper) kept one claim; say so
			return this.transactions.execute((status) -> doClaim(helperId, requestId));
		}
	}

	/**
	 * Lock order, as on every path: the request's row (shared), then the helper's member
	 * row; the daily count below then sees every claim of theirs committed before, and no
	 * other claim of theirs can commit until this one has.
	 */
	private ClaimView doClaim(long helperId, long requestId) {
		this.requests.holdForClaim(requestId);
		this.accounts.lockMember(helperId);
		Instant now = this.clock.instant();
		RequestView request = this.requests.get(requestId, helperId);
		this.groups.checkNotBanned(request.groupId(), helperId);
		if (request.authorId() == helperId) {
			throw HelpBoardException.conflict("help.claim.own");
		}
		if (this.claims.findByRequestIdAndHelperId(requestId, helperId).isPresent()) {
			throw HelpBoardException.conflict("help.claim.duplicate");
		}
		if (!request.isOpen()) {
			throw HelpBoardException.conflict("help.claim.closed");
		}
		Campaign campaign = this.campaigns.get(request.campaign());
		if (campaign.newUserOnly() && !isNewUser(helperId, now)) {
			throw HelpBoardException.forbidden("help.claim.new-users-only", this.newUserAge.toDays());
		}
		List<Instant> pending = this.claims.pendingSince(helperId);
		if (pending.size() >= this.settings.maxPendingClaims()) {
			// free again when the oldest is answered, at the latest when it confirms
			// itself
			Instant oldest = pending.stream().min(Instant::compareTo).orElse(now);
			throw new LimitReached(oldest.plus(AUTO_CONFIRM_AFTER), "help.claim.too-many-pending",
					this.settings.maxPendingClaims());
		}
		LocalDate today = ChinaTime.day(now);
		long helpedToday = this.claims.countByHelperIdAndHelperDayAndCampaign(helperId, today, campaign.code());
		if (helpedToday >= campaign.helperDailyCap()) {
			throw new LimitReached(ChinaTime.nextMidnight(now), "help.claim.capped", campaign.helperDailyCap());
		}
		Claim claim = this.claims
			.saveAndFlush(new Claim(requestId, helperId, request.authorId(), campaign.code(), now, today));
		afterCommit(() -> this.keptAnswers.claimed(helperId, requestId, today, campaign.code()));
		return view(claim);
	}

	/** The author confirms a claim; confirming again changes nothing. */
	@Transactional
	public ClaimView confirm(long authorId, long claimId) {
		Claim claim = this.claims.findForUpdate(claimId)
			.orElseThrow(() -> HelpBoardException.notFound("help.claim.not-found"));
		if (claim.confirmBy(authorId, this.clock.instant())) {
			confirmed(claim);
		}
		return view(claim);
	}

	/**
	 * The author rejects a claim: a waiting one, or one that confirmed itself less than
	 * {@code helpboard.help.reject-auto-confirmed-within} ago, whose credit the credit
	 * module then takes back ({@link ClaimReversed}). Refused (409) for a claim the
	 * author confirmed, or that confirmed itself longer ago.
	 */
	@Transactional
	public ClaimView reject(long authorId, long claimId) {
		return reject(authorId, claimId, null);
	}

	/**
	 * As {@link #reject(long, long)}, saying why; the reason stays on the claim for its
	 * helper to read (and answer once, {@link #answer}).
	 */
	@Transactional
	public ClaimView reject(long authorId, long claimId, @Nullable RejectReason reason) {
		Claim claim = this.claims.findForUpdate(claimId)
			.orElseThrow(() -> HelpBoardException.notFound("help.claim.not-found"));
		if (claim.rejectBy(authorId, this.clock.instant(), this.settings.rejectAutoConfirmedWithin(), reason)) {
			this.accounts.changeStanding(claim.getHelperId(), STANDING_PER_REJECTED);
			// publishes ClaimRejected through the event publication registry
			this.claims.save(claim);
		}
		return view(claim);
	}

	/** The longest answer a helper may give to a rejection (the column's length). */
	public static final int ANSWER_MAX = 280;

	/**
	 * The helper answers the rejection of their claim, once: only the claim's helper
	 * (403), only a rejected claim (409), only once (409; the answers' primary key holds
	 * this against a race), 1–{@value #ANSWER_MAX} characters of plain text (400 on
	 * {@code text}).
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public ClaimView answer(long helperId, long claimId, @Nullable String text) {
		String answer = (text != null) ? text.strip() : "";
		if (answer.isEmpty() || answer.length() > ANSWER_MAX) {
			throw new FieldRejection("text", "help.answer.length", ANSWER_MAX);
		}
		if (!PlainTextValidator.isPlain(answer, true)) {
			throw new FieldRejection("text", "PlainText");
		}
		try {
			return this.transactions.execute((status) -> {
				Claim claim = this.claims.findForUpdate(claimId)
					.orElseThrow(() -> HelpBoardException.notFound("help.claim.not-found"));
				claim.checkAnswerableBy(helperId);
				if (this.claims.countAnswers(claimId) > 0) {
					throw HelpBoardException.conflict("help.answer.once");
				}
				this.claims.insertAnswer(claimId, helperId, answer, this.clock.instant());
				return view(claim);
			});
		}
		catch (DataIntegrityViolationException ex) {
			// the claim's row lock makes this unlikely; the primary key decides
			throw HelpBoardException.conflict("help.answer.once");
		}
	}

	/** A claim for its request's author only (403 for anyone else, 404 unknown). */
	public ClaimView claimForAuthor(long authorId, long claimId) {
		Claim claim = this.claims.findById(claimId)
			.orElseThrow(() -> HelpBoardException.notFound("help.claim.not-found"));
		if (claim.getAuthorId() != authorId) {
			throw HelpBoardException.forbidden("help.claim.not-author");
		}
		return view(claim);
	}

	/**
	 * When the last help on a request was confirmed, if any: a fulfilled request's page
	 * says when it was done.
	 */
	public Optional<Instant> lastConfirmedOn(long requestId) {
		return Optional.ofNullable(this.claims.lastConfirmedOn(requestId));
	}

	/** Confirms every waiting claim on one of the author's requests; returns how many. */
	@Transactional
	public int confirmAll(long authorId, long requestId) {
		RequestView request = this.requests.get(requestId, authorId);
		if (request.authorId() != authorId) {
			throw HelpBoardException.forbidden("help.claim.not-author");
		}
		// every claim row first, in id order, before the request's and the helpers' rows
		// that confirming locks: the order confirm and the auto-confirm job follow too
		List<Long> ids = new ArrayList<>(this.claims.waitingIdsOn(requestId));
		ids.sort(null);
		List<Claim> locked = new ArrayList<>();
		for (Long id : ids) {
			this.claims.findForUpdate(id).ifPresent(locked::add);
		}
		int count = 0;
		for (Claim claim : locked) {
			if (claim.getStatus() == ClaimStatus.CLAIMED && claim.confirmBy(authorId, this.clock.instant())) {
				confirmed(claim);
				count++;
			}
		}
		return count;
	}

	/**
	 * Confirms up to {@code batch} claims nobody answered within
	 * {@link #AUTO_CONFIRM_AFTER}, the oldest that no other transaction holds; returns
	 * how many. One batch of {@link #autoConfirmOverdue(JobRun.Keyset, int)} from the
	 * start.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public int autoConfirmOverdue(int batch) {
		return autoConfirmOverdue(JobRun.Keyset.START, batch).done();
	}

	/**
	 * The auto-confirm job's backlog ({@link JobRun.Backlog}): how many claims have gone
	 * unanswered for {@link #AUTO_CONFIRM_AFTER}, those another transaction holds
	 * included, counted up to {@code atMost}.
	 */
	public int unansweredBacklog(int atMost) {
		return this.claims.countUnanswered(this.clock.instant().minus(AUTO_CONFIRM_AFTER), atMost);
	}

	/**
	 * One batch of the auto-confirm job, in one transaction of a fixed handful of
	 * statements whatever its size (docs/jobs.md): up to {@code size} claims nobody
	 * answered within {@link #AUTO_CONFIRM_AFTER}, after {@code after} in age order, that
	 * no other transaction holds ({@code FOR UPDATE SKIP LOCKED}, so instances running
	 * the job at once never wait for each other nor take the same claim), are locked and
	 * confirmed in one update that does what {@link Claim#confirmUnanswered} does to
	 * each. Then, as after a single confirmation, their requests count the helps
	 * ({@link Requests#recordConfirmedHelps}), their helpers gain standing
	 * ({@link Accounts#changeStandings}), and one {@link ClaimsConfirmed} stands for the
	 * claims' {@link ClaimConfirmed}: the credit module pays the helpers in this same
	 * transaction. Rows are locked in the order of every path: claims, then requests,
	 * then members, then credit accounts.
	 * <p>
	 * Should the batch fail, its claims are confirmed one by one instead
	 * ({@link #autoConfirmOverdueOneByOne}), so a bad row delays only itself.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public JobRun.Batch autoConfirmOverdue(JobRun.Keyset after, int size) {
		try {
			return this.transactions.execute((status) -> confirmBatch(after, size));
		}
		catch (RuntimeException ex) {
			log.warn("Confirming a batch of unanswered claims failed; confirming them one by one", ex);
			return confirmOneByOne(after, size);
		}
	}

	private JobRun.Batch confirmBatch(JobRun.Keyset after, int size) {
		Instant now = this.clock.instant();
		List<UnansweredClaims.Unanswered> due = this.claims.lockUnanswered(now.minus(AUTO_CONFIRM_AFTER), after, size);
		if (due.isEmpty()) {
			return JobRun.Batch.NONE;
		}
		List<Long> ids = new ArrayList<>();
		List<ClaimConfirmed> confirmed = new ArrayList<>();
		Map<Long, Integer> helpsByRequest = new HashMap<>();
		Map<Long, Integer> standing = new HashMap<>();
		// standing counts distinct counterparts: pairs with a confirmed help in the
		// window
		// already (one statement for the batch), and pairs seen earlier in it, earn none
		Set<Counterparts> helpedBefore = this.queries.confirmedPairsSince(
				due.stream().map(UnansweredClaims.Unanswered::helperId).distinct().toList(),
				due.stream().map(UnansweredClaims.Unanswered::authorId).distinct().toList(),
				now.minus(this.settings.standingCounterpartWindow()));
		for (UnansweredClaims.Unanswered claim : due) {
			ids.add(claim.id());
			confirmed
				.add(new ClaimConfirmed(claim.id(), claim.requestId(), claim.helperId(), claim.authorId(), true, now));
			helpsByRequest.merge(claim.requestId(), 1, Integer::sum);
			if (helpedBefore.add(new Counterparts(claim.helperId(), claim.authorId()))) {
				standing.merge(claim.helperId(), STANDING_PER_CONFIRMED, Integer::sum);
			}
		}
		// locked and still waiting: every one of them is confirmed
		int done = this.claims.confirmAllUnanswered(ids.toArray(Long[]::new), now);
		this.requests.recordConfirmedHelps(helpsByRequest);
		this.accounts.changeStandings(standing);
		this.events.publishEvent(new ClaimsConfirmed(confirmed));
		UnansweredClaims.Unanswered last = due.get(due.size() - 1);
		return new JobRun.Batch(done, due.size(), new JobRun.Keyset(last.createdAt(), last.id()));
	}

	/**
	 * The per-item path: up to {@code batch} claims nobody answered within
	 * {@link #AUTO_CONFIRM_AFTER}, each confirmed in its own transaction as the author's
	 * confirmation is, its {@link ClaimConfirmed} published through the event publication
	 * registry (the credit module pays after the commit). The batch path falls back to
	 * it, and the tests hold the batch path to its results.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public int autoConfirmOverdueOneByOne(int batch) {
		return confirmOneByOne(JobRun.Keyset.START, batch).done();
	}

	private JobRun.Batch confirmOneByOne(JobRun.Keyset after, int size) {
		Instant before = this.clock.instant().minus(AUTO_CONFIRM_AFTER);
		List<Claim> due = this.transactions
			.execute((status) -> this.claims.findUnanswered(before, after.at(), after.id(), size));
		if (due == null || due.isEmpty()) {
			return JobRun.Batch.NONE;
		}
		int count = 0;
		for (Claim candidate : due) {
			try {
				Boolean done = this.transactions.execute((status) -> {
					Claim claim = this.claims.findForUpdate(candidate.getId()).orElseThrow();
					if (claim.getStatus() == ClaimStatus.CLAIMED && !claim.getCreatedAt().isAfter(before)
							&& claim.confirmUnanswered(this.clock.instant())) {
						confirmed(claim);
						return true;
					}
					return false;
				});
				count += Boolean.TRUE.equals(done) ? 1 : 0;
			}
			catch (RuntimeException ex) {
				log.warn("Could not confirm claim {}; the next run tries again", candidate.getId(), ex);
			}
		}
		Claim last = due.get(due.size() - 1);
		return new JobRun.Batch(count, due.size(), new JobRun.Keyset(last.getCreatedAt(), last.getId()));
	}

	/**
	 * What follows a confirmation here; saving the claim publishes its
	 * {@link ClaimConfirmed} through the event publication registry (dirty checking alone
	 * would not), and the credit module pays the helper after the commit.
	 */
	private void confirmed(Claim claim) {
		this.requests.recordConfirmedHelp(claim.getRequestId());
		if (!this.queries.confirmedBetweenSince(claim.getHelperId(), claim.getAuthorId(),
				claim.getDecidedAt().minus(this.settings.standingCounterpartWindow()), claim.getId())) {
			this.accounts.changeStanding(claim.getHelperId(), STANDING_PER_CONFIRMED);
		}
		this.claims.save(claim);
	}

	/** A helper and an author: standing counts each pair once per window. */
	record Counterparts(long helperId, long authorId) {

	}

	/**
	 * Of each helper's latest {@code last} claims their authors answered by hand
	 * (confirmed or rejected, not confirmed by themselves), how many and how many
	 * confirmed; one statement for all of them. Helpers with none map to
	 * {@link HelperAnswers#NONE}.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Map<Long, HelperAnswers> answersOf(Collection<Long> helperIds, int last) {
		Map<Long, HelperAnswers> answers = new HashMap<>();
		helperIds.forEach((id) -> answers.put(id, HelperAnswers.NONE));
		if (!helperIds.isEmpty()) {
			answers.putAll(this.queries.answersOf(helperIds, last));
		}
		return answers;
	}

	public Optional<ClaimView> find(long claimId) {
		return this.claims.findById(claimId).map(this::view);
	}

	/** The claims on a request, for its author only. */
	public List<ClaimView> claimsOn(long requestId, long viewerId) {
		RequestView request = this.requests.get(requestId, viewerId);
		if (request.authorId() != viewerId) {
			throw HelpBoardException.forbidden("help.claim.not-author");
		}
		return views(this.claims.findByRequestIdOrderByCreatedAtAsc(requestId));
	}

	/** The helper's own claim on a request, if any. */
	public Optional<ClaimView> claimOf(long requestId, long helperId) {
		return this.claims.findByRequestIdAndHelperId(requestId, helperId).map(this::view);
	}

	/** Claims waiting for the author's answer, oldest first. */
	public List<ClaimView> waitingFor(long authorId) {
		return views(this.claims.findByAuthorIdAndStatusOrderByCreatedAtAsc(authorId, ClaimStatus.CLAIMED));
	}

	/**
	 * The days of {@code helpboard.help.new-user-days} when the campaign is new-user-only
	 * and the member's account is older than that, so they may not help it; else empty.
	 */
	public Optional<Long> newUsersOnlyRefusal(long memberId, String campaignCode) {
		boolean refused = this.campaigns.find(campaignCode).filter(Campaign::newUserOnly).isPresent()
				&& !isNewUser(memberId, this.clock.instant());
		return refused ? Optional.of(this.newUserAge.toDays()) : Optional.empty();
	}

	/**
	 * Whether the member's account is younger than {@code helpboard.help.new-user-days}:
	 * only such members may help new-user-only campaigns, whose help counts for newcomers
	 * only.
	 */
	private boolean isNewUser(long memberId, Instant now) {
		return this.accounts.findById(memberId)
			.map((member) -> member.joinedAt().plus(this.newUserAge).isAfter(now))
			.orElse(false);
	}

	/** Today's helps per campaign against the caps, and when they reset. */
	public HelperDay today(long helperId) {
		Instant now = this.clock.instant();
		return HelperDay.of(this.queries.day(helperId, ChinaTime.day(now)).counts(), this.campaigns.all(), now);
	}

	/** The member no longer sees the other's requests in their help queue. */
	@Transactional
	public void block(long memberId, long otherId) {
		if (memberId == otherId) {
			throw HelpBoardException.conflict("help.block.self");
		}
		this.accounts.findById(otherId).orElseThrow(() -> HelpBoardException.notFound("account.member.not-found"));
		afterCommit(() -> this.keptAnswers.forget(memberId));
		try {
			this.queries.block(memberId, otherId, this.clock.instant());
		}
		catch (DataIntegrityViolationException ex) {
			// a double click blocked already
		}
	}

	@Transactional
	public void unblock(long memberId, long otherId) {
		afterCommit(() -> this.keptAnswers.forget(memberId));
		this.queries.unblock(memberId, otherId);
	}

	/**
	 * This instance's kept answers of the helper learn of their change as soon as it is
	 * committed, not only when its notice comes ({@link KeptHelperAnswers}).
	 */
	private static void afterCommit(Runnable change) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				change.run();
			}
		});
	}

	public boolean blocks(long memberId, long otherId) {
		return this.queries.blocks(memberId, otherId);
	}

	/** How many claims wait for the author's answer (the nav's "等我确认 n"). */
	public long waitingCount(long authorId) {
		return this.claims.countByAuthorIdAndStatus(authorId, ClaimStatus.CLAIMED);
	}

	/**
	 * "我帮过的": every claim the member made, newest first, with its request; three
	 * statements a page (claims, their requests, the campaigns are cached).
	 */
	public Slice<HelpedClaim> claimsBy(long helperId, Pageable page) {
		Slice<Claim> slice = this.claims.findByHelperIdOrderByCreatedAtDescIdDesc(helperId, page);
		Set<Long> requestIds = new HashSet<>();
		slice.forEach((claim) -> requestIds.add(claim.getRequestId()));
		Map<Long, RequestView> requests = this.requests.findAll(requestIds);
		Map<Long, String> answers = answersTo(slice.getContent());
		return slice.map((claim) -> {
			RequestView request = requests.get(claim.getRequestId());
			return new HelpedClaim(claim.getId(), claim.getRequestId(), (request != null) ? request.title() : null,
					(request != null) ? request.group() : null, claim.getCampaign(),
					(request != null) ? request.author() : "?", claim.getStatus(), claim.getCreatedAt(),
					claim.getDecidedAt(), claim.isAutoConfirmed(), claim.getRejectReason(), answers.get(claim.getId()));
		});
	}

	public long helpsGiven(long memberId) {
		return this.claims.countByHelperIdAndStatus(memberId, ClaimStatus.CONFIRMED);
	}

	public long helpsReceived(long memberId) {
		return this.claims.countByAuthorIdAndStatus(memberId, ClaimStatus.CONFIRMED);
	}

	private List<ClaimView> views(List<Claim> list) {
		Set<Long> helperIds = new HashSet<>();
		list.forEach((claim) -> helperIds.add(claim.getHelperId()));
		Map<Long, MemberName> names = this.accounts.names(helperIds);
		Map<Long, String> answers = answersTo(list);
		return list.stream()
			.map((claim) -> view(claim, names.get(claim.getHelperId()), answers.get(claim.getId())))
			.toList();
	}

	/** The answers to the rejected ones of these claims; no statement when none is. */
	private Map<Long, String> answersTo(List<Claim> list) {
		List<Long> rejected = list.stream()
			.filter((claim) -> claim.getStatus() == ClaimStatus.REJECTED)
			.map(Claim::getId)
			.toList();
		Map<Long, String> answers = new HashMap<>();
		if (!rejected.isEmpty()) {
			for (Object[] row : this.claims.answersTo(rejected)) {
				answers.put(((Number) row[0]).longValue(), (String) row[1]);
			}
		}
		return answers;
	}

	private ClaimView view(Claim claim) {
		return views(List.of(claim)).get(0);
	}

	private ClaimView view(Claim claim, @Nullable MemberName name, @Nullable String answer) {
		return new ClaimView(claim.getId(), claim.getRequestId(), claim.getHelperId(),
				(name != null) ? name.username() : "?", claim.getStatus(), claim.getCreatedAt(), claim.getDecidedAt(),
				claim.isAutoConfirmed(),
				claim.rejectableAt(this.clock.instant(), this.settings.rejectAutoConfirmedWithin()),
				claim.getRejectReason(), answer, (name != null) ? name.nickname() : null);
	}

}
