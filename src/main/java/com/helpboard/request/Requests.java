package com.helpboard.request;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.helpboard.account.Accounts;
import com.helpboard.account.MemberSummary;
import com.helpboard.group.GroupView;
import com.helpboard.group.Groups;
import com.helpboard.link.LinkParser;
import com.helpboard.link.ParseResult;
import com.helpboard.link.ParsedLink;
import com.helpboard.link.Platform;
import com.helpboard.link.Rejection;
import com.helpboard.request.spi.CampaignCompletion;
import com.helpboard.request.spi.HelpHistory;
import com.helpboard.system.FieldRejection;
import com.helpboard.system.FieldRejection.Kind;
import com.helpboard.system.HelpBoardException;
import com.helpboard.system.JobRun;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

/** The request module's facade: post, read, withdraw, progress, expiry. */
@Service
@Validated
@Transactional(readOnly = true)
public class Requests {

	public static final int MAX_NOTE = 280;

	public static final int MAX_HELPS = 50;

	/** The longest "what is it", in characters (help_requests.title). */
	public static final int MAX_TITLE = 40;

	static final String GENERIC_CAMPAIGN = "other";

	private static final Logger log = LoggerFactory.getLogger(Requests.class);

	/**
	 * The same link is already open in the group: refused on {@code input}, its argument
	 * the open request's path.
	 */
	static final String DUPLICATE = "request.duplicate";

	/**
	 * A link of the other app in a group for one app, the campaign left on auto: refused
	 * on {@code input}; its arguments the link's platform, its campaign and "token" or
	 * "link".
	 */
	static final String PLATFORM_MISMATCH = "request.platform.mismatch";

	private final HelpRequestRepository requests;

	private final RequestQueries queries;

	private final FeedOrders feedOrders;

	private final FeedPages feedPages;

	private final QueueFronts queueFronts;

	private final Campaigns campaigns;

	private final Groups groups;

	private final Accounts accounts;

	private final HelpHistory helpHistory;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final TransactionTemplate readOnlyTransactions;

	private final LinkParser parser = new LinkParser();

	private final CampaignCompletion completion;

