package com.helpboard.group;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.helpboard.account.Accounts;
import com.helpboard.account.MemberSummary;
import com.helpboard.system.FieldRejection;
import com.helpboard.system.HelpBoardException;
import com.helpboard.system.LocalizedText;
import com.helpboard.system.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.Range;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.validation.annotation.Validated;

/** The group module's facade: listing, membership, invites, creation. */
@Service
@Validated
@Transactional(readOnly = true)
@EnableConfigurationProperties(GroupSettings.class)
public class Groups {

	/** How long member counts are kept before they are counted again. */
	static final Duration COUNTS_FRESH = Duration.ofSeconds(15);

	static final Duration VIEW_FRESH = Duration.ofSeconds(2);

	private volatile @Nullable Counted counted;

	/**
	 * Groups by slug as {@link #find} read them, for {@link #VIEW_FRESH}: a group page is
	 * the board's most viewed page, and reading its group was 8 % of its CPU
	 * (docs/performance.md). A group's visibility and owner never change; what its owner
	 * edits (rules, posting rule) shows at once on this instance and within that time on
	 * others. Unknown slugs are not kept.
	 */
	private final Cache<String, GroupView> bySlug = Caffeine.newBuilder()
		.expireAfterWrite(VIEW_FRESH)
		.maximumSize(10_000)
		.build();

	/**
	 * A member's groups for {@link #visit}, for as long: one statement per member and two
	 * seconds instead of one per signed-in view. Joining or leaving on this instance
	 * counts at once, on another within that time. Posting and every other change still
	 * ask {@link #isMember}.
	 */
	private final Cache<Long, List<Long>> groupsOf = Caffeine.newBuilder()
		.expireAfterWrite(VIEW_FRESH)
		.maximumSize(100_000)
		.build();

	/**
	 * A member's groups as drawn (the help queue's group choice, the profile), for as
	 * long, with the same forgetting as {@link #groupsOf}; an owner's edit on this
	 * instance forgets them all.
	 */
	private final Cache<Long, List<GroupView>> groupViewsOf = Caffeine.newBuilder()
		.expireAfterWrite(VIEW_FRESH)
		.maximumSize(100_000)
		.build();

	static final int MAX_DESCRIPTION = 500;

	static final int MAX_RULES = 2000;

