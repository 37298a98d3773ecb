package com.helpboard.moderation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.helpboard.account.Accounts;
import com.helpboard.account.MemberSummary;
import com.helpboard.group.GroupView;
import com.helpboard.group.Groups;
import com.helpboard.request.RequestStatus;
import com.helpboard.request.RequestView;
import com.helpboard.request.Requests;
import com.helpboard.system.HelpBoardException;
import com.helpboard.system.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The moderation module's facade (docs/moderation.md): members report requests; at a
 * group's threshold of weighted distinct reporters a request is hidden until a moderator
 * decides; moderators hide, restore and ban; site admins moderate every group and suspend
 * accounts. Every action is appended once to the public log, in the transaction that does
 * it.
 */
@Service
@Validated
@Transactional(readOnly = true)
@EnableConfigurationProperties(ModerationSettings.class)
public class Moderation {

	public static final int MAX_DETAIL = 280;

	public static final int MAX_REASON = 280;

	/** The longest ban: a year. */
	public static final int MAX_BAN_HOURS = 24 * 365;

	/** At most this many requests in one view of the queue. */
	static final int QUEUE_LIMIT = 200;

	private static final Logger log = LoggerFactory.getLogger(Moderation.class);

	private final ReportRepository reports;

	private final ReviewRepository reviews;

	private final LogRepository entries;

	private final Requests requests;

	private final Groups groups;

	private final Accounts accounts;

	private final Clock clock;

	private final ModerationSettings settings;