	Requests(HelpRequestRepository requests, RequestQueries queries, FeedOrders feedOrders, FeedPages feedPages,
			QueueFronts queueFronts, Campaigns campaigns, Groups groups, Accounts accounts, HelpHistory helpHistory,
			CampaignCompletion completion, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.feedOrders = feedOrders;
		this.feedPages = feedPages;
		this.queueFronts = queueFronts;
		this.completion = completion;
		this.transactions = new TransactionTemplate(transactionManager);
		this.readOnlyTransactions = new TransactionTemplate(transactionManager);
		this.readOnlyTransactions.setReadOnly(true);
		this.requests = requests;
		this.queries = queries;
		this.campaigns = campaigns;
		this.groups = groups;
		this.accounts = accounts;
		this.helpHistory = helpHistory;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The share (0–1) of the request's campaign's requests in its group that were
	 * fulfilled over the last 30 days, or null while fewer than 10 closed: from memory,
	 * no statement (the stats module's daily rows, through {@link CampaignCompletion}).
	 */
	public @Nullable Double campaignCompletionRate(RequestView request) {
		return this.completion.rate(request.groupId(), request.campaign());
	}

	/**
	 * Posts a request into a group the member joined, by the group's slug; see
	 * {@link #post(long, GroupView, NewRequest, byte[])}.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public RequestView post(long memberId, String groupSlug, @Valid NewRequest form, byte @Nullable [] qrImage) {
		return postInto(memberId, this.groups.get(groupSlug), form, qrImage);
	}

	/**
	 * Posts a request into a group the member joined, the group as the caller just read
	 * it (its rules are not read again). The link comes from {@code input} (a URL or a
	 * whole share text) or, when given, from a QR image.
	 * <p>
	 * A text is parsed in no time: one short transaction checks the membership, parses,
	 * locks the member, checks the limits exactly and inserts. An image is slow to
	 * decode: the cheap checks, limits included, run first in a short read-only
	 * transaction, so a member who may not post is refused before it is looked at; then
	 * it is decoded outside any transaction, holding no database connection; then a short
	 * transaction checks the membership again, locks the member, checks the limits again,
	 * exactly, and inserts.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public RequestView post(long memberId, GroupView group, @Valid NewRequest form, byte @Nullable [] qrImage) {
		return postInto(memberId, group, form, qrImage);
	}

	private RequestView postInto(long memberId, GroupView group, NewRequest form, byte @Nullable [] qrImage) {
		if (qrImage == null || qrImage.length == 0) {
			return decideOnce(() -> {
				precheck(memberId, group, form, false);
				return decide(memberId, group, form, parse(form.input(), null), false);
			});
		}
		this.readOnlyTransactions.executeWithoutResult((status) -> precheck(memberId, group, form, true));
		ParsedLink link = parse(form.input(), qrImage);
		return decideOnce(() -> decide(memberId, group, form, link, true));
	}

	private RequestView decideOnce(Supplier<RequestView> decision) {
		try {
			return this.transactions.execute((status) -> decision.get());
		}
		catch (DataIntegrityViolationException | OptimisticLockingFailureException ex) {
			// an identical post won the race and the unique (group, open key) refused
			// this one, or the sweeper expired the stale request this one was expiring;
			// a fresh attempt sees the winner and answers with a link to it
			return this.transactions.execute((status) -> decision.get());
		}
	}

	/**
	 * What can be refused without the link: membership, the expiry no campaign allows
	 * and, when {@code limits}, the open-request limit and the posting rules. The
	 * deciding transaction checks the limits again under the member's lock; this early
	 * look only saves the work of decoding an image.
	 */
	private void precheck(long memberId, GroupView group, NewRequest form, boolean limits) {
		if (!this.groups.isMember(group.id(), memberId)) {
			throw HelpBoardException.forbidden("request.post.not-member");
		}
		this.groups.checkNotBanned(group.id(), memberId);
		Instant now = this.clock.instant();
		Optional<Campaign> named = Optional.empty();
		if (form.campaign() != null && !form.campaign().isBlank()) {
			named = Optional.of(this.campaigns.find(form.campaign().strip())
				.orElseThrow(() -> new FieldRejection("campaign", "request.campaign.unknown")));
		}
		if (form.expiresInHours() != null) {
			// without a named campaign it may come from the link: refuse here only what
			// no campaign allows, and check exactly once the link is known
			int max = (named.isPresent() ? named.stream() : this.campaigns.all().stream())
				.mapToInt((campaign) -> campaign.maxHoursFrom(now))
				.max()
				.orElse(1);
			if (form.expiresInHours() < 1 || form.expiresInHours() > max) {
				throw new FieldRejection("expiresInHours", "request.expiry.invalid", max);
			}
		}
		if (limits) {
			checkLimits(memberId, group, now);
		}
	}

	/**
	 * The deciding transaction. Lock order, the same on every path that takes these rows:
	 * claim rows, then request rows, then member rows. So a stale request with the same
	 * key is expired before the member is locked; after the member lock this transaction
	 * only reads and inserts its own row. {@code recheckMembership} when the membership
	 * was checked in an earlier transaction (before an image was decoded).
	 */
	private RequestView decide(long memberId, GroupView group, NewRequest form, ParsedLink link,
			boolean recheckMembership) {
		Instant now = this.clock.instant();
		Campaign campaign = chooseCampaign(form.campaign(), link, group);
		if (form.expiresInHours() != null) {
			int max = campaign.maxHoursFrom(now);
			if (form.expiresInHours() < 1 || form.expiresInHours() > max) {
				throw new FieldRejection("expiresInHours", "request.expiry.invalid", max);
			}
		}
		String dedupeKey = DedupeKey.of(link, campaign).value();
		Optional<HelpRequest> existing = this.requests.findByGroupIdAndOpenKey(group.id(), dedupeKey);
		if (existing.isPresent()) {
			HelpRequest open = existing.get();
			if (!open.expire(now)) {
				throw new FieldRejection(Kind.TAKEN, "input", DUPLICATE, "/r/" + open.getId());
			}
			// it was past its time but not yet swept: expire it now, then the key is free
			this.requests.saveAndFlush(open);
		}
		// one decision per member at a time: the counts below see every post of theirs
		// that committed before, and none can commit until this one has
		this.accounts.lockMember(memberId);
		if (recheckMembership && !this.groups.isMember(group.id(), memberId)) {
			throw HelpBoardException.forbidden("request.post.not-member");
		}
		checkLimits(memberId, group, now);
		MemberSummary author = this.accounts.findById(memberId)
			.orElseThrow(() -> HelpBoardException.notFound("account.member.not-found"));
		HelpRequest request = new HelpRequest(group.id(), memberId, author.username(), link.platform().name(),
				campaign.code(), link.canonicalUrl(), shareText(link, form.input()), link.token(), dedupeKey,
				note(form), helpsNeeded(form, campaign), now, campaign.expiryFrom(now, form.expiresInHours()))
			.titled(form.title());
		// saving publishes the request's RequestPosted
		request = this.requests.saveAndFlush(request);
		return view(request, group.slug());
	}

	/** The open-request limit, then the posting rules: refused with 403. */
	private void checkLimits(long memberId, GroupView group, Instant now) {
		AuthorPosts posts = this.requests.countPosts(group.id(), memberId, now);
		if (posts.open() >= group.maxOpenPerMember()) {
			throw HelpBoardException.forbidden("request.post.limit", group.maxOpenPerMember());
		}
		postingRefusal(memberId, group, posts.posted()).ifPresent((refusal) -> {
			throw refusal;
		});
	}

	/**
	 * As many as the member asked for, else as many as the campaign's requests usually
	 * need.
	 */
	private static int helpsNeeded(NewRequest form, Campaign campaign) {
		return (form.helpsNeeded() != null) ? form.helpsNeeded() : campaign.defaultHelps();
	}

	private static String note(NewRequest form) {
		return (form.note() == null || form.note().isBlank()) ? null : form.note().strip();
	}

	/**
	 * Why the member may not post into the group now, if its posting rule (help before
	 * you post) says so: past the free posts, too few of their helps were confirmed in
	 * the rule's window.
	 */
	public Optional<HelpBoardException> postingRefusal(long memberId, GroupView group) {
		return postingRefusal(memberId, group, this.requests.countByAuthorIdAndGroupId(memberId, group.id()));
	}

	private Optional<HelpBoardException> postingRefusal(long memberId, GroupView group, long posted) {
		GroupView.PostingRule rule = group.postingRule();
		if (!rule.asksHelpAfter(posted)) {
			return Optional.empty();
		}
		long missing = rule
			.helpsMissing(this.helpHistory.helpsGivenSince(memberId, this.clock.instant().minus(rule.window())));
		return (missing == 0) ? Optional.empty() : Optional
			.of(HelpBoardException.forbidden("help.post-rule.missing", missing, rule.windowHours(), rule.freePosts()));
	}

	private ParsedLink parse(@Nullable String input, byte @Nullable [] qrImage) {
		boolean hasImage = qrImage != null && qrImage.length > 0;
		boolean hasText = input != null && !input.isBlank();
		ParseResult result = hasImage ? this.parser.parseQr(qrImage) : this.parser.parse(hasText ? input : "");
		if (result instanceof Rejection rejection) {
			String field = hasImage ? "image" : "input";
			Kind kind = switch (rejection.reason()) {
				case EMPTY -> Kind.INVALID;
				case TOO_LONG, IMAGE_TOO_LARGE -> hasImage ? Kind.TOO_LARGE : Kind.INVALID;
				case IMAGE_TOO_MANY_PIXELS -> Kind.TOO_LARGE;
				// other members' images are being read: the site is fine, try again soon
				case IMAGE_BUSY -> Kind.BUSY;
				default -> Kind.UNPROCESSABLE;
			};
			throw new FieldRejection(kind, field, rejection.reason().messageKey());
		}
		return (ParsedLink) result;
	}

	private Campaign chooseCampaign(String requested, ParsedLink link, GroupView group) {
		boolean named = requested != null && !requested.isBlank();
		String code = named ? requested.strip() : (link.campaignGuess() != null) ? link.campaignGuess()
				: (group.defaultCampaign() != null) ? group.defaultCampaign() : GENERIC_CAMPAIGN;
		Campaign campaign = this.campaigns.find(code)
			.orElseThrow(() -> new FieldRejection("campaign", "request.campaign.unknown"));
		if (campaign.platform() != link.platform()) {
			if (named) {
				throw new FieldRejection(Kind.UNPROCESSABLE, "campaign", "request.campaign.platform");
			}
			// the group's default is for the other app:
			// fall back to that app's first campaign
			campaign = this.campaigns.forPlatform(link.platform()).get(0);
		}
		Platform groupPlatform = platformOf(group);
		if (!named && groupPlatform != null && groupPlatform != link.platform()) {
			// the member left the campaign on auto: it is the link that does not belong
			// here
			throw new FieldRejection(Kind.UNPROCESSABLE, "input", PLATFORM_MISMATCH, link.platform().name(),
					campaign.code(), (link.canonicalUrl() == null) ? "token" : "link");
		}
		return campaign;
	}

	/** The app a group is for: its default campaign's; null when it has none. */
	@Nullable Platform platformOf(GroupView group) {
		return (group.defaultCampaign() != null)
				? this.campaigns.find(group.defaultCampaign()).map(Campaign::platform).orElse(null) : null;
	}

	/**
	 * Everything the post form would be refused for, all at once, without posting: the
	 * membership, a ban, the open-request limit and the posting rule (not on a field),
	 * then the link, the campaign, the expiry and a duplicate (each on its field).
	 * {@link #post} checks them all again when it decides; this is for telling the member
	 * before, or all together.
	 * @param qrImage whether the link comes from an image (not read here)
	 */
	public List<HelpBoardException> refusals(long memberId, GroupView group, NewRequest form, boolean qrImage) {
		List<HelpBoardException> refusals = new ArrayList<>(postingBlocks(memberId, group));
		if (refusals.stream().anyMatch((r) -> "request.post.not-member".equals(r.messageKey()))) {
			return refusals;
		}
		Instant now = this.clock.instant();
		Campaign named = null;
		boolean campaignRefused = false;
		if (form.campaign() != null && !form.campaign().isBlank()) {
			named = this.campaigns.find(form.campaign().strip()).orElse(null);
			if (named == null) {
				refusals.add(new FieldRejection("campaign", "request.campaign.unknown"));
				campaignRefused = true;
			}
		}
		Campaign campaign = named;
		if (!qrImage && !campaignRefused) {
			try {
				ParsedLink link = parse(form.input(), null);
				campaign = chooseCampaign(form.campaign(), link, group);
				Optional<HelpRequest> open = this.requests.findByGroupIdAndOpenKey(group.id(),
						DedupeKey.of(link, campaign).value());
				if (open.isPresent() && open.get().isOpenAt(now)) {
					refusals.add(new FieldRejection(Kind.TAKEN, "input", DUPLICATE, "/r/" + open.get().getId()));
				}
			}
			catch (FieldRejection ex) {
				refusals.add(ex);
			}
		}
		if (form.expiresInHours() != null) {
			int max = ((campaign != null) ? List.of(campaign) : this.campaigns.all()).stream()
				.mapToInt((c) -> c.maxHoursFrom(now))
				.max()
				.orElse(1);
			if (form.expiresInHours() < 1 || form.expiresInHours() > max) {
				refusals.add(new FieldRejection("expiresInHours", "request.expiry.invalid", max));
			}
		}
		return refusals;
	}

	/**
	 * What keeps the member from posting into the group now, whatever they paste: not a
	 * member, banned, too many open requests, the posting rule. Empty when they may post.
	 */
	public List<HelpBoardException> postingBlocks(long memberId, GroupView group) {
		if (!this.groups.isMember(group.id(), memberId)) {
			return List.of(HelpBoardException.forbidden("request.post.not-member"));
		}
		List<HelpBoardException> blocks = new ArrayList<>();
		// read, not checked: a refusal thrown through the group's transaction would mark
		// this read-only one for rollback
		this.groups.banRefusal(group.id(), memberId).ifPresent(blocks::add);
		Instant now = this.clock.instant();
		AuthorPosts posts = this.requests.countPosts(group.id(), memberId, now);
		if (posts.open() >= group.maxOpenPerMember()) {
			blocks.add(HelpBoardException.forbidden("request.post.limit", group.maxOpenPerMember()));
		}
		postingRefusal(memberId, group, posts.posted()).ifPresent(blocks::add);
		return blocks;
	}

	/**
	 * The groups a link of this platform (and campaign, when guessed) belongs in, among
	 * those the member can see, best first: the member's own groups before others, a
	 * group whose default campaign is the campaign before one only of the same app.
	 * Groups without a default campaign take anything and come last.
	 */
	public List<GroupView> groupsFor(@Nullable Long memberId, Platform platform, @Nullable String campaign) {
		Set<Long> mine = (memberId != null) ? Set.copyOf(this.groups.groupIdsOf(memberId)) : Set.of();
		return this.groups.listVisibleTo(memberId)
			.stream()
			.filter((group) -> platformOf(group) == null || platformOf(group) == platform)
			.sorted(java.util.Comparator.comparingInt((GroupView group) -> mine.contains(group.id()) ? 0 : 1)
				.thenComparingInt((group) -> (campaign != null && campaign.equals(group.defaultCampaign())) ? 0
						: (platformOf(group) != null) ? 1 : 2))
			.toList();
	}

	/**
	 * What the link in the member's paste is: its app and guessed campaign; a refusal on
	 * {@code input} when it is not an accepted link or text.
	 */
	public ParsedLink read(@Nullable String input) {
		return parse(input, null);
	}

	/** Kept what the member pasted, for copying; a bare URL or QR gives the URL. */
	private static String shareText(ParsedLink link, String input) {
		String raw = (link.rawText() != null && !link.rawText().isBlank()) ? link.rawText() : input;
		if (raw == null || raw.isBlank()) {
			raw = (link.canonicalUrl() != null) ? link.canonicalUrl() : link.token();
		}
		return raw.strip();
	}

	public RequestView get(long id, @Nullable Long viewerId) {
		HelpRequest request = this.requests.findById(id)
			.orElseThrow(() -> HelpBoardException.notFound("request.not-found"));
		GroupView group = this.groups.findById(request.getGroupId())
			.orElseThrow(() -> HelpBoardException.notFound("request.not-found"));
		boolean author = viewerId != null && viewerId.equals(request.getAuthorId());
		if (!this.groups.canRead(group, viewerId) || (request.getStatus() == RequestStatus.HIDDEN && !author
				&& !this.groups.canModerate(group.id(), viewerId))) {
			throw HelpBoardException.notFound("request.not-found");
		}
		return withReciprocity(List.of(view(request, group.slug()))).get(0);
	}

	/**
	 * For the moderation module: locks the request's row until the caller's transaction
	 * ends, so reports on one request are counted one at a time, and returns it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public RequestView lockForModeration(long id) {
		HelpRequest request = this.requests.findForUpdate(id)
			.orElseThrow(() -> HelpBoardException.notFound("request.not-found"));
		return view(request, slugOf(request));
	}

	/**
	 * For the moderation module, which decides who may: hides an open request (it leaves
	 * the feed at once; {@link RequestClosed} refunds an unstarted boost). A request not
	 * open stays as it is.
	 */
	@Transactional
	public RequestView hide(long id) {
		HelpRequest request = this.requests.findForUpdate(id)
			.orElseThrow(() -> HelpBoardException.notFound("request.not-found"));
		request.hide(this.clock.instant());
		return view(this.requests.save(request), slugOf(request));
	}

	/**
	 * For the moderation module, which decides who may: restores a hidden request, open
	 * again (back in the feed at once) or expired if its time ran out meanwhile. Refused
	 * (409) while the same link is open again in the group, posted since.
	 */
	@Transactional
	public RequestView restore(long id) {
		HelpRequest request = this.requests.findForUpdate(id)
			.orElseThrow(() -> HelpBoardException.notFound("request.not-found"));
		if (request.getStatus() != RequestStatus.HIDDEN) {
			throw HelpBoardException.conflict("moderation.restore.not-hidden");
		}
		Optional<HelpRequest> again = this.requests.findByGroupIdAndOpenKey(request.getGroupId(),
				request.getDedupeKey());
		if (again.isPresent() && request.getExpiresAt().isAfter(this.clock.instant())) {
			throw HelpBoardException.conflict("moderation.restore.duplicate", "/r/" + again.get().getId());
		}
		request.restore(this.clock.instant());
		return view(this.requests.saveAndFlush(request), slugOf(request));
	}

	/** The author's requests open now, in every group (moderation holds them). */
	public List<Long> openIdsOf(long authorId) {
		return this.requests.openIdsOf(authorId, this.clock.instant());
	}

	private @Nullable String slugOf(HelpRequest request) {
		return this.groups.findById(request.getGroupId()).map(GroupView::slug).orElse(null);
	}

	/**
	 * Holds the request's row (shared: other claims on it go ahead, its confirmations and
	 * closing wait) until the caller's transaction ends. The help module takes it before
	 * the helper's member lock, keeping the order every path follows: request rows before
	 * member rows. An unknown request is left to the caller's lookup.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void holdForClaim(long id) {
		this.requests.findForShare(id);
	}

	/** For other modules: a request's current state, or empty. */
	public Optional<RequestView> find(long id) {
		return this.requests.findById(id).map((request) -> view(request, null));
	}

	/**
	 * For other modules: the author of each of the requests that exist, by request id, in
	 * one light statement (no entities): what the listeners of a job's batch of thousands
	 * of closed requests need. Loading them as {@link #findAll} does cost 700 MB of
	 * allocation while the jobs worked a backlog of 200 000 (docs/performance.md).
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Map<Long, Long> authorsOf(Collection<Long> ids) {
		return this.queries.authors(ids);
	}

	/**
	 * For other modules: the current state of those of the requests that exist, by id, in
	 * one statement.
	 */
	public Map<Long, RequestView> findAll(Collection<Long> ids) {
		Map<Long, RequestView> views = new HashMap<>();
		if (!ids.isEmpty()) {
			this.requests.findAllById(ids).forEach((request) -> views.put(request.getId(), view(request, null)));
		}
		return views;
	}

	/**
	 * A page of the group's feed: boosted first, then the fair order of the given
	 * rotation (see {@link FairOrder}), cut from the group's cached order
	 * ({@link FeedOrders}); one statement for the page's rows (two with
	 * {@code hideHelpedBy}) whatever the group's size and the page number.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Slice<RequestView> feed(GroupView group, @Nullable String campaign, @Nullable Long hideHelpedBy,
			@Nullable Long rotation, Pageable page) {
		return feedPage(group, campaign, hideHelpedBy, rotation, page).slice();
	}

	/**
	 * A feed page, the number of open requests in the group and the campaigns they are
	 * of.
	 */
	public record FeedPage(Slice<RequestView> slice, int open, Set<String> campaigns) {
	}

	/**
	 * {@link #feed}, with the group's open-request count the order was built with. No
	 * transaction: its one or two statements are reads on their own.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public FeedPage feedPage(GroupView group, @Nullable String campaign, @Nullable Long hideHelpedBy,
			@Nullable Long rotation, Pageable page) {
		return feedView(group, campaign, hideHelpedBy, rotation, page).page;
	}

	/**
	 * {@link #feedPage}, from this instance's {@link FeedPages} when it looks the same to
	 * everyone (not hiding what a member helped), with its drawn cards.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	FeedPages.Entry feedView(GroupView group, @Nullable String campaign, @Nullable Long hideHelpedBy,
			@Nullable Long rotation, Pageable page) {
		long view = rotation(rotation);
		if (hideHelpedBy != null) {
			return new FeedPages.Entry(readFeedPage(group, campaign, hideHelpedBy, view, page));
		}
		return this.feedPages.get(group.id(), campaign, view, page.getOffset(), page.getPageSize(),
				() -> readFeedPage(group, campaign, null, view, page));
	}

	private FeedPage readFeedPage(GroupView group, @Nullable String campaign, @Nullable Long hideHelpedBy,
			long rotation, Pageable page) {
		Instant now = this.clock.instant();
		Set<Long> hidden = (hideHelpedBy != null) ? this.queries.claimedOpenIn(group.id(), hideHelpedBy, now)
				: Set.of();
		FeedOrders.Page ids = this.feedOrders.page(group.id(), rotation, campaign, hidden, page.getOffset(),
				page.getPageSize());
		List<RequestView> rows = this.queries.openByIds(ids.ids(), now)
			.stream()
			.map((r) -> r.withGroup(group.slug())
				.withReciprocity(ids.reciprocity().getOrDefault(r.authorId(), Reciprocity.NONE)))
			.toList();
		return new FeedPage(new org.springframework.data.domain.SliceImpl<>(rows, page, ids.hasNext()), ids.open(),
				ids.campaigns());
	}

	/**
	 * The front of the group's help queue ({@link QueueFront}), as this instance keeps it
	 * for up to {@code helpboard.feed.page-life}: no statement while it is kept. For the
	 * help module, which decides what a member may help and whether the group is theirs.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public QueueFront queueFront(long groupId) {
		return this.queueFronts.get(groupId).front;
	}

	/**
	 * A request the help queue picked from {@link #queueFront}, as its page shows it
	 * (with its group and its author's reciprocity): drawn once per kept front. A request
	 * the kept front no longer holds is read as {@link #get} reads it.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public RequestView queueView(RequestView picked, long viewerId) {
		QueueFronts.Held held = this.queueFronts.get(picked.groupId());
		if (!held.holds(picked.id())) {
			return get(picked.id(), viewerId);
		}
		return held.view(picked, (request) -> {
			String slug = this.groups.findById(request.groupId()).map(GroupView::slug).orElse(null);
			return withReciprocity(List.of(request.withGroup(slug))).get(0);
		});
	}

	/** The rotation a feed view starting now uses; paging links carry it along. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public long currentRotation() {
		return FairOrder.rotationAt(this.clock.instant());
	}

	/**
	 * The rotation a feed page is cut from: the one asked for when it is the current one
	 * or one of the last hour (a member still paging through it), else the current one.
	 * Each rotation is an order built and kept for the group, so a caller must not be
	 * able to make one per request by counting rotations.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public long rotation(@Nullable Long requested) {
		long current = currentRotation();
		return (requested != null && requested <= current && requested >= current - FairOrder.PAGING_ROTATIONS)
				? requested : current;
	}

	public List<RequestView> hottest(Map<Long, String> groupSlugs, int limit) {
		return withReciprocity(this.queries.hottest(groupSlugs.keySet(), this.clock.instant(), limit)
			.stream()
			.map((r) -> r.withGroup(groupSlugs.get(r.groupId())))
			.toList());
	}

	/** An open request and when it expires, for a reminder. */
	public record Expiring(long requestId, long authorId, Instant expiresAt) {
	}

	/**
	 * For other modules: up to {@code limit} open requests whose expiry falls after
	 * {@code from} and not after {@code to}, in expiry order after
	 * {@code (afterExpiry, afterId)}; one statement reading only those rows.
	 */
	public List<Expiring> expiringBetween(Instant from, Instant to, Instant afterExpiry, long afterId, int limit) {
		return this.requests.findExpiringBetween(from, to, afterExpiry, afterId, limit)
			.stream()
			.map((row) -> new Expiring(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), toInstant(row[2])))
			.toList();
	}

	private static Instant toInstant(Object value) {
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof java.time.OffsetDateTime offset) {
			return offset.toInstant();
		}
		return ((java.sql.Timestamp) value).toInstant();
	}