	private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,46})[a-z0-9]");

	private final GroupRepository groups;

	private final MembershipRepository memberships;

	private final GroupBanRepository bans;

	private final Accounts accounts;

	private final Clock clock;

	private final int minStandingToCreate;

	private final java.time.Duration minAgeToCreate;

	Groups(GroupRepository groups, MembershipRepository memberships, GroupBanRepository bans, Accounts accounts,
			Clock clock, GroupSettings settings) {
		this.groups = groups;
		this.memberships = memberships;
		this.bans = bans;
		this.accounts = accounts;
		this.clock = clock;
		this.minStandingToCreate = settings.createMinStanding();
		this.minAgeToCreate = settings.createMinAccountAge();
	}

	/** Public groups, plus the private ones the member belongs to. */
	public List<GroupView> listVisibleTo(@Nullable Long memberId) {
		Set<Long> mine = (memberId != null) ? new HashSet<>(this.memberships.groupIdsOf(memberId)) : Set.of();
		Map<Long, Long> members = memberCounts();
		return this.groups.findAllByOrderByIdAsc()
			.stream()
			.filter((group) -> group.getVisibility() == Visibility.PUBLIC || mine.contains(group.getId()))
			.map((group) -> view(group, members))
			.toList();
	}

	/**
	 * The group with its member count: one statement (none for the count while fresh).
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Optional<GroupView> find(String slug) {
		// concurrent views after the entry aged out wait for one read
		GroupView known = this.bySlug.get(slug,
				(key) -> this.groups.findBySlug(key).map((group) -> view(group, Map.of())).orElse(null));
		return Optional.ofNullable(known)
			.map((group) -> group.withMemberCount(memberCounts().getOrDefault(group.id(), 0L)));
	}

	@Transactional(propagation = Propagation.SUPPORTS)
	public GroupView get(String slug) {
		return find(slug).orElseThrow(() -> HelpBoardException.notFound("group.not-found"));
	}

	/**
	 * A group by id, for its name, visibility and rules: one statement, without the
	 * member count (0 here) that listings and {@link #find} fill in.
	 */
	public Optional<GroupView> findById(long id) {
		return this.groups.findById(id).map((group) -> view(group, Map.of()));
	}

	public Map<Long, GroupView> byIds(Collection<Long> ids) {
		return this.groups.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(TopicGroup::getId, (group) -> view(group, Map.of())));
	}

	/**
	 * What a group's page needs to know about its viewer, in one transaction: the group
	 * (with its member count), whether the viewer is a member and may read its requests.
	 * Refused as not found for whoever may not see it: a private group is not there for
	 * outsiders, unless they hold its invite code.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public GroupVisit visit(String slug, @Nullable Long memberId, @Nullable String inviteCode) {
		GroupView group = get(slug);
		boolean member = memberId != null && memberGroupIds(memberId).contains(group.id());
		boolean canRead = !group.isPrivate() || member;
		if (!canRead && !(inviteCode != null && !inviteCode.isBlank()
				&& this.groups.findById(group.id()).map((found) -> found.admits(inviteCode)).orElse(false))) {
			throw HelpBoardException.notFound("group.not-found");
		}
		return new GroupVisit(group, member, isOwner(group, memberId), canRead);
	}

	/** A group as one viewer sees it; see {@link #visit}. */
	public record GroupVisit(GroupView group, boolean member, boolean owner, boolean canRead) {
	}

	public boolean isMember(long groupId, @Nullable Long memberId) {
		return memberId != null && this.memberships.existsById(new GroupMembership.Key(groupId, memberId));
	}

	public Optional<GroupRole> role(long groupId, @Nullable Long memberId) {
		if (memberId == null) {
			return Optional.empty();
		}
		return this.memberships.findById(new GroupMembership.Key(groupId, memberId)).map(GroupMembership::getRole);
	}

	/** Whether the member may read the group's requests: public, or a member of it. */
	public boolean canRead(GroupView group, @Nullable Long memberId) {
		return !group.isPrivate() || isMember(group.id(), memberId);
	}

	/**
	 * Whether the group's page may be shown: to whoever may read it, and to a non-member
	 * holding a private group's current invite code (its invite link), who may join.
	 */
	public boolean canView(GroupView group, @Nullable Long memberId, @Nullable String inviteCode) {
		return canRead(group, memberId) || (inviteCode != null && !inviteCode.isBlank()
				&& this.groups.findById(group.id()).map((found) -> found.admits(inviteCode)).orElse(false));
	}

	public List<Long> groupIdsOf(long memberId) {
		return this.memberships.groupIdsOf(memberId);
	}

	/**
	 * The member's groups, oldest first, without member counts: for pages, as fresh as
	 * {@link #visit}'s (two seconds; joining or leaving here counts at once). Changes ask
	 * {@link #isMember}.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public List<GroupView> groupsOf(long memberId) {
		return this.groupViewsOf.get(memberId, (id) -> {
			Set<Long> ids = new HashSet<>(memberGroupIds(id));
			return this.groups.findAllById(ids)
				.stream()
				.sorted(Comparator.comparing(TopicGroup::getId))
				.map((group) -> view(group, Map.of()))
				.toList();
		});
	}

	/**
	 * Whether the member belongs to the group, for a page view: as {@link #visit} knows
	 * it (two seconds fresh). Changes ask {@link #isMember}.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public boolean isMemberForView(long groupId, long memberId) {
		return memberGroupIds(memberId).contains(groupId);
	}

	/** The member's group ids, kept as long as {@link #groupsOf}. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public List<Long> groupIdsForView(long memberId) {
		return memberGroupIds(memberId);
	}

	private List<Long> memberGroupIds(long memberId) {
		return this.groupsOf.get(memberId, this.memberships::groupIdsOf);
	}

	/**
	 * Joins a group; joining again is fine. Private groups need their current invite
	 * code.
	 */
	@Transactional
	public void join(String slug, long memberId, String inviteCode) {
		TopicGroup group = this.groups.findBySlug(slug)
			.orElseThrow(() -> HelpBoardException.notFound("group.not-found"));
		GroupMembership.Key key = new GroupMembership.Key(group.getId(), memberId);
		if (this.memberships.existsById(key)) {
			return;
		}
		if (!group.admits(inviteCode)) {
			throw HelpBoardException.forbidden("group.invite.invalid");
		}
		try {
			this.memberships
				.saveAndFlush(new GroupMembership(group.getId(), memberId, GroupRole.MEMBER, this.clock.instant()));
			countAfterCommit(group.getId(), 1);
			forgetMemberAfterCommit(memberId);
		}
		catch (DataIntegrityViolationException ex) {
			// a double click joined already: joining is idempotent
		}
	}

	@Transactional
	public void leave(String slug, long memberId) {
		TopicGroup group = this.groups.findBySlug(slug)
			.orElseThrow(() -> HelpBoardException.notFound("group.not-found"));
		this.memberships.findById(new GroupMembership.Key(group.getId(), memberId)).ifPresent((membership) -> {
			if (membership.getRole() == GroupRole.OWNER) {
				throw HelpBoardException.conflict("group.owner.cannot-leave");
			}
			this.memberships.delete(membership);
			countAfterCommit(group.getId(), -1);
			forgetMemberAfterCommit(memberId);
		});
	}

	/** Who may create a group: the account's age in hours and the standing it needs. */
	public record CreationRule(long hours, int standing) {
	}

	public CreationRule creationRule() {
		return new CreationRule(this.minAgeToCreate.toHours(), this.minStandingToCreate);
	}

	/**
	 * Why the member may not create a group now (too new, too little standing), checked
	 * as {@link #create} checks it; empty when they may.
	 */
	public Optional<HelpBoardException> creationRefusal(long memberId) {
		MemberSummary member = this.accounts.findById(memberId)
			.orElseThrow(() -> HelpBoardException.notFound("account.member.not-found"));
		if (!member.admin() && member.joinedAt().plus(this.minAgeToCreate).isAfter(this.clock.instant())) {
			return Optional.of(HelpBoardException.forbidden("group.create.new-account", this.minAgeToCreate.toHours()));
		}
		if (!member.admin() && member.standing() < this.minStandingToCreate) {
			return Optional
				.of(HelpBoardException.forbidden("group.create.standing", this.minStandingToCreate, member.standing()));
		}
		return Optional.empty();
	}

	/**
	 * Creates a group owned by the member, who needs an account old enough and enough
	 * standing (or to be an admin).
	 */
	@Transactional
	public GroupView create(long memberId, @Valid NewGroup form) {
		creationRefusal(memberId).ifPresent((refusal) -> {
			throw refusal;
		});
		String slug = (form.slug() == null) ? "" : form.slug().strip().toLowerCase(java.util.Locale.ROOT);
		if (!SLUG.matcher(slug).matches()) {
			throw new FieldRejection("slug", "group.slug.invalid");
		}
		if (this.groups.existsBySlug(slug)) {
			throw new FieldRejection(FieldRejection.Kind.TAKEN, "slug", "group.slug.taken");
		}
		TopicGroup group = new TopicGroup(slug, form.name().strip(), blankToEmpty(form.description()),
				blankToEmpty(form.rules()), (form.visibility() != null) ? form.visibility() : Visibility.PUBLIC,
				memberId, form.defaultCampaign(), this.clock.instant());
		try {
			group = this.groups.saveAndFlush(group);
		}
		catch (DataIntegrityViolationException ex) {
			throw new FieldRejection(FieldRejection.Kind.TAKEN, "slug", "group.slug.taken");
		}
		this.memberships.save(new GroupMembership(group.getId(), memberId, GroupRole.OWNER, this.clock.instant()));
		countAfterCommit(group.getId(), 1);
		forgetMemberAfterCommit(memberId);
		return view(group);
	}

	/** The owner's current invite code of a private group. */
	public String inviteCode(String slug, long memberId) {
		TopicGroup group = owned(slug, memberId);
		return group.getInviteCode();
	}

	@Transactional
	public String rotateInviteCode(String slug, long memberId) {
		TopicGroup group = owned(slug, memberId);
		if (group.getVisibility() != Visibility.PRIVATE) {
			throw HelpBoardException.conflict("group.invite.public");
		}
		return group.rotateInviteCode();
	}

	@Transactional
	public void updateRules(String slug, long memberId,
			@Size(max = MAX_DESCRIPTION, message = "{text.max-length}") @PlainText(multiline = true) String description,
			@Size(max = MAX_RULES, message = "{text.max-length}") @PlainText(multiline = true) String rules,
			@Range(min = 1, max = 50, message = "{group.max-open.invalid}") int maxOpenPerMember) {
		owned(slug, memberId).updateRules(blankToEmpty(description), blankToEmpty(rules), maxOpenPerMember);
		forgetAfterCommit();
	}

	@Transactional
	public void updatePostingRule(String slug, long memberId, @Valid GroupView.PostingRule rule) {
		owned(slug, memberId).updatePostingRule(rule.freePosts(), rule.helpsToPost(), rule.windowHours());
		forgetAfterCommit();
	}

	/** After this transaction commits, the member's groups are read afresh. */
	private void forgetMemberAfterCommit(long memberId) {
		afterCommit(() -> {
			this.groupsOf.invalidate(memberId);
			this.groupViewsOf.invalidate(memberId);
		});
	}

	/** After this transaction commits, groups are read afresh. */
	private void forgetAfterCommit() {
		afterCommit(() -> {
			this.bySlug.invalidateAll();
			this.groupViewsOf.invalidateAll();
		});
	}

	/**
	 * Weighted distinct reporters at which a request of the group is hidden until a
	 * moderator decides (docs/moderation.md).
	 */
	public int reportThreshold(long groupId) {
		return this.groups.findById(groupId).map(TopicGroup::getReportThreshold).orElse(DEFAULT_REPORT_THRESHOLD);
	}

	static final int DEFAULT_REPORT_THRESHOLD = 3;

	@Transactional
	public void updateReportThreshold(String slug, long memberId,
			@Range(min = 1, max = 50, message = "{group.report-threshold.invalid}") int threshold) {
		owned(slug, memberId).updateReportThreshold(threshold);
	}

	/**
	 * Whether the member moderates the group: its owner, a moderator it named, or a site
	 * admin (who moderates every group).
	 */
	public boolean canModerate(long groupId, @Nullable Long memberId) {
		if (memberId == null) {
			return false;
		}
		if (role(groupId, memberId).map((role) -> role != GroupRole.MEMBER).orElse(false)) {
			return true;
		}
		return this.accounts.findById(memberId).map(MemberSummary::admin).orElse(false);
	}

	/** The groups the member owns or was named a moderator of (not those of an admin). */
	public List<Long> moderatedBy(long memberId) {
		return this.memberships.moderatedBy(memberId);
	}

	/** The moderators the owner named, in the order they joined the group. */
	public List<Long> moderatorsOf(long groupId) {
		return this.memberships.moderatorsOf(groupId);
	}

	/**
	 * The owner (or a site admin) names a member of the group moderator, or takes it
	 * back; the owner's own role does not change.
	 * @return whether the role changed (naming a moderator twice changes nothing)
	 */
	@Transactional
	public boolean setModerator(String slug, long actorId, long memberId, boolean moderator) {
		TopicGroup group = this.groups.findBySlug(slug)
			.orElseThrow(() -> HelpBoardException.notFound("group.not-found"));
		boolean admin = this.accounts.findById(actorId).map(MemberSummary::admin).orElse(false);
		if (!admin && (group.getOwnerId() == null || group.getOwnerId() != actorId)) {
			throw HelpBoardException.forbidden("group.owner.only");
		}
		GroupMembership membership = this.memberships.findById(new GroupMembership.Key(group.getId(), memberId))
			.orElse(null);
		if (membership == null) {
			if (!moderator) {
				return false;
			}
			throw HelpBoardException.conflict("group.moderator.not-member");
		}
		if (membership.getRole() == GroupRole.OWNER) {
			throw HelpBoardException.conflict("group.moderator.owner");
		}
		return membership.moderate(moderator);
	}

	/**
	 * Refuses (403) a member banned from the group: called where posts, claims and
	 * reports are decided.
	 */
	public void checkNotBanned(long groupId, long memberId) {
		banRefusal(groupId, memberId).ifPresent((refusal) -> {
			throw refusal;
		});
	}

	/**
	 * The refusal {@link #checkNotBanned} would throw, not thrown: for saying it before
	 * the member tries (the post form).
	 */
	public Optional<HelpBoardException> banRefusal(long groupId, long memberId) {
		return bannedUntil(groupId, memberId).map((until) -> HelpBoardException.forbidden("group.banned",
				java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
					.withZone(com.helpboard.system.ChinaTime.ZONE)
					.format(until)));
	}

	/** Until when the member is banned from the group, if they are now. */
	public Optional<java.time.Instant> bannedUntil(long groupId, long memberId) {
		java.time.Instant now = this.clock.instant();
		return this.bans.findById(new GroupMembership.Key(groupId, memberId))
			.filter((ban) -> ban.activeAt(now))
			.map(GroupBan::getBannedUntil);
	}

	/**
	 * A moderator of the group (or a site admin) bans a member from it for a time; a ban
	 * in force is replaced. Nobody bans themselves, the group's owner or a site admin.
	 */
	@Transactional
	public BanView ban(long groupId, long actorId, long memberId, Duration length, String reason) {
		if (!canModerate(groupId, actorId)) {
			throw HelpBoardException.forbidden("moderation.not-moderator");
		}
		TopicGroup group = this.groups.findById(groupId)
			.orElseThrow(() -> HelpBoardException.notFound("group.not-found"));
		MemberSummary target = this.accounts.findById(memberId)
			.orElseThrow(() -> HelpBoardException.notFound("account.member.not-found"));
		if (memberId == actorId || target.admin() || (group.getOwnerId() != null && group.getOwnerId() == memberId)) {
			throw HelpBoardException.conflict("group.ban.not-this-member");
		}
		java.time.Instant now = this.clock.instant();
		java.time.Instant until = now.plus(length);
		GroupMembership.Key key = new GroupMembership.Key(groupId, memberId);
		GroupBan ban = this.bans.findById(key).orElse(null);
		if (ban == null) {
			ban = this.bans.save(new GroupBan(groupId, memberId, until, reason, actorId, now));
		}
		else {
			ban.renew(until, reason, actorId);
		}
		return new BanView(groupId, memberId, until, reason);
	}

	/**
	 * Lifts a member's ban from the group.
	 * @return whether a ban was in force
	 */
	@Transactional
	public boolean unban(long groupId, long actorId, long memberId) {
		if (!canModerate(groupId, actorId)) {
			throw HelpBoardException.forbidden("moderation.not-moderator");
		}
		java.time.Instant now = this.clock.instant();
		return this.bans.findById(new GroupMembership.Key(groupId, memberId)).map((ban) -> {
			this.bans.delete(ban);
			return ban.activeAt(now);
		}).orElse(false);
	}

	/** The bans in force in the group, the soonest to end first. */
	public List<BanView> bans(long groupId) {
		return this.bans.activeIn(groupId, this.clock.instant())
			.stream()
			.map((ban) -> new BanView(groupId, ban.getId().memberId(), ban.getBannedUntil(), ban.getReason()))
			.toList();
	}

	public boolean isOwner(GroupView group, @Nullable Long memberId) {
		return memberId != null && group.ownerId() != null && group.ownerId().equals(memberId);
	}

	private TopicGroup owned(String slug, long memberId) {
		TopicGroup group = this.groups.findBySlug(slug)
			.orElseThrow(() -> HelpBoardException.notFound("group.not-found"));
		if (group.getOwnerId() == null || group.getOwnerId() != memberId) {
			throw HelpBoardException.forbidden("group.owner.only");
		}
		return group;
	}

	private static String blankToEmpty(String text) {
		return (text == null) ? "" : text.strip();
	}

	/**
	 * Members per group, counted in one statement and counted again after
	 * {@link #COUNTS_FRESH}, so a page of a group with 10 000 members does not count them
	 * on every view. A join, leave or new group on this instance adjusts the count once
	 * it commits; on other instances the count follows within that time.
	 */
	private Map<Long, Long> memberCounts() {
		Counted current = this.counted;
		long nanos = System.nanoTime();
		if (current == null || nanos - current.at() > COUNTS_FRESH.toNanos()) {
			Map<Long, Long> byGroup = new ConcurrentHashMap<>();
			this.memberships.countsByGroup().forEach((row) -> byGroup.put((Long) row[0], (Long) row[1]));
			current = new Counted(byGroup, nanos);
			this.counted = current;
		}
		return current.byGroup();
	}

	private record Counted(Map<Long, Long> byGroup, long at) {
	}

	/** After this transaction commits, the group has {@code change} more members. */
	private void countAfterCommit(long groupId, long change) {
		afterCommit(() -> {
			Counted current = this.counted;
			if (current != null) {
				current.byGroup().merge(groupId, change, Long::sum);
			}
		});
	}

	/** Runs {@code change} once the current transaction commits (at once without one). */
	private static void afterCommit(Runnable change) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					change.run();
				}
			});
		}
		else {
			change.run();
		}
	}

	private GroupView view(TopicGroup group) {
		long members = this.memberships.countByIdGroupId(group.getId());
		return view(group, Map.of(group.getId(), members));
	}

	private static GroupView view(TopicGroup group, Map<Long, Long> members) {
		return new GroupView(group.getId(), group.getSlug(), new LocalizedText(group.getNameZh(), group.getNameEn()),
				new LocalizedText(group.getDescriptionZh(), group.getDescriptionEn()),
				new LocalizedText(group.getRulesZh(), group.getRulesEn()), group.getVisibility(), group.getOwnerId(),
				group.getDefaultCampaign(), group.getMaxOpenPerMember(),
				new GroupView.PostingRule(group.getFreePosts(), group.getHelpsToPost(), group.getHelpWindowHours()),
				members.getOrDefault(group.getId(), 0L), GroupView.BoostRule.of(group.getBoostSlots(),
						group.getBoostPricePerHour(), group.getBoostHourChoices()));
	}

}
