package com.helpboard.credit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.helpboard.group.GroupView;
import com.helpboard.group.Groups;
import com.helpboard.request.RequestView;
import com.helpboard.request.Requests;
import com.helpboard.system.FieldRejection;
import com.helpboard.system.HelpBoardException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Boosts: credits that pin a request at the top of its group for some hours.
 *
 * <p>
 * Each group has a few slots. Everything that counts or fills them — a member buying a
 * boost, a scheduler run on any instance, the listener of a closed request — first locks
 * the group ({@link BoostSlotLock}), so the slots are never over-assigned and a queued
 * boost is started or refunded once. The credits move only through {@link Credits}, under
 * keys {@code boost:<id>:spend} and {@code boost:<id>:refund}, so a refund asked for
 * twice pays once. Each boost that starts, ends or is refunded publishes
 * {@link BoostStarted}, {@link BoostEnded} or {@link BoostRefunded} in the transaction
 * that changed it (stored in the event publication registry for the listeners after the
 * commit).
 */
@Service
public class Boosts {

	private static final Logger log = LoggerFactory.getLogger(Boosts.class);

	/** Groups one scheduler run settles, and queued boosts it looks at in each. */
	static final int BATCH = 100;

	/** How far down a group's queue the start estimates look. */
	static final int ESTIMATE_DEPTH = 1000;

	/** The refusal of a boost by a new account (docs/credits.md). */
	static final String NEW_ACCOUNT = "boost.new-account";

	private final BoostRepository boosts;

	private final BoostSlotLock slots;

	private final Credits credits;

	private final Requests requests;

	private final Groups groups;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	Boosts(BoostRepository boosts, BoostSlotLock slots, Credits credits, Requests requests, Groups groups, Clock clock,
			PlatformTransactionManager transactionManager, ApplicationEventPublisher events) {
		this.boosts = boosts;
		this.slots = slots;
		this.credits = credits;
		this.requests = requests;
		this.groups = groups;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
		this.events = events;
	}

	/**
	 * Buys a boost of {@code hours} for the member's own open request: active at once
	 * when a slot of its group is free and nobody queues, else queued behind the others.
	 * @throws HelpBoardException {@code NotFound} unknown request, {@code NotAllowed} not
	 * the author or a new account ({@code boost.new-account}), {@code Conflict} closed or
	 * not enough credits ({@code credit.insufficient}, nothing stored),
	 * {@code FieldRejection} hours not offered by the group
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public BoostView boost(long memberId, long requestId, int hours) {
		RequestView request = boostable(memberId, requestId);
		GroupView group = group(request.groupId());
		if (!group.boostRule().offers(hours)) {
			throw new FieldRejection("hours", "boost.hours.invalid",
					group.boostRule().hourChoices().stream().map(String::valueOf).collect(Collectors.joining(", ")));
		}
		// a boost may not outlast its request: the
		// hours after expiry would be paid for nothing
		long hoursLeft = (java.time.Duration.between(now(), request.expiresAt()).toMinutes() + 59) / 60;
		if (hours > hoursLeft) {
			throw new FieldRejection("hours", "boost.longer-than-request", hoursLeft);
		}
		try {
			return this.transactions.execute((status) -> buy(memberId, requestId, group.id(), hours));
		}
		catch (ConcurrencyFailureException ex) {
			// the request changed under us (closed, most likely); nothing was bought, and
			// a page shows this like any other refusal
			throw HelpBoardException.conflict("error.conflict");
		}
	}

	private BoostView buy(long memberId, long requestId, long groupId, int hours) {
		// in the purchase's transaction, on its connection: a new account's credits
		// cannot buy reach (docs/credits.md)
		if (!this.credits.isEstablished(memberId)) {
			throw HelpBoardException.forbidden(NEW_ACCOUNT);
		}
		this.slots.lock(groupId);
		Instant now = now();
		// read again under the lock: it may have closed since the checks above
		boostable(memberId, requestId);
		GroupView.BoostRule rule = rule(groupId);
		Boost boost = this.boosts.save(new Boost(requestId, groupId, memberId, hours, rule.cost(hours), now));
		this.credits.spend(memberId, boost.getCost(), boost.spendKey(), boost.reference());
		// it joins the queue, whose head takes the free slots: it is active at once only
		// when nobody waits ahead of it. A purchase refunds nothing: it holds its buyer's
		// account lock already, and the sweep or the listener refunds soon after
		fillSlots(groupId, rule, now, List.of());
		if (boost.getStatus() == BoostStatus.QUEUED) {
			return boost.view(estimates(groupId, rule, now).get(boost.getId()));
		}
		return boost.view(null);
	}

	private RequestView boostable(long memberId, long requestId) {
		RequestView request = this.requests.find(requestId)
			.orElseThrow(() -> HelpBoardException.notFound("request.not-found"));
		if (request.authorId() != memberId) {
			throw HelpBoardException.forbidden("boost.not-author");
		}
		if (!request.isOpen()) {
			throw HelpBoardException.conflict("boost.request-not-open");
		}
		return request;
	}

	/** The request's boosts, newest first; queued ones with estimated times. */
	@Transactional(readOnly = true)
	public List<BoostView> boostsOf(long requestId) {
		List<Boost> all = this.boosts.findByRequestIdOrderByIdDesc(requestId);
		Map<Long, Instant> estimates = Map.of();
		if (all.stream().anyMatch((boost) -> boost.getStatus() == BoostStatus.QUEUED)) {
			long groupId = all.get(0).getGroupId();
			estimates = estimates(groupId, rule(groupId), now());
		}
		List<BoostView> views = new ArrayList<>();
		for (Boost boost : all) {
			views.add(boost.view(estimates.get(boost.getId())));
		}
		return views;
	}