	public Slice<RequestView> byAuthor(long authorId, Pageable page) {
		Slice<RequestView> slice = this.queries.byAuthor(authorId, this.clock.instant(), page);
		Set<Long> groupIds = slice.getContent().stream().map(RequestView::groupId).collect(Collectors.toSet());
		Map<Long, GroupView> groups = this.groups.byIds(groupIds);
		Instant now = this.clock.instant();
		List<RequestView> rows = slice.getContent()
			.stream()
			.map((r) -> effective(r.withGroup(groups.containsKey(r.groupId()) ? groups.get(r.groupId()).slug() : null),
					now))
			.toList();
		return new org.springframework.data.domain.SliceImpl<>(rows, page, slice.hasNext());
	}

	/**
	 * The group with its open-request count, as of its cached order (no statement when
	 * the group was viewed lately).
	 */
	GroupCard card(GroupView group) {
		return new GroupCard(group, this.feedOrders.openCount(group.id()));
	}

	/**
	 * The groups, in their order, with their open-request counts (one statement, and none
	 * while the counts are fresh).
	 */
	List<GroupCard> cards(List<GroupView> groups) {
		Map<Long, Long> open = this.feedOrders.openCounts();
		return groups.stream().map((group) -> new GroupCard(group, open.getOrDefault(group.id(), 0L))).toList();
	}

