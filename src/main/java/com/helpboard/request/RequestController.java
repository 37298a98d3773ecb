package com.helpboard.request;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.helpboard.account.MemberPrincipal;
import com.helpboard.group.GroupView;
import com.helpboard.group.Groups;
import com.helpboard.link.Platform;
import com.helpboard.link.QrCodeImages;
import com.helpboard.request.spi.HelpHistory;
import com.helpboard.request.spi.ModerationNotes;
import com.helpboard.system.FieldRejection;
import com.helpboard.system.HelpBoardException;
import com.helpboard.system.NotAllowed;
import com.helpboard.system.NotFound;
import com.helpboard.system.Paging;
import com.helpboard.system.Violations;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Slice;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class RequestController {

	private final Requests requests;

	private final RequestCards requestCards;

	private final Groups groups;

	private final Campaigns campaigns;

	private final Clock clock;

	private final ModerationNotes moderationNotes;

	private final HelpHistory helpHistory;

	private final MessageSource messageSource;

	private final Validator validator;

	RequestController(Requests requests, RequestCards requestCards, Groups groups, Campaigns campaigns, Clock clock,
			ModerationNotes moderationNotes, HelpHistory helpHistory, MessageSource messageSource,
			Validator validator) {
		this.messageSource = messageSource;
		this.validator = validator;
		this.moderationNotes = moderationNotes;
		this.helpHistory = helpHistory;
		this.requests = requests;
		this.requestCards = requestCards;
		this.groups = groups;
		this.campaigns = campaigns;
		this.clock = clock;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal MemberPrincipal me, Locale locale, Model model) {
		List<GroupView> visible = this.groups.listVisibleTo(id(me));
		Map<Long, String> slugs = new LinkedHashMap<>();
		visible.forEach((group) -> slugs.put(group.id(), group.slug()));
		model.addAttribute("groups", this.requests.cards(visible));
		List<RequestView> hottest = this.requests.hottest(slugs, 10);
		model.addAttribute("hottestCount", hottest.size());
		model.addAttribute("hottestCards",
				RequestCardHtml.of(this.requestCards.of(hottest, locale, this.clock.instant())));
		return "request/home";
	}

	/** A choice of the feed's campaign filter, ready to draw. */
	record CampaignOption(String value, String label, boolean selected) {
	}

	@GetMapping("/g")
	String groups(@AuthenticationPrincipal MemberPrincipal me, Model model) {
		model.addAttribute("groups", this.requests.cards(this.groups.listVisibleTo(id(me))));
		return "request/groups";
	}

	@GetMapping("/g/{slug}")
	String group(@PathVariable String slug, @RequestParam(required = false) String campaign,
			@RequestParam(defaultValue = "false") boolean hideHelped, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @RequestParam(required = false) Long rotation,
			@RequestParam(required = false) String code, @AuthenticationPrincipal MemberPrincipal me, Locale locale,
			Model model) {
		Groups.GroupVisit visit = this.groups.visit(slug, id(me), code);
		GroupView group = visit.group();
		long view = this.requests.rotation(rotation);
		model.addAttribute("rotation", view);
		model.addAttribute("group", group);
		model.addAttribute("member", visit.member());
		model.addAttribute("owner", visit.owner());
		model.addAttribute("campaign", campaign);
		model.addAttribute("hideHelped", hideHelped);
		if (visit.canRead()) {
			FeedPages.Entry entry = this.requests.feedView(group, blankToNull(campaign),
					(hideHelped && me != null) ? me.id() : null, view, Paging.of(page, size));
			Requests.FeedPage feed = entry.page;
			model.addAttribute("feed", feed.slice());
			model.addAttribute("cards", entry.drawn(locale, (p) -> RequestCardHtml
				.of(this.requestCards.of(p.slice().getContent(), locale, this.clock.instant()))));
			model.addAttribute("openRequests", feed.open());
			// only this group's campaigns: its usual one, those of its open requests, and
			// the one asked for
			model.addAttribute("campaignOptions",
					this.campaigns.all()
						.stream()
						.filter((c) -> c.code().equals(group.defaultCampaign()) || c.code().equals(campaign)
								|| feed.campaigns().contains(c.code()))
						.map((c) -> new CampaignOption(c.code(), c.name().in(locale), c.code().equals(campaign)))
						.toList());
		}
		else {
			model.addAttribute("openRequests", this.requests.card(group).openRequests());
		}
		return "request/group";
	}

	/**
	 * The page's {@link NewRequest}, plus the QR image; its constraints are the
	 * command's.
	 */
	record PostForm(String input, MultipartFile image, String campaign, Integer helpsNeeded, String note,
			Integer expiresInHours, String title) {

		NewRequest request() {
			return new NewRequest(this.input, this.campaign, this.helpsNeeded, this.note, this.expiresInHours,
					this.title);
		}

		boolean hasImage() {
			return this.image != null && !this.image.isEmpty();
		}

	}

	/**
	 * The post form, told before anything is typed whether the member may post here; the
	 * input, title, note and helps may come along (from another group's form or from the
	 * global "＋发布").
	 */
	@GetMapping("/g/{slug}/post")
	String postForm(@PathVariable String slug, @RequestParam(required = false) String input,
			@RequestParam(required = false) String title, @RequestParam(required = false) String note,
			@RequestParam(required = false) String helpsNeeded, @AuthenticationPrincipal MemberPrincipal me,
			Locale locale, Model model) {
		GroupView group = readable(slug, me);
		model.addAttribute("form", new PostForm(clip(input, 10_000), null, "", number(helpsNeeded), clip(note, 1_000),
				null, clip(title, 200)));
		return postPage(group, model, me.id(), locale);
	}

	@PostMapping("/g/{slug}/post")
	String post(@PathVariable String slug, @Valid @ModelAttribute("form") PostForm form, BindingResult result,
			@AuthenticationPrincipal MemberPrincipal me, Locale locale, Model model, RedirectAttributes redirect)
			throws IOException {
		GroupView group = readable(slug, me);
		validate(this.validator, form.request(), result);
		if (result.hasErrors()) {
			return refused(group, form, null, result, me.id(), locale, model);
		}
		byte[] image = form.hasImage() ? form.image().getBytes() : null;
		try {
			RequestView posted = this.requests.post(me.id(), group, form.request(), image);
			redirect.addFlashAttribute("flash", "request.posted");
			return "redirect:/r/" + posted.id();
		}
		catch (ConstraintViolationException ex) {
			Violations.rejectInto(ex, result);
			return refused(group, form, null, result, me.id(), locale, model);
		}
		catch (NotFound ex) {
			throw ex;
		}
		catch (HelpBoardException ex) {
			return refused(group, form, ex, result, me.id(), locale, model);
		}
	}

	/**
	 * The form again with every refusal at once, each on its field: posting stops at the
	 * first, so the others are looked for only now (a post that succeeds costs nothing
	 * more). The blocks show at the top of the page.
	 */
	private String refused(GroupView group, PostForm form, HelpBoardException first, BindingResult result,
			long memberId, Locale locale, Model model) {
		List<HelpBoardException> refusals = this.requests.refusals(memberId, group, form.request(), form.hasImage());
		if (first != null && refusals.stream().noneMatch((r) -> r.messageKey().equals(first.messageKey()))) {
			rejectInto(first, result, group, memberId, locale, model);
		}
		refusals.forEach((refusal) -> rejectInto(refusal, result, group, memberId, locale, model));
		return postPage(group, model, memberId, locale);
	}

	/**
	 * A refusal on its field: a duplicate links to the open request, a link of the other
	 * app to the group it belongs in (the paste kept); one not on a field (a block) is
	 * shown by the page's notice, so it is left out here.
	 */
	private void rejectInto(HelpBoardException refusal, BindingResult result, GroupView group, long memberId,
			Locale locale, Model model) {
		if (!(refusal instanceof FieldRejection ex)) {
			if (!(refusal instanceof NotAllowed)) {
				result.reject(refusal.messageKey(), refusal.arguments(), refusal.messageKey());
			}
			return;
		}
		if (result.hasFieldErrors(ex.field())) {
			return;
		}
		if (Requests.DUPLICATE.equals(ex.messageKey())) {
			// the form links to the open request; the API's detail names its path
			model.addAttribute("duplicatePath", ex.arguments()[0]);
			result.rejectValue("input", "request.duplicate.form");
			return;
		}
		if (Requests.PLATFORM_MISMATCH.equals(ex.messageKey())) {
			Platform platform = Platform.valueOf((String) ex.arguments()[0]);
			String platformName = this.messageSource.getMessage("platform." + platform.name(), null, locale);
			GroupView other = this.requests.groupsFor(memberId, platform, (String) ex.arguments()[1])
				.stream()
				.filter((g) -> g.id() != group.id())
				.findFirst()
				.orElse(null);
			if (other == null) {
				result.rejectValue(ex.field(), "request.platform.mismatch.none", new Object[] { platformName }, null);
				model.addAttribute("otherGroupPath", "/g");
				model.addAttribute("otherGroupName", null);
				return;
			}
			String kind = "token".equals(ex.arguments()[2]) ? "token" : "link";
			result.rejectValue(ex.field(), "request.platform.mismatch." + kind,
					new Object[] { platformName, other.name().in(locale) }, null);
			model.addAttribute("otherGroupPath", "/g/" + other.slug() + "/post");
			model.addAttribute("otherGroupName", other.name().in(locale));
			return;
		}
		result.rejectValue(ex.field(), ex.messageKey(), ex.arguments(), ex.messageKey());
	}

	/**
	 * The post form of a group, or the page that tells a non-member to join first; what
	 * keeps the member from posting is at the top, with the form disabled.
	 */
	private String postPage(GroupView group, Model model, long memberId, Locale locale) {
		model.addAttribute("group", group);
		List<HelpBoardException> blocks = this.requests.postingBlocks(memberId, group);
		boolean member = blocks.stream().noneMatch((b) -> "request.post.not-member".equals(b.messageKey()));
		model.addAttribute("member", member);
		model.addAttribute("blocks", member ? blocks : List.of());
		model.addAttribute("campaignList", this.campaigns.all());
		model.addAttribute("maxNote", Requests.MAX_NOTE);
		model.addAttribute("maxTitle", Requests.MAX_TITLE);
		Campaign usual = (group.defaultCampaign() != null) ? this.campaigns.find(group.defaultCampaign()).orElse(null)
				: null;
		model.addAttribute("usualCampaign", (usual != null) ? usual.name().in(locale) : null);
		model.addAttribute("usualHelps", (usual != null) ? usual.defaultHelps() : 1);
		return "request/post";
	}

	/**
	 * The command's constraints, each beside its field unless the field was refused
	 * already (a number that is not one).
	 */
	static void validate(Validator validator, NewRequest request, BindingResult result) {
		for (ConstraintViolation<NewRequest> violation : validator.validate(request)) {
			String field = Violations.field(violation);
			if (!result.hasFieldErrors(field)) {
				result.addError(new FieldError(result.getObjectName(), field, violation.getInvalidValue(), false, null,
						null, violation.getMessage()));
			}
		}
	}

	static String clip(String value, int max) {
		return (value == null) ? null : (value.length() > max) ? value.substring(0, max) : value;
	}

	static Integer number(String value) {
		try {
			return (value == null || value.isBlank()) ? null : Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	@PostMapping("/r/{id}/withdraw")
	String withdraw(@PathVariable long id, @RequestParam(required = false) @Nullable String confirm,
			@AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		if (!"yes".equals(confirm)) {
			// a withdrawal cannot be undone: only the page's confirmation step posts it
			redirect.addFlashAttribute("flash", "request.withdraw.confirmFirst");
			return "redirect:/r/" + id + "#withdraw-step";
		}
		this.requests.withdraw(id, me.id());
		redirect.addFlashAttribute("flash", "request.withdrawn");
		return "redirect:/my/requests";
	}

	@PostMapping("/r/{id}/progress")
	String progress(@PathVariable long id, @RequestParam int helpsConfirmed,
			@AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		try {
			this.requests.raiseProgress(id, me.id(), helpsConfirmed);
			redirect.addFlashAttribute("flash", "request.progress.saved");
		}
		catch (NotFound | NotAllowed ex) {
			throw ex;
		}
		catch (HelpBoardException ex) {
			redirect.addFlashAttribute("flash", ex.messageKey());
		}
		return "redirect:/r/" + id;
	}

	/** A QR code of the canonical link, for desktop readers to scan with their phone. */
	@GetMapping(path = "/r/{id}/qr.png")
	ResponseEntity<byte[]> qr(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me) {
		RequestView request = this.requests.get(id, id(me));
		String content = (request.canonicalUrl() != null) ? request.canonicalUrl() : request.shareText();
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
			.eTag(Integer.toHexString(content.hashCode()))
			.body(QrCodeImages.png(content, 300));
	}

	@GetMapping("/my/requests")
	String mine(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal MemberPrincipal me, Model model) {
		Slice<RequestView> mine = this.requests.byAuthor(me.id(), Paging.of(page, 20));
		model.addAttribute("requests", mine);
		model.addAttribute("groupsById",
				this.groups.byIds(mine.getContent().stream().map(RequestView::groupId).distinct().toList()));
		// each request's claims by status, for the page in one statement
		model.addAttribute("claimCounts",
				this.helpHistory.claimCounts(mine.getContent().stream().map(RequestView::id).toList()));
		model.addAttribute("campaigns", campaignsByCode());
		model.addAttribute("now", this.clock.instant());
		// the author sees why a request was hidden: reasons and counts, not who reported
		model.addAttribute("hiddenNotes",
				this.moderationNotes.of(mine.getContent()
					.stream()
					.filter((r) -> r.status() == RequestStatus.HIDDEN)
					.map(RequestView::id)
					.toList()));
		return "request/mine";
	}

	private Map<String, Campaign> campaignsByCode() {
		return this.campaigns.byCode();
	}

	/** The group, or "not found" for whoever may not read it. */
	private GroupView readable(String slug, MemberPrincipal me) {
		GroupView group = this.groups.get(slug);
		if (!this.groups.canRead(group, id(me))) {
			throw HelpBoardException.notFound("group.not-found");
		}
		return group;
	}

	private static Long id(MemberPrincipal me) {
		return (me != null) ? me.id() : null;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