	/**
	 * The scheduler's sweep, safe to run on several instances at once: in each group with
	 * work (up to {@value #BATCH}), ends active boosts past their end or of closed
	 * requests, refunds queued boosts of closed requests, and starts queued ones, oldest
	 * first, while slots are free. Each group is one transaction under its lock, so a
	 * failure in one delays only that group to the next run.
	 * @return how many boosts were ended, refunded or started
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public int tick() {
		List<Long> groupIds = this.transactions.execute((status) -> this.boosts.groupsWithWork(now(), BATCH));
		int work = 0;
		for (long groupId : groupIds) {
			try {
				Integer done = this.transactions.execute((status) -> {
					this.slots.lock(groupId);
					return sweep(groupId, rule(groupId), now(), List.of());
				});
				work += (done != null) ? done : 0;
			}
			catch (ConcurrencyFailureException ex) {
				log.info("Boosts of group {} changed meanwhile; settling them on the next run", groupId);
			}
			catch (RuntimeException ex) {
				// one group's trouble must not stop the others
				log.warn("Could not settle the boosts of group {}", groupId, ex);
			}
		}
		return work;
	}

	/**
	 * A request closed: refund its boosts that never started, end the one that runs, and
	 * give the freed slot to the next in the queue. Called by {@link BoostRefunds} after
	 * the close committed; the scheduler's sweep repairs anything missed.
	 */
	@Transactional
	void requestClosed(long requestId, long groupId) {
		// locked first: a purchase racing the close has committed its boost by then
		this.slots.lock(groupId);
		if (!this.boosts.existsByRequestIdAndStatusIn(requestId, List.of(BoostStatus.QUEUED, BoostStatus.ACTIVE))) {
			return;
		}
		// all of its queued boosts, however far back in the queue
		sweep(groupId, rule(groupId), now(),
				this.boosts.findByRequestIdAndStatusOrderByIdAsc(requestId, BoostStatus.QUEUED));
	}

	/**
	 * Many requests closed at once (a batch of the expiry or auto-confirm job): as
	 * {@link #requestClosed} for each that has a queued or running boost (one statement
	 * finds them; most have none), each in a transaction of its own as if its own event
	 * had come, so no transaction holds two groups' locks. Called by {@link BoostRefunds}
	 * after the batch committed; a failure fails the event, which is resubmitted, and
	 * what was done already is not done again.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void requestsClosed(Collection<Long> requestIds) {
		if (requestIds.isEmpty()) {
			return;
		}
		List<Object[]> boosted = this.transactions
			.execute((status) -> this.boosts.groupsOfRequestsWithBoostsIn(requestIds.toArray(Long[]::new),
					new String[] { BoostStatus.QUEUED.name(), BoostStatus.ACTIVE.name() }));
		for (Object[] row : (boosted != null) ? boosted : List.<Object[]>of()) {
			long requestId = ((Number) row[1]).longValue();
			long groupId = ((Number) row[0]).longValue();
			this.transactions.executeWithoutResult((status) -> requestClosed(requestId, groupId));
		}
	}

	/**
	 * Puts the group's slots in order and refunds every queued boost of a closed request;
	 * the caller holds the group's lock.
	 * @param ofClosedRequest queued boosts to refund, however far back they wait
	 * @return how many boosts were ended, started or refunded
	 */
	private int sweep(long groupId, GroupView.BoostRule rule, Instant now, List<Boost> ofClosedRequest) {
		Settled settled = fillSlots(groupId, rule, now, ofClosedRequest);
		settled.refunds().forEach(this::refund);
		return settled.ended() + settled.started() + settled.refunds().size();
	}