	@Transactional
	public void withdraw(long id, long memberId) {
		HelpRequest request = owned(id, memberId);
		Instant now = this.clock.instant();
		request.withdraw(memberId, now);
		this.requests.save(request);
	}

	@Transactional
	public RequestView raiseProgress(long id, long memberId, int helpsConfirmed) {
		HelpRequest request = owned(id, memberId);
		Instant now = this.clock.instant();
		request.raiseProgress(memberId, helpsConfirmed, now);
		this.feedOrders.cardChanged(request.getGroupId());
		return view(this.requests.save(request), null);
	}

	/**
	 * One confirmed help, called by the help module in the same transaction as the
	 * confirmation, so the two never disagree.
	 */
	@Transactional
	public void recordConfirmedHelp(long id) {
		// locked: confirmations of different claims on one request must not lose a count
		HelpRequest request = this.requests.findForUpdate(id)
			.orElseThrow(() -> HelpBoardException.notFound("request.not-found"));
		request.recordConfirmedHelp(this.clock.instant());
		this.requests.save(request);
		this.feedOrders.cardChanged(request.getGroupId());
	}

	/**
	 * Pins the request in its group's feed (for the credit module's boosts). The row is
	 * locked first, so a request closed meanwhile is seen closed.
	 * @return false when the request is no longer open and was not pinned
	 */
	@Transactional
	public boolean markBoosted(long requestId, Instant startedAt, Instant until) {
		return this.requests.findForUpdate(requestId).map((request) -> {
			boolean pinned = request.pin(startedAt, until);
			if (pinned) {
				this.feedOrders.boostChanged(request.getGroupId());
			}
			return pinned;
		}).orElse(false);
	}

