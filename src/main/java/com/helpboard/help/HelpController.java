package com.helpboard.help;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.helpboard.account.MemberPrincipal;
import com.helpboard.group.GroupView;
import com.helpboard.group.Groups;
import com.helpboard.request.Campaigns;
import com.helpboard.request.RequestView;
import com.helpboard.request.RequestStatus;
import com.helpboard.request.Requests;
import com.helpboard.request.spi.ModerationNotes;
import com.helpboard.system.HelpBoardException;
import com.helpboard.system.NotAllowed;
import com.helpboard.system.NotFound;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The request page with its help actions, the help queue and "waiting for me". */
@Controller
class HelpController {

	private static final int MAX_SKIPS = 50;

	private final Helps helps;

	private final Requests requests;

	private final Campaigns campaigns;

	private final Groups groups;

	private final Clock clock;

	private final ModerationNotes moderationNotes;

	private final HelpQueue helpQueue;

	private final QueueCardHtml queueCard;

	HelpController(Helps helps, Requests requests, Campaigns campaigns, Groups groups, Clock clock,
			ModerationNotes moderationNotes, HelpQueue helpQueue, QueueCardHtml queueCard) {
		this.helpQueue = helpQueue;
		this.queueCard = queueCard;
		this.moderationNotes = moderationNotes;
		this.helps = helps;
		this.requests = requests;
		this.campaigns = campaigns;
		this.groups = groups;
		this.clock = clock;
	}

	@GetMapping("/r/{id}")
	String detail(@PathVariable long id, @RequestHeader(value = HttpHeaders.USER_AGENT, required = false) String agent,
			@AuthenticationPrincipal MemberPrincipal me, Model model, HttpServletResponse response) {
		RequestView request = this.requests.get(id, (me != null) ? me.id() : null);
		boolean mine = me != null && me.id() == request.authorId();
		model.addAttribute("request", request);
		// WeChat's own browser opens an app link as a web page: lead with the 口令 there.
		// Decided here, so it holds without JavaScript; the page differs by browser.
		response.addHeader(HttpHeaders.VARY, HttpHeaders.USER_AGENT);
		model.addAttribute("wechat", isWeChat(agent));
		// the QR's caption: a phone cannot scan its own screen
		model.addAttribute("phone", isPhone(agent));
		if (request.status() == RequestStatus.FULFILLED) {
			this.helps.lastConfirmedOn(id).ifPresent((at) -> model.addAttribute("fulfilledAt", at));
		}
		model.addAttribute("campaign", this.campaigns.find(request.campaign()).orElse(null));
		model.addAttribute("mine", mine);
		model.addAttribute("group", this.groups.findById(request.groupId()).orElse(null));
		model.addAttribute("now", this.clock.instant());
		if (request.status() == RequestStatus.HIDDEN) {
			// only its author and moderators see a hidden request: say why
			model.addAttribute("hiddenNote", this.moderationNotes.of(List.of(id)).get(id));
		}
		boolean canClaim = false;
		if (mine) {
			model.addAttribute("claims", this.helps.claimsOn(id, me.id()));
		}
		else if (me != null) {
			ClaimView myClaim = this.helps.claimOf(id, me.id()).orElse(null);
			model.addAttribute("myClaim", myClaim);
			// a new-user-only campaign the member is
			// too old for: say so instead of a button
			Optional<Long> newUserDays = this.helps.newUsersOnlyRefusal(me.id(), request.campaign());
			newUserDays.ifPresent((days) -> model.addAttribute("newUserDays", days));
			model.addAttribute("blocked", this.helps.blocks(me.id(), request.authorId()));
			canClaim = myClaim == null && request.isOpen() && newUserDays.isEmpty();
		}
		// the helper's bottom bar (copy · 我帮了) while there is something to claim
		model.addAttribute("canClaim", canClaim);
		model.addAttribute("signedIn", me != null);
		return "request/detail";
	}

	@PostMapping("/r/{id}/claim")
	String claim(@PathVariable long id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String group, @AuthenticationPrincipal MemberPrincipal me,
			RedirectAttributes redirect) {
		try {
			this.helps.claim(me.id(), id);
			redirect.addFlashAttribute("flash", "help.claimed");
		}
		catch (NotFound ex) {
			throw ex;
		}
		catch (HelpBoardException ex) {
			redirect.addFlashAttribute("flash", ex.messageKey());
			redirect.addFlashAttribute("flashArgs", ex.arguments());
		}
		if ("queue".equals(from)) {
			return "redirect:" + UriComponentsBuilder.fromPath("/queue")
				.queryParamIfPresent("group", Optional.ofNullable(group).filter((g) -> !g.isBlank()))
				.encode()
				.build()
				.toUriString();
		}
		return "redirect:/r/" + id;
	}

	@PostMapping("/r/{id}/block")
	String block(@PathVariable long id, @RequestParam(defaultValue = "true") boolean block,
			@AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		RequestView request = this.requests.get(id, me.id());
		if (block) {
			this.helps.block(me.id(), request.authorId());
			redirect.addFlashAttribute("flash", "help.blocked");
		}
		else {
			this.helps.unblock(me.id(), request.authorId());
			redirect.addFlashAttribute("flash", "help.unblocked");
		}
		return "redirect:/r/" + id;
	}