	/**
	 * Ends the group's boosts that are over, then gives the free slots to the oldest
	 * queued boosts of open requests ({@link BoostQueue}); the caller holds the group's
	 * lock.
	 * @return what was done, and the queued boosts that should be refunded
	 */
	private Settled fillSlots(long groupId, GroupView.BoostRule rule, Instant now, List<Boost> ofClosedRequest) {
		List<Boost> active = this.boosts.findByGroupIdAndStatusOrderByIdAsc(groupId, BoostStatus.ACTIVE,
				Limit.unlimited());
		List<Boost> queued = this.boosts.findByGroupIdAndStatusOrderByIdAsc(groupId, BoostStatus.QUEUED,
				Limit.of(BATCH));
		// every request these boosts are for, read at once rather than once per boost
		Set<Long> open = openRequests(active, queued);
		int ended = 0;
		for (Boost boost : active) {
			if (boost.endIfOver(now, open.contains(boost.getRequestId()))) {
				this.events.publishEvent(new BoostEnded(boost.getId(), boost.getRequestId(), boost.getGroupId(),
						boost.getMemberId(), boost.getHours(), now));
				repin(boost.getRequestId(), now);
				ended++;
			}
		}
		// by id, which is queue order
		Map<Long, Boost> waiting = new TreeMap<>();
		queued.forEach((boost) -> waiting.put(boost.getId(), boost));
		Set<Long> closed = new HashSet<>();
		ofClosedRequest.forEach((boost) -> {
			waiting.put(boost.getId(), boost);
			closed.add(boost.getId());
		});
		BoostQueue queue = new BoostQueue(rule.slots(), waiting.values().stream().map(Boost::waiting).toList());
		BoostQueue.Turn turn = queue.take(running(groupId, now),
				(boost) -> closed.contains(boost.boostId()) || !open.contains(boost.requestId()),
				(boost) -> start(waiting.get(boost.boostId()), now));
		return new Settled(ended, turn.started().size(),
				turn.refunds().stream().map((boost) -> waiting.get(boost.boostId())).toList());
	}

	private record Settled(int ended, int started, List<Boost> refunds) {

	}

	/**
	 * Starts a queued boost and pins its request.
	 * @return false when the request has just closed; the boost stays queued
	 */
	private boolean start(Boost boost, Instant now) {
		List<Boost> running = this.boosts.findByRequestIdAndStatusOrderByIdAsc(boost.getRequestId(), BoostStatus.ACTIVE)
			.stream()
			.filter((other) -> other.isRunningAt(now))
			.toList();
		Pin pin = Pin.starting(boost, running, now);
		if (!this.requests.markBoosted(boost.getRequestId(), pin.since(), pin.until())) {
			return false;
		}
		boost.start(now);
		this.events.publishEvent(new BoostStarted(boost.getId(), boost.getRequestId(), boost.getGroupId(),
				boost.getMemberId(), boost.getHours(), boost.getEndsAt(), now));
		return true;
	}

	/** After a boost ended: pin the request until its later boost ends, or unpin it. */
	private void repin(long requestId, Instant now) {
		List<Boost> running = this.boosts.findByRequestIdAndStatusOrderByIdAsc(requestId, BoostStatus.ACTIVE)
			.stream()
			.filter((other) -> other.isRunningAt(now))
			.toList();
		Optional<Pin> pin = Pin.of(running);
		if (pin.isEmpty() || !this.requests.markBoosted(requestId, pin.get().since(), pin.get().until())) {
			this.requests.clearBoost(requestId);
		}
	}

	private void refund(Boost boost) {
		boost.refund();
		this.credits.refund(boost.getMemberId(), boost.getCost(), boost.refundKey(), boost.reference());
		this.events.publishEvent(new BoostRefunded(boost.getId(), boost.getRequestId(), boost.getGroupId(),
				boost.getMemberId(), boost.getHours(), this.clock.instant()));
	}

	private int running(long groupId, Instant now) {
		return (int) this.boosts.findByGroupIdAndStatusOrderByIdAsc(groupId, BoostStatus.ACTIVE, Limit.unlimited())
			.stream()
			.filter((boost) -> boost.isRunningAt(now))
			.count();
	}

	/** Ids of the boosts' requests that are open. */
	private Set<Long> openRequests(List<Boost> active, List<Boost> queued) {
		Set<Long> ids = new HashSet<>();
		active.forEach((boost) -> ids.add(boost.getRequestId()));
		queued.forEach((boost) -> ids.add(boost.getRequestId()));
		Set<Long> open = new HashSet<>();
		this.requests.findAll(ids).forEach((id, request) -> {
			if (request.isOpen()) {
				open.add(id);
			}
		});
		return open;
	}

	/**
	 * When each queued boost of the group would start if every boost ahead of it ran its
	 * full time: a queued boost takes the first slot to free up, in queue order. Bounded
	 * by {@value #ESTIMATE_DEPTH} places.
	 */
	private Map<Long, Instant> estimates(long groupId, GroupView.BoostRule rule, Instant now) {
		List<Instant> runningEnds = this.boosts
			.findByGroupIdAndStatusOrderByIdAsc(groupId, BoostStatus.ACTIVE, Limit.unlimited())
			.stream()
			.filter((boost) -> boost.isRunningAt(now))
			.map(Boost::getEndsAt)
			.toList();
		List<BoostQueue.Waiting> queue = this.boosts
			.findByGroupIdAndStatusOrderByIdAsc(groupId, BoostStatus.QUEUED, Limit.of(ESTIMATE_DEPTH))
			.stream()
			.map(Boost::waiting)
			.toList();
		return new BoostQueue(rule.slots(), queue).estimatedStarts(runningEnds, now);
	}

	private GroupView.BoostRule rule(long groupId) {
		return group(groupId).boostRule();
	}

	private GroupView group(long groupId) {
		return this.groups.findById(groupId).orElseThrow(() -> new IllegalStateException("no group " + groupId));
	}

	private Instant now() {
		// the database keeps microseconds; so do the views returned the first time
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