	Moderation(ReportRepository reports, ReviewRepository reviews, LogRepository entries, Requests requests,
			Groups groups, Accounts accounts, Clock clock, ModerationSettings settings) {
		this.reports = reports;
		this.reviews = reviews;
		this.entries = entries;
		this.requests = requests;
		this.groups = groups;
		this.accounts = accounts;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * A report as its reporter gets it back; {@code hidden} when it tipped the threshold.
	 */
	public record Reported(long id, long requestId, ReportReason reason, @Nullable String detail, Instant createdAt,
			boolean hidden) {
	}

	/**
	 * A member reports a request they can see (404 otherwise), once (409 again), not
	 * their own (409), not a closed one (409), not while banned from its group (403). A
	 * new account's report on an established author's request weighs
	 * {@link ModerationSettings#newAccountWeight()}; when the pending reports reach the
	 * group's threshold the request is hidden at once and waits for a moderator. The
	 * request's row is locked first, so concurrent reports are counted one at a time and
	 * the hide happens (and is logged) once.
	 */
	@Transactional
	public Reported report(long memberId, long requestId, @NotNull(message = "{NotNull}") ReportReason reason,
			@Size(max = MAX_DETAIL,
					message = "{text.max-length}") @PlainText(multiline = true) @Nullable String detail) {
		RequestView visible = this.requests.get(requestId, memberId);
		RequestView request = this.requests.lockForModeration(visible.id());
		if (request.authorId() == memberId) {
			throw HelpBoardException.conflict("moderation.report.own");
		}
		this.groups.checkNotBanned(request.groupId(), memberId);
		if (this.reports.existsByRequestIdAndReporterId(requestId, memberId)) {
			throw HelpBoardException.conflict("moderation.report.duplicate");
		}
		if (!request.isOpen()) {
			throw HelpBoardException.conflict("moderation.report.closed");
		}
		MemberSummary reporter = this.accounts.findById(memberId)
			.orElseThrow(() -> HelpBoardException.notFound("account.member.not-found"));
		MemberSummary author = this.accounts.findById(request.authorId())
			.orElseThrow(() -> HelpBoardException.notFound("account.member.not-found"));
		Instant now = this.clock.instant();
		Report report;
		try {
			report = this.reports.saveAndFlush(new Report(requestId, request.groupId(), memberId, reason,
					blankToNull(detail), weightOf(reporter, author, now), now));
		}
		catch (DataIntegrityViolationException ex) {
			throw HelpBoardException.conflict("moderation.report.duplicate");
		}
		BigDecimal weight = this.reports.pendingWeight(requestId);
		int threshold = this.groups.reportThreshold(request.groupId());
		boolean hidden = weight.compareTo(BigDecimal.valueOf(threshold)) >= 0;
		if (hidden) {
			this.requests.hide(requestId);
			this.reviews.save(new Review(requestId, request.groupId(), Review.Cause.REPORTS, now));
			append(null, LogAction.AUTO_HIDE, target(requestId), requestId, null,
					summary(this.reports.findByRequestIdAndStatus(requestId, ReportStatus.PENDING)), request.groupId());
		}
		return new Reported(report.getId(), requestId, reason, report.getDetail(), now, hidden);
	}

	/**
	 * A new account's report weighs less against an established author's request, so a
	 * handful of fresh accounts cannot bury it; against another new account's request
	 * (where spam and phishing come from) it counts in full.
	 */
	private BigDecimal weightOf(MemberSummary reporter, MemberSummary author, Instant now) {
		Instant newSince = now.minus(this.settings.newAccountAge());
		boolean reporterIsNew = reporter.joinedAt() != null && reporter.joinedAt().isAfter(newSince);
		boolean authorIsNew = author.joinedAt() != null && author.joinedAt().isAfter(newSince);
		return (reporterIsNew && !authorIsNew) ? BigDecimal.valueOf(this.settings.newAccountWeight()) : BigDecimal.ONE;
	}

	/**
	 * A moderator of the request's group (or a site admin) hides it with a reason: an
	 * open request leaves the board, a request hidden by its reports stays hidden, now by
	 * a moderator's word. Its pending reports are upheld; an upheld phishing report costs
	 * the author {@link ModerationSettings#phishingStanding()} and hides every other open
	 * request of theirs, each waiting for a moderator (and logged).
	 */
	@Transactional
	public RequestView hide(long actorId, long requestId, @NotBlank(message = "{NotBlank}") @Size(max = MAX_REASON,
			message = "{text.max-length}") @PlainText @Nullable String reason) {
		MemberSummary actor = moderatorOf(requestId, actorId);
		RequestView request = this.requests.lockForModeration(requestId);
		List<Report> pending = this.reports.findByRequestIdAndStatus(requestId, ReportStatus.PENDING);
		boolean waiting = this.reviews.existsById(requestId);
		if (request.status() == RequestStatus.HIDDEN && !waiting && pending.isEmpty()) {
			throw HelpBoardException.conflict("moderation.hide.already");
		}
		if (request.status() != RequestStatus.HIDDEN && !request.isOpen() && pending.isEmpty()) {
			throw HelpBoardException.conflict("moderation.hide.closed");
		}
		Instant now = this.clock.instant();
		RequestView hidden = this.requests.hide(requestId);
		pending.forEach((report) -> report.resolve(true, now));
		if (waiting) {
			this.reviews.deleteById(requestId);
		}
		append(actor, LogAction.HIDE, target(requestId), requestId, null, reason.strip(), request.groupId());
		if (pending.stream().anyMatch((report) -> report.getReason() == ReportReason.PHISHING)) {
			holdAuthorsRequests(request, now);
		}
		return hidden;
	}

	/**
	 * Phishing upheld: the author's other open requests are hidden until a moderator
	 * looks at them, then the author loses standing (request rows before member rows, the
	 * lock order every path keeps).
	 */
	private void holdAuthorsRequests(RequestView upheld, Instant now) {
		for (long other : this.requests.openIdsOf(upheld.authorId())) {
			RequestView held = this.requests.hide(other);
			if (held.status() == RequestStatus.HIDDEN && !this.reviews.existsById(other)) {
				this.reviews.save(new Review(other, held.groupId(), Review.Cause.AUTHOR_PHISHING, now));
				append(null, LogAction.AUTO_HIDE, target(other), other, null,
						"PHISHING upheld on " + target(upheld.id()), held.groupId());
			}
		}
		this.accounts.changeStanding(upheld.authorId(), -this.settings.phishingStanding());
		log.info("Phishing upheld on request {}: author {} loses {} standing, open requests held for review",
				upheld.id(), upheld.authorId(), this.settings.phishingStanding());
	}

	/**
	 * A moderator of the request's group (or a site admin) restores a hidden request with
	 * a reason: open again (back in the feed at once) or expired if its time ran out. Its
	 * pending reports were false: each reporter loses
	 * {@link ModerationSettings#falseReportStanding()}.
	 */
	@Transactional
	public RequestView restore(long actorId, long requestId, @NotBlank(message = "{NotBlank}") @Size(max = MAX_REASON,
			message = "{text.max-length}") @PlainText @Nullable String reason) {
		MemberSummary actor = moderatorOf(requestId, actorId);
		RequestView request = this.requests.lockForModeration(requestId);
		RequestView restored = this.requests.restore(requestId);
		Instant now = this.clock.instant();
		Map<Long, Integer> standing = new HashMap<>();
		for (Report report : this.reports.findByRequestIdAndStatus(requestId, ReportStatus.PENDING)) {
			report.resolve(false, now);
			standing.put(report.getReporterId(), -this.settings.falseReportStanding());
		}
		if (this.reviews.existsById(requestId)) {
			this.reviews.deleteById(requestId);
		}
		append(actor, LogAction.RESTORE, target(requestId), requestId, null, reason.strip(), request.groupId());
		this.accounts.changeStandings(standing);
		return restored;
	}

	/**
	 * A moderator of the group (or a site admin) bans a member from it for {@code hours}:
	 * until then they cannot post, claim or report there. Banning again replaces the ban.
	 */
	@Transactional
	public void ban(long actorId, String slug, String username,
			@NotNull(message = "{NotNull}") @Range(min = 1, max = MAX_BAN_HOURS,
					message = "{moderation.ban.hours.invalid}") @Nullable Integer hours,
			@NotBlank(message = "{NotBlank}") @Size(max = MAX_REASON,
					message = "{text.max-length}") @PlainText @Nullable String reason) {
		GroupView group = moderated(slug, actorId);
		MemberSummary target = member(username);
		MemberSummary actor = member(actorId);
		this.groups.ban(group.id(), actorId, target.id(), Duration.ofHours(hours), reason.strip());
		append(actor, LogAction.BAN, target.username(), null, target.id(), reason.strip() + " (" + hours + " h)",
				group.id());
	}

	/** Lifts a member's ban from the group; logged when a ban was in force. */
	@Transactional
	public void unban(long actorId, String slug, String username) {
		GroupView group = moderated(slug, actorId);
		MemberSummary target = member(username);
		if (this.groups.unban(group.id(), actorId, target.id())) {
			append(member(actorId), LogAction.UNBAN, target.username(), null, target.id(), null, group.id());
		}
	}

	/**
	 * The group's owner (or a site admin) names a member of the group moderator, or takes
	 * it back; logged when it changed.
	 */
	@Transactional
	public void setModerator(long actorId, String slug, String username, boolean moderator) {
		GroupView group = this.groups.visit(slug, actorId, null).group();
		MemberSummary target = member(username);
		if (this.groups.setModerator(slug, actorId, target.id(), moderator)) {
			append(member(actorId), moderator ? LogAction.MODERATOR_ADDED : LogAction.MODERATOR_REMOVED,
					target.username(), null, target.id(), null, group.id());
		}
	}

	/**
	 * A site admin suspends an account (it can no longer sign in or use its tokens; the
	 * caller ends its sessions once this commits). Nobody suspends themselves or an
	 * admin.
	 * @return the member, when this suspended them (already suspended: nothing changes)
	 */
	@Transactional
	public @Nullable MemberSummary suspend(long actorId, String username,
			@NotBlank(message = "{NotBlank}") @Size(max = MAX_REASON,
					message = "{text.max-length}") @PlainText @Nullable String reason) {
		MemberSummary actor = admin(actorId);
		MemberSummary target = member(username);
		if (target.id() == actorId || target.admin()) {
			throw HelpBoardException.conflict("moderation.suspend.not-this-member");
		}
		if (this.accounts.isSuspended(target.id())) {
			return null;
		}
		MemberSummary suspended = this.accounts.suspend(target.id(), reason.strip());
		append(actor, LogAction.SUSPEND, target.username(), null, target.id(), reason.strip(), null);
		return suspended;
	}

	/** A site admin lifts a suspension; logged when there was one. */
	@Transactional
	public void unsuspend(long actorId, String username) {
		MemberSummary actor = admin(actorId);
		MemberSummary target = member(username);
		if (this.accounts.isSuspended(target.id())) {
			this.accounts.unsuspend(target.id());
			append(actor, LogAction.UNSUSPEND, target.username(), null, target.id(), null, null);
		}
	}

	/** Whether the member moderates any group (or all, as a site admin). */
	public boolean moderatesAny(long memberId) {
		return isAdmin(memberId) || !this.groups.moderatedBy(memberId).isEmpty();
	}

	public boolean isAdmin(long memberId) {
		return this.accounts.findById(memberId).map(MemberSummary::admin).orElse(false);
	}

	/** The groups the member moderates: all for a site admin. */
	public List<GroupView> groupsModeratedBy(long memberId) {
		if (isAdmin(memberId)) {
			return this.groups.listVisibleTo(memberId);
		}
		return new ArrayList<>(this.groups.byIds(this.groups.moderatedBy(memberId)).values());
	}

	/**
	 * The moderation queue: requests with pending reports, and hidden ones waiting for a
	 * moderator, of one group ({@code slug}) or of every group the member moderates (403
	 * when none; 404 for a private group the member does not belong to), newest first,
	 * with their reports.
	 */
	public List<QueueItem> queue(long viewerId, @Nullable String slug) {
		List<Long> ids;
		if (slug != null && !slug.isBlank()) {
			GroupView group = moderated(slug, viewerId);
			ids = union(this.reports.pendingIn(List.of(group.id())), this.reviews.waitingIn(List.of(group.id())));
		}
		else if (isAdmin(viewerId)) {
			ids = union(this.reports.pending(), this.reviews.waiting());
		}
		else {
			List<Long> moderated = this.groups.moderatedBy(viewerId);
			if (moderated.isEmpty()) {
				throw HelpBoardException.forbidden("moderation.not-moderator");
			}
			ids = union(this.reports.pendingIn(moderated), this.reviews.waitingIn(moderated));
		}
		ids = ids.stream().sorted(Comparator.reverseOrder()).limit(QUEUE_LIMIT).toList();
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, RequestView> requests = this.requests.findAll(ids);
		Map<Long, GroupView> groups = this.groups
			.byIds(requests.values().stream().map(RequestView::groupId).collect(Collectors.toSet()));
		Map<Long, List<Report>> reportsOf = this.reports.findByRequestIdInOrderByIdAsc(ids)
			.stream()
			.collect(Collectors.groupingBy(Report::getRequestId, LinkedHashMap::new, Collectors.toList()));
		Map<Long, String> names = this.accounts.usernames(reportsOf.values()
			.stream()
			.flatMap(List::stream)
			.map(Report::getReporterId)
			.collect(Collectors.toSet()));
		Map<Long, Review> waiting = new HashMap<>();
		this.reviews.findAllById(ids).forEach((review) -> waiting.put(review.getRequestId(), review));
		Map<Long, Integer> thresholds = new HashMap<>();
		List<QueueItem> items = new ArrayList<>();
		for (long id : ids) {
			RequestView request = requests.get(id);
			if (request == null) {
				continue;
			}
			GroupView group = groups.get(request.groupId());
			List<Report> of = reportsOf.getOrDefault(id, List.of());
			double weight = of.stream()
				.filter((report) -> report.getStatus() == ReportStatus.PENDING)
				.mapToDouble((report) -> report.getWeight().doubleValue())
				.sum();
			Review review = waiting.get(id);
			items.add(new QueueItem(request, (group != null) ? group.slug() : null,
					(review != null) ? review.getCause().name() : null, weight,
					thresholds.computeIfAbsent(request.groupId(), this.groups::reportThreshold),
					of.stream()
						.map((report) -> new QueueItem.Line(names.getOrDefault(report.getReporterId(), "?"),
								report.getReason(), report.getDetail(), report.getWeight().doubleValue(),
								report.getStatus(), report.getCreatedAt()))
						.toList()));
		}
		return items;
	}

	/**
	 * A page of the public moderation log, newest first: of one group ({@code slug}; a
	 * private group's only for its members and admins, 404 to others) or of the site,
	 * where a private group's lines show only to its members and admins.
	 */
	public Slice<LogLine> log(@Nullable Long viewerId, @Nullable String slug, Pageable page) {
		Slice<LogEntry> slice;
		if (slug != null && !slug.isBlank()) {
			GroupView group = this.groups.get(slug);
			if (!this.groups.canRead(group, viewerId) && !(viewerId != null && isAdmin(viewerId))) {
				throw HelpBoardException.notFound("group.not-found");
			}
			slice = this.entries.findByGroupIdOrderByIdDesc(group.id(), page);
		}
		else if (viewerId != null && isAdmin(viewerId)) {
			slice = this.entries.findByOrderByIdDesc(page);
		}
		else {
			List<Long> visible = new ArrayList<>(
					this.groups.listVisibleTo(viewerId).stream().map(GroupView::id).toList());
			// an empty list is not valid SQL in every database; no group has id -1
			visible.add(-1L);
			slice = this.entries.visible(visible, page);
		}
		Set<Long> groupIds = slice.getContent()
			.stream()
			.map(LogEntry::getGroupId)
			.filter((id) -> id != null)
			.collect(Collectors.toSet());
		Map<Long, GroupView> groups = groupIds.isEmpty() ? Map.of() : this.groups.byIds(groupIds);
		List<LogLine> lines = slice.getContent()
			.stream()
			.map((entry) -> new LogLine(entry.getAt(), entry.getActorName(), entry.getAction(), entry.getTarget(),
					entry.getRequestId(), entry.getReason(),
					(entry.getGroupId() != null && groups.containsKey(entry.getGroupId()))
							? groups.get(entry.getGroupId()).slug() : null))
			.toList();
		return new SliceImpl<>(lines, page, slice.hasNext());
	}

	/** The group's bans in force, with the banned members' names. */
	public List<Ban> bans(long viewerId, String slug) {
		GroupView group = moderated(slug, viewerId);
		List<com.helpboard.group.BanView> bans = this.groups.bans(group.id());
		Map<Long, String> names = this.accounts
			.usernames(bans.stream().map(com.helpboard.group.BanView::memberId).toList());
		return bans.stream()
			.map((ban) -> new Ban(names.getOrDefault(ban.memberId(), "?"), ban.until(), ban.reason()))
			.toList();
	}

	/** A ban in force, as the moderation page lists it. */
	public record Ban(String username, Instant until, String reason) {
	}

	/**
	 * Why requests were hidden, for their authors: the reasons reported and how often
	 * (dismissed reports left out), and the reason of the last hide.
	 */
	public Map<Long, com.helpboard.request.spi.ModerationNotes.Note> notes(Collection<Long> requestIds) {
		if (requestIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, List<com.helpboard.request.spi.ModerationNotes.ReasonCount>> counts = new TreeMap<>();
		for (Object[] row : this.reports.reasonCounts(requestIds)) {
			counts.computeIfAbsent((Long) row[0], (id) -> new ArrayList<>())
				.add(new com.helpboard.request.spi.ModerationNotes.ReasonCount(((ReportReason) row[1]).name(),
						(Long) row[2]));
		}
		Map<Long, String> reasons = new HashMap<>();
		for (LogEntry entry : this.entries.hidesOf(requestIds)) {
			reasons.putIfAbsent(entry.getRequestId(), (entry.getAction() == LogAction.HIDE) ? entry.getReason() : null);
		}
		Map<Long, com.helpboard.request.spi.ModerationNotes.Note> notes = new HashMap<>();
		for (Long id : requestIds) {
			List<com.helpboard.request.spi.ModerationNotes.ReasonCount> reported = counts.getOrDefault(id, List.of());
			String reason = reasons.get(id);
			if (!reported.isEmpty() || reason != null) {
				notes.put(id, new com.helpboard.request.spi.ModerationNotes.Note(reported, reason));
			}
		}
		return notes;
	}

	private MemberSummary moderatorOf(long requestId, long actorId) {
		RequestView request = this.requests.find(requestId)
			.orElseThrow(() -> HelpBoardException.notFound("request.not-found"));
		if (!this.groups.canModerate(request.groupId(), actorId)) {
			GroupView group = this.groups.findById(request.groupId())
				.orElseThrow(() -> HelpBoardException.notFound("request.not-found"));
			if (!this.groups.canRead(group, actorId)) {
				throw HelpBoardException.notFound("request.not-found");
			}
			throw HelpBoardException.forbidden("moderation.not-moderator");
		}
		return member(actorId);
	}

	/**
	 * The group, when the member moderates it: 404 to outsiders of a private group, 403
	 * to others.
	 */
	private GroupView moderated(String slug, long memberId) {
		GroupView group = this.groups.get(slug);
		if (this.groups.canModerate(group.id(), memberId)) {
			return group;
		}
		if (!this.groups.canRead(group, memberId)) {
			throw HelpBoardException.notFound("group.not-found");
		}
		throw HelpBoardException.forbidden("moderation.not-moderator");
	}

	private MemberSummary admin(long memberId) {
		MemberSummary member = member(memberId);
		if (!member.admin()) {
			throw HelpBoardException.forbidden("moderation.admin-only");
		}
		return member;
	}

	private MemberSummary member(long id) {
		return this.accounts.findById(id).orElseThrow(() -> HelpBoardException.notFound("account.member.not-found"));
	}

	private MemberSummary member(String username) {
		return this.accounts.findByUsername(username)
			.orElseThrow(() -> HelpBoardException.notFound("account.member.not-found"));
	}

	private void append(@Nullable MemberSummary actor, LogAction action, String target, @Nullable Long requestId,
			@Nullable Long memberId, @Nullable String reason, @Nullable Long groupId) {
		this.entries.save(new LogEntry(this.clock.instant(), (actor != null) ? actor.id() : null,
				(actor != null) ? actor.username() : LogEntry.SYSTEM, action, target, requestId, memberId, reason,
				groupId));
	}

	private static String target(long requestId) {
		return "#" + requestId;
	}

	/** The pending reports by reason, most reported first, e.g. PHISHING ×2, SPAM ×1. */
	private static String summary(List<Report> pending) {
		Map<ReportReason, Long> byReason = pending.stream()
			.collect(Collectors.groupingBy(Report::getReason, () -> new java.util.EnumMap<>(ReportReason.class),
					Collectors.counting()));
		return byReason.entrySet()
			.stream()
			.sorted(Map.Entry.<ReportReason, Long>comparingByValue().reversed())
			.map((e) -> e.getKey().name() + " ×" + e.getValue())
			.collect(Collectors.joining(", "));
	}

	private static List<Long> union(List<Long> a, List<Long> b) {
		Set<Long> all = new LinkedHashSet<>(a);
		all.addAll(b);
		return new ArrayList<>(all);
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
