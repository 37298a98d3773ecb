package com.helpboard.credit;

import java.time.ZonedDateTime;
import java.util.List;

import com.helpboard.account.MemberPrincipal;
import com.helpboard.group.GroupView;
import com.helpboard.group.Groups;
import com.helpboard.request.RequestView;
import com.helpboard.request.Requests;
import com.helpboard.system.ChinaTime;
import com.helpboard.system.HelpBoardException;
import com.helpboard.system.NotAllowed;
import com.helpboard.system.NotFound;
import com.helpboard.system.RefusalOnPage;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The author's boost page: the group's prices, my balance, this request's boosts. */
@Controller
class BoostController {

	private final Boosts boosts;

	private final Requests requests;

	private final Groups groups;

	private final Credits credits;

	BoostController(Boosts boosts, Requests requests, Groups groups, Credits credits) {
		this.boosts = boosts;
		this.requests = requests;
		this.groups = groups;
		this.credits = credits;
	}

	/** A boost as the page shows it: times in China, where the members are. */
	record BoostRow(long id, String status, long cost, int hours, ZonedDateTime startsAt, ZonedDateTime endsAt,
			boolean estimate) {

		static BoostRow of(BoostView boost) {
			return new BoostRow(boost.id(), boost.status(), boost.cost(), boost.hours(), china(boost.startsAt()),
					china(boost.endsAt()), boost.isEstimate());
		}

		private static ZonedDateTime china(java.time.Instant at) {
			return (at != null) ? at.atZone(ChinaTime.ZONE) : null;
		}

	}

	/** One of the group's durations with its price. */
	record HourChoice(int hours, long cost) {
	}

	@GetMapping("/r/{id}/boost")
	String page(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, Model model) {
		return page(id, me, model, null);
	}

	@PostMapping("/r/{id}/boost")
	String buy(@PathVariable long id, @RequestParam(required = false) Integer hours,
			@AuthenticationPrincipal MemberPrincipal me, Model model, RedirectAttributes redirect) {
		try {
			if (hours == null) {
				throw HelpBoardException.badRequest("boost.hours.missing");
			}
			BoostView boost = this.boosts.boost(me.id(), id, hours);
			redirect.addFlashAttribute("flash", "boost.bought." + boost.status());
			redirect.addFlashAttribute("flashArgs", new Object[] { boost.cost(), boost.hours() });
			return "redirect:/r/" + id + "/boost";
		}
		catch (NotFound | NotAllowed ex) {
			if (Boosts.NEW_ACCOUNT.equals(ex.messageKey())) {
				// the author's own page, refused in words: a new account cannot boost yet
				return page(id, me, model, ex);
			}
			throw ex;
		}
		catch (HelpBoardException ex) {
			return page(id, me, model, ex);
		}
	}

	private String page(long id, MemberPrincipal me, Model model, HelpBoardException error) {
		RequestView request = this.requests.get(id, me.id());
		if (request.authorId() != me.id()) {
			throw HelpBoardException.forbidden("boost.not-author");
		}
		GroupView group = this.groups.findById(request.groupId())
			.orElseThrow(() -> HelpBoardException.notFound("request.not-found"));
		GroupView.BoostRule rule = group.boostRule();
		List<HourChoice> choices = rule.hourChoices()
			.stream()
			.map((hours) -> new HourChoice(hours, rule.cost(hours)))
			.toList();
		model.addAttribute("request", request);
		model.addAttribute("group", group);
		model.addAttribute("rule", rule);
		model.addAttribute("choices", choices);
		model.addAttribute("balance", this.credits.balance(me.id()));
		model.addAttribute("boosts", this.boosts.boostsOf(id).stream().map(BoostRow::of).toList());
		if (error != null) {
			RefusalOnPage.show(model, error);
		}
		return "credit/boost";
	}

}