	/** Unpins the request: its last boost ended. */
	@Transactional
	public void clearBoost(long requestId) {
		this.requests.findForUpdate(requestId).ifPresent((request) -> {
			request.unpin();
			this.feedOrders.boostChanged(request.getGroupId());
		});
	}

	/**
	 * Expires up to {@code batch} overdue open requests, the first in expiry order that
	 * no other transaction holds, in the caller's transaction if there is one; returns
	 * how many. One batch of {@link #expireOverdue(JobRun.Keyset, int)} from the start.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public int expireOverdue(int batch) {
		return expireOverdue(JobRun.Keyset.START, batch).done();
	}

	/**
	 * One batch of the expiry job, in one transaction of two statements (docs/jobs.md):
	 * up to {@code size} open requests past their time, after {@code after} in expiry
	 * order, that no other transaction holds ({@code FOR UPDATE SKIP LOCKED}, so
	 * instances running the job at once never wait for each other nor take the same row),
	 * are locked, then expired in one update that does what {@link HelpRequest#expire}
	 * does to each. One {@link RequestsClosed} for the batch stands for the
	 * {@link RequestClosed} each would publish; this transaction stores it in the event
	 * publication registry, so it is delivered once the batch commits, and never without
	 * it.
	 * <p>
	 * Should the batch fail outside a caller's transaction, its requests are expired one
	 * by one instead ({@link #expireOverdueOneByOne}), so a bad row delays only itself.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public JobRun.Batch expireOverdue(JobRun.Keyset after, int size) {
		boolean joined = TransactionSynchronizationManager.isActualTransactionActive();
		try {
			return this.transactions.execute((status) -> expireBatch(after, size));
		}
		catch (RuntimeException ex) {
			if (joined) {
				throw ex;
			}
			log.warn("Expiring a batch of overdue requests failed; expiring them one by one", ex);
			return expireOneByOne(after, size);
		}
	}

	private JobRun.Batch expireBatch(JobRun.Keyset after, int size) {
		Instant now = this.clock.instant();
		List<OverdueRequests.Overdue> due = this.requests.lockOverdue(now, after, size);
		if (due.isEmpty()) {
			return JobRun.Batch.NONE;
		}
		List<Long> ids = due.stream().map(OverdueRequests.Overdue::id).toList();
		// locked and still overdue: every one of them expires
		int expired = this.requests.expireAll(ids.toArray(Long[]::new), now);
		this.events.publishEvent(new RequestsClosed(RequestStatus.EXPIRED, now, ids));
		OverdueRequests.Overdue last = due.get(due.size() - 1);
		return new JobRun.Batch(expired, due.size(), new JobRun.Keyset(last.expiresAt(), last.id()));
	}

	/**
	 * The expiry job's backlog ({@link JobRun.Backlog}): how many open requests are past
	 * their time, those another transaction holds included, counted up to {@code atMost}.
	 */
	public int overdueBacklog(int atMost) {
		return this.requests.countOverdue(this.clock.instant(), atMost);
	}