	@PostMapping("/claims/{id}/confirm")
	String confirm(@PathVariable long id, @RequestParam(required = false) String back,
			@AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		ClaimView claim = decide(() -> this.helps.confirm(me.id(), id), "help.confirmed", redirect);
		return back(back, claim);
	}

	/**
	 * Rejecting asks why, one tap from a short list, and that tap is the confirmation: a
	 * rejection without a reason (an old form, a page without the list) shows the list
	 * first and changes nothing.
	 */
	@PostMapping("/claims/{id}/reject")
	String reject(@PathVariable long id, @RequestParam(required = false) String back,
			@RequestParam(required = false) String reason, @AuthenticationPrincipal MemberPrincipal me, Model model,
			RedirectAttributes redirect) {
		RejectReason why = RejectReason.parse(reason).orElse(null);
		if (why == null) {
			return rejectPage(id, back, me, model);
		}
		ClaimView claim = decide(() -> this.helps.reject(me.id(), id, why), "help.rejected", redirect);
		return back(back, claim);
	}

	@GetMapping("/claims/{id}/reject")
	String rejectPage(@PathVariable long id, @RequestParam(required = false) String back,
			@AuthenticationPrincipal MemberPrincipal me, Model model) {
		ClaimView claim = this.helps.claimForAuthor(me.id(), id);
		model.addAttribute("claim", claim);
		model.addAttribute("request", this.requests.find(claim.requestId()).orElse(null));
		model.addAttribute("back", "waiting".equals(back) ? "waiting" : null);
		model.addAttribute("reasons", RejectReason.values());
		return "help/reject";
	}

	/** Phones' browsers say Mobile (or Android, iPhone) in their User-Agent. */
	static boolean isPhone(String agent) {
		return agent != null && (agent.contains("Mobile") || agent.contains("Android") || agent.contains("iPhone"));
	}

	/** WeChat's in-app browser names itself MicroMessenger in its User-Agent. */
	static boolean isWeChat(String agent) {
		return agent != null && agent.contains("MicroMessenger");
	}

	@PostMapping("/r/{id}/claims/confirm-all")
	String confirmAll(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		int count = this.helps.confirmAll(me.id(), id);
		redirect.addFlashAttribute("flash", "help.confirmedAll");
		redirect.addFlashAttribute("flashArgs", new Object[] { count });
		return "redirect:/r/" + id;
	}

	private ClaimView decide(java.util.function.Supplier<ClaimView> action, String done, RedirectAttributes redirect) {
		try {
			ClaimView claim = action.get();
			redirect.addFlashAttribute("flash", done);
			return claim;
		}
		catch (NotFound | NotAllowed ex) {
			throw ex;
		}
		catch (HelpBoardException ex) {
			redirect.addFlashAttribute("flash", ex.messageKey());
			return null;
		}
	}

	private static String back(String back, ClaimView claim) {
		if ("waiting".equals(back) || claim == null) {
			return "redirect:/waiting";
		}
		return "redirect:/r/" + claim.requestId();
	}

	@GetMapping("/waiting")
	String waiting(@AuthenticationPrincipal MemberPrincipal me, Model model) {
		List<ClaimView> waiting = this.helps.waitingFor(me.id());
		Map<Long, RequestView> requests = new LinkedHashMap<>();
		waiting.forEach(
				(claim) -> requests.computeIfAbsent(claim.requestId(), (rid) -> this.requests.find(rid).orElse(null)));
		model.addAttribute("waiting", waiting);
		model.addAttribute("requests", requests);
		return "help/waiting";
	}

	@GetMapping("/queue")
	String queue(@RequestParam(required = false) String group, @RequestParam(required = false) List<Long> skip,
			@AuthenticationPrincipal MemberPrincipal me, Model model) {
		// the member's groups as their pages know them (two seconds fresh): the choice,
		// and where the queue looks; claiming checks the request itself in the database
		List<GroupView> mine = this.groups.groupsOf(me.id());
		List<Long> groupIds;
		if (group != null && !group.isBlank()) {
			// any other group answers as an unknown one: the queue does not tell
			// outsiders what is open there
			GroupView chosen = mine.stream()
				.filter((g) -> g.slug().equals(group))
				.findFirst()
				.orElseThrow(() -> HelpBoardException.notFound("group.not-found"));
			groupIds = List.of(chosen.id());
			model.addAttribute("group", chosen);
		}
		else {
			groupIds = mine.stream().map(GroupView::id).toList();
		}
		List<Long> skipped = new ArrayList<>((skip != null) ? skip : List.of());
		if (skipped.size() > MAX_SKIPS) {
			skipped = skipped.subList(skipped.size() - MAX_SKIPS, skipped.size());
		}
		HelpQueue.View queue = this.helpQueue.view(me.id(), groupIds, skipped);
		model.addAttribute("next", queue.next());
		if (queue.next() != null) {
			model.addAttribute("nextHtml", this.queueCard.of(queue.next(), LocaleContextHolder.getLocale()));
			// the skip link's list: the ones skipped so far and this one
			StringBuilder skipNext = new StringBuilder();
			skipped.forEach((id) -> skipNext.append(id).append(','));
			model.addAttribute("skipNext", skipNext.append(queue.next().id()).toString());
		}
		model.addAttribute("today", queue.today());
		model.addAttribute("groupOptions",
				this.queueCard.groupOptions(mine, (group != null) ? group : "", LocaleContextHolder.getLocale()));
		model.addAttribute("hasGroups", !mine.isEmpty());
		return "help/queue";
	}

}
