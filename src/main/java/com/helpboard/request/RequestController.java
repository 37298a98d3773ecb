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
import com.helpboard.link.QrCodeImages;
import com.helpboard.request.spi.HelpHistory;
import com.helpboard.request.spi.ModerationNotes;
import com.helpboard.system.FieldRejection;
import com.helpboard.system.HelpBoardException;
import com.helpboard.system.NotAllowed;
import com.helpboard.system.NotFound;
import com.helpboard.system.Paging;
import com.helpboard.system.Violations;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;

import org.springframework.data.domain.Slice;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
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

	RequestController(Requests requests, RequestCards requestCards, Groups groups, Campaigns campaigns, Clock clock,
			ModerationNotes moderationNotes, HelpHistory helpHistory) {
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
		model.addAttribute("campaignOptions",
				this.campaigns.all()
					.stream()
					.map((c) -> new CampaignOption(c.code(), c.name().in(locale), c.code().equals(campaign)))
					.toList());
		model.addAttribute("campaign", campaign);
		model.addAttribute("hideHelped", hideHelped);
		if (visit.canRead()) {
			Requests.FeedPage feed = this.requests.feedPage(group, blankToNull(campaign),
					(hideHelped && me != null) ? me.id() : null, view, Paging.of(page, size));
			model.addAttribute("feed", feed.slice());
			model.addAttribute("cards",
					RequestCardHtml.of(this.requestCards.of(feed.slice().getContent(), locale, this.clock.instant())));
			model.addAttribute("openRequests", feed.open());
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
			Integer expiresInHours) {
	}

	@GetMapping("/g/{slug}/post")
	String postForm(@PathVariable String slug, @AuthenticationPrincipal MemberPrincipal me, Model model,
			RedirectAttributes redirect) {
		GroupView group = readable(slug, me);
		if (!this.groups.isMember(group.id(), me.id())) {
			redirect.addFlashAttribute("flash", "request.post.not-member");
			return "redirect:/g/" + slug;
		}
		model.addAttribute("form", new PostForm("", null, group.defaultCampaign(), 1, "", null));
		return postPage(group, model, me.id());
	}

	@PostMapping("/g/{slug}/post")
	String post(@PathVariable String slug, @Valid @ModelAttribute("form") PostForm form, BindingResult result,
			@AuthenticationPrincipal MemberPrincipal me, Model model, RedirectAttributes redirect) throws IOException {
		GroupView group = readable(slug, me);
		if (result.hasErrors()) {
			return postPage(group, model, me.id());
		}
		byte[] image = (form.image() != null && !form.image().isEmpty()) ? form.image().getBytes() : null;
		try {
			RequestView posted = this.requests.post(me.id(), group, new NewRequest(form.input(), form.campaign(),
					form.helpsNeeded(), form.note(), form.expiresInHours()), image);
			redirect.addFlashAttribute("flash", "request.posted");
			return "redirect:/r/" + posted.id();
		}
		catch (FieldRejection ex) {
			if (Requests.DUPLICATE.equals(ex.messageKey())) {
				// the form links to the open request; the API's detail names its path
				model.addAttribute("duplicatePath", ex.arguments()[0]);
				result.rejectValue("input", "request.duplicate.form");
				return postPage(group, model, me.id());
			}
			result.rejectValue(ex.field(), ex.messageKey(), ex.arguments(), ex.messageKey());
			return postPage(group, model, me.id());
		}
		catch (ConstraintViolationException ex) {
			Violations.rejectInto(ex, result);
			return postPage(group, model, me.id());
		}
		catch (NotFound ex) {
			throw ex;
		}
		catch (HelpBoardException ex) {
			result.reject(ex.messageKey(), ex.arguments(), ex.messageKey());
			return postPage(group, model, me.id());
		}
	}

	private String postPage(GroupView group, Model model, long memberId) {
		model.addAttribute("group", group);
		model.addAttribute("postingRefusal", this.requests.postingRefusal(memberId, group).orElse(null));
		model.addAttribute("campaignList", this.campaigns.all());
		model.addAttribute("maxNote", Requests.MAX_NOTE);
		return "request/post";
	}

	@PostMapping("/r/{id}/withdraw")
	String withdraw(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
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