	/**
	 * The per-item path: up to {@code batch} overdue open requests, each expired by
	 * {@link HelpRequest#expire} in its own transaction and saved, which publishes its
	 * own {@link RequestClosed}. The batch path falls back to it, and the tests hold the
	 * batch path to its results.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public int expireOverdueOneByOne(int batch) {
		return expireOneByOne(JobRun.Keyset.START, batch).done();
	}

	private JobRun.Batch expireOneByOne(JobRun.Keyset after, int size) {
		Instant now = this.clock.instant();
		List<HelpRequest> due = this.readOnlyTransactions
			.execute((status) -> this.requests.findOverdue(now, after.at(), after.id(), size));
		if (due == null || due.isEmpty()) {
			return JobRun.Batch.NONE;
		}
		int expired = 0;
		for (HelpRequest candidate : due) {
			try {
				Boolean done = this.transactions.execute((status) -> this.requests.findForUpdate(candidate.getId())
					.filter((request) -> request.expire(now))
					.map((request) -> this.requests.save(request) != null)
					.orElse(false));
				expired += Boolean.TRUE.equals(done) ? 1 : 0;
			}
			catch (RuntimeException ex) {
				log.warn("Could not expire request {}; the next run tries again", candidate.getId(), ex);
			}
		}
		HelpRequest last = due.get(due.size() - 1);
		return new JobRun.Batch(expired, due.size(), new JobRun.Keyset(last.getExpiresAt(), last.getId()));
	}

	/**
	 * Confirmed helps for many requests at once, in the caller's transaction (a batch of
	 * auto-confirmed claims, so the claims and the counts never disagree), in a handful
	 * of statements: the requests are locked in id order, the order every batch takes
	 * them in; each then gets what {@link HelpRequest#recordConfirmedHelp} does as many
	 * times as it has helps in {@code helpsByRequest} (one update per distinct number of
	 * helps), and the open ones that now have all their helps are fulfilled, published as
	 * one {@link RequestsClosed}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordConfirmedHelps(Map<Long, Integer> helpsByRequest) {
		if (helpsByRequest.isEmpty()) {
			return;
		}
		Instant now = this.clock.instant();
		this.requests.lockAll(new TreeSet<>(helpsByRequest.keySet()));
		Map<Integer, List<Long>> byHelps = new TreeMap<>();
		helpsByRequest.forEach((id, helps) -> byHelps.computeIfAbsent(helps, (n) -> new ArrayList<>()).add(id));
		byHelps.forEach((helps, ids) -> this.requests.addConfirmedHelps(ids.toArray(Long[]::new), helps));
		List<Long> fulfilled = this.requests.openAndHelped(helpsByRequest.keySet().toArray(Long[]::new));
		if (!fulfilled.isEmpty()) {
			this.requests.fulfilAll(fulfilled.toArray(Long[]::new), now);
			this.events.publishEvent(new RequestsClosed(RequestStatus.FULFILLED, now, fulfilled));
		}
	}

	private HelpRequest owned(long id, long memberId) {
		HelpRequest request = this.requests.findById(id)
			.orElseThrow(() -> HelpBoardException.notFound("request.not-found"));
		if (request.getAuthorId() != memberId) {
			// someone else's request: do not reveal more than it being there
			throw HelpBoardException.forbidden("request.not-author");
		}
		return request;
	}

	private Map<Long, Reciprocity> reciprocityOf(Set<Long> authorIds) {
		return authorIds.isEmpty() ? Map.of() : this.helpHistory.reciprocity(authorIds);
	}

	private List<RequestView> withReciprocity(List<RequestView> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, Reciprocity> byAuthor = this.helpHistory
			.reciprocity(rows.stream().map(RequestView::authorId).collect(Collectors.toSet()));
		return rows.stream()
			.map((r) -> r.withReciprocity(byAuthor.getOrDefault(r.authorId(), Reciprocity.NONE)))
			.toList();
	}

	private RequestView view(HelpRequest request, String groupSlug) {
		RequestView view = new RequestView(request.getId(), request.getGroupId(), groupSlug, request.getAuthorId(),
				request.getAuthorName(), request.getPlatform(), request.getCampaign(), request.getCanonicalUrl(),
				request.getShareText(), request.getToken(), request.getNote(), request.getTitle(),
				request.getHelpsNeeded(), request.getHelpsConfirmed(), request.getStatus(), request.getCreatedAt(),
				request.getExpiresAt(), request.getBoostedUntil(), Reciprocity.NONE);
		return effective(view, this.clock.instant());
	}

	/** An open request past its time is expired to readers, whether or not swept yet. */
	private static RequestView effective(RequestView view, Instant now) {
		if (view.status() == RequestStatus.OPEN && !view.expiresAt().isAfter(now)) {
			return new RequestView(view.id(), view.groupId(), view.group(), view.authorId(), view.author(),
					view.platform(), view.campaign(), view.canonicalUrl(), view.shareText(), view.token(), view.note(),
					view.memberTitle(), view.helpsNeeded(), view.helpsConfirmed(), RequestStatus.EXPIRED,
					view.createdAt(), view.expiresAt(), view.boostedUntil(), view.authorReciprocity());
		}
		return view;
	}

}
