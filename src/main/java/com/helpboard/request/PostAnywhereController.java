package com.helpboard.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.helpboard.account.MemberPrincipal;
import com.helpboard.group.GroupView;
import com.helpboard.group.Groups;
import com.helpboard.link.ParsedLink;
import com.helpboard.system.FieldRejection;
import com.helpboard.system.HelpBoardException;
import com.helpboard.system.NotFound;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The global "＋发布": paste first, the group follows from the link's app and campaign. One
 * group fits among the member's own: posted there. Several fit: the member picks one (a
 * plain form, no script needed). None: said so, with the groups to look at.
 */
@Controller
class PostAnywhereController {

	private final Requests requests;

	private final Groups groups;

	private final MessageSource messages;

	private final Validator validator;

	PostAnywhereController(Requests requests, Groups groups, MessageSource messages, Validator validator) {
		this.requests = requests;
		this.groups = groups;
		this.messages = messages;
		this.validator = validator;
	}

	/** The form; {@code group} is the slug the member picked, once there was a choice. */
	record AnyPostForm(String input, String title, Integer helpsNeeded, String note, String group) {

		NewRequest request() {
			return new NewRequest(this.input, null, this.helpsNeeded, this.note, null, this.title);
		}

	}

	/** A group the link fits, as the choice shows it. */
	record Choice(String slug, String name, boolean member) {
	}

	@GetMapping("/post")
	String form(@RequestParam(required = false) String input, @RequestParam(required = false) String title,
			@RequestParam(required = false) String note, @RequestParam(required = false) String helpsNeeded,
			Model model) {
		model.addAttribute("form",
				new AnyPostForm(RequestController.clip(input, 10_000), RequestController.clip(title, 200),
						RequestController.number(helpsNeeded), RequestController.clip(note, 1_000), null));
		return page(model, List.of());
	}

	@PostMapping("/post")
	String post(@ModelAttribute("form") AnyPostForm form, BindingResult result,
			@AuthenticationPrincipal MemberPrincipal me, Locale locale, Model model, RedirectAttributes redirect) {
		RequestController.validate(this.validator, form.request(), result);
		if (result.hasFieldErrors("input")) {
			return page(model, List.of());
		}
		ParsedLink link;
		try {
			link = this.requests.read(form.input());
		}
		catch (FieldRejection ex) {
			result.rejectValue("input", ex.messageKey(), ex.arguments(), ex.messageKey());
			return page(model, List.of());
		}
		List<Choice> choices = choices(me.id(), link, locale);
		Choice picked = pick(choices, form.group());
		if (picked == null || result.hasErrors()) {
			if (choices.isEmpty()) {
				String what = this.messages.getMessage("platform." + link.platform().name(), null, locale);
				result.rejectValue("input", "post.global.none", new Object[] { what }, null);
				model.addAttribute("noGroup", true);
			}
			return page(model, choices);
		}
		GroupView group = this.groups.get(picked.slug());
		try {
			if (!picked.member()) {
				// the member chose "join and post" for a public group
				this.groups.join(group.slug(), me.id(), null);
			}
			RequestView posted = this.requests.post(me.id(), group, form.request(), null);
			redirect.addFlashAttribute("flash", "request.posted");
			return "redirect:/r/" + posted.id();
		}
		catch (ConstraintViolationException ex) {
			com.helpboard.system.Violations.rejectInto(ex, result);
		}
		catch (NotFound ex) {
			throw ex;
		}
		catch (FieldRejection ex) {
			if (Requests.DUPLICATE.equals(ex.messageKey())) {
				model.addAttribute("duplicatePath", ex.arguments()[0]);
				result.rejectValue("input", "request.duplicate.form");
			}
			else {
				result.rejectValue(ex.field().equals("campaign") ? "input" : ex.field(), ex.messageKey(),
						ex.arguments(), ex.messageKey());
			}
		}
		catch (HelpBoardException ex) {
			result.reject(ex.messageKey(), ex.arguments(), ex.messageKey());
		}
		return page(model, choices);
	}

	/**
	 * The groups the link fits that the member can post to now, best first; only the best
	 * kind (the member's own before others, the link's campaign before only its app).
	 */
	private List<Choice> choices(long memberId, ParsedLink link, Locale locale) {
		List<Long> mine = this.groups.groupIdsOf(memberId);
		List<Choice> best = new ArrayList<>();
		int bestRank = Integer.MAX_VALUE;
		for (GroupView group : this.requests.groupsFor(memberId, link.platform(), link.campaignGuess())) {
			boolean member = mine.contains(group.id());
			if (!member && (group.isPrivate() || this.requests.platformOf(group) == null)) {
				// outside the member's groups, only a public group for this app
				continue;
			}
			if (member && !this.requests.postingBlocks(memberId, group).isEmpty()) {
				continue;
			}
			int rank = (member ? 0 : 10)
					+ ((link.campaignGuess() != null && link.campaignGuess().equals(group.defaultCampaign())) ? 0
							: (this.requests.platformOf(group) != null) ? 1 : 2);
			if (rank < bestRank) {
				best.clear();
				bestRank = rank;
			}
			if (rank == bestRank) {
				best.add(new Choice(group.slug(), group.name().in(locale), member));
			}
		}
		return best;
	}

	/**
	 * The group to post into: the one picked (when it is a choice), else the only one
	 * that fits when the member belongs to it; null when the member must choose.
	 */
	private static Choice pick(List<Choice> choices, String picked) {
		if (picked != null && !picked.isBlank()) {
			return choices.stream().filter((c) -> c.slug().equals(picked)).findFirst().orElse(null);
		}
		return (choices.size() == 1 && choices.get(0).member()) ? choices.get(0) : null;
	}

	private String page(Model model, List<Choice> choices) {
		model.addAttribute("choices", choices);
		model.addAttribute("maxTitle", Requests.MAX_TITLE);
		model.addAttribute("maxNote", Requests.MAX_NOTE);
		if (!model.containsAttribute("noGroup")) {
			model.addAttribute("noGroup", false);
		}
		return "request/post-any";
	}

}
