package com.helpboard.help;

import java.time.Instant;
import java.util.Map;

import com.helpboard.account.Accounts;
import com.helpboard.account.MemberPrincipal;
import com.helpboard.help.spi.HelpPaymentNotes;
import com.helpboard.request.Campaign;
import com.helpboard.request.Campaigns;
import com.helpboard.system.HelpBoardException;
import com.helpboard.system.NotAllowed;
import com.helpboard.system.NotFound;
import com.helpboard.system.PageResponse;
import com.helpboard.system.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Slice;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "我帮过的": the claims a member made, on a page and through the API. */
@Controller
class HelpedController {

	static final int PAGE_SIZE = 20;

	private final Helps helps;

	private final Campaigns campaigns;

	private final HelpPaymentNotes payments;

	private final Accounts accounts;

	HelpedController(Helps helps, Campaigns campaigns, HelpPaymentNotes payments, Accounts accounts) {
		this.accounts = accounts;
		this.helps = helps;
		this.campaigns = campaigns;
		this.payments = payments;
	}

	private Map<Long, HelpPaymentNotes.Paid> paid(Slice<HelpedClaim> claims) {
		return this.payments.of(claims.getContent().stream().map(HelpedClaim::id).toList(),
				LocaleContextHolder.getLocale());
	}

	@GetMapping("/me/helped")
	String helped(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal MemberPrincipal me,
			Model model) {
		Slice<HelpedClaim> claims = this.helps.claimsBy(me.id(), Paging.of(page, PAGE_SIZE));
		Map<String, Campaign> campaigns = this.campaigns.byCode();
		model.addAttribute("claims", claims);
		// what each confirmed help paid and why, in words (the pair cap, a held credit,
		// …)
		model.addAttribute("paid", paid(claims));
		model.addAttribute("campaigns", campaigns);
		return "help/helped";
	}

	/**
	 * The helper answers the rejection of their claim, once; refusals come back as the
	 * page's message (someone else's claim: 403; unknown: 404).
	 */
	@PostMapping("/claims/{id}/answer")
	String answer(@PathVariable long id, @RequestParam(required = false) String text,
			@AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		try {
			this.helps.answer(me.id(), id, text);
			redirect.addFlashAttribute("flash", "help.answered");
		}
		catch (NotFound | NotAllowed ex) {
			throw ex;
		}
		catch (HelpBoardException ex) {
			redirect.addFlashAttribute("flash", ex.messageKey());
			redirect.addFlashAttribute("flashArgs", ex.arguments());
		}
		return "redirect:/me/helped";
	}

	record HelpedJson(long id, long request, @Nullable String title, String campaign, String author, String status,
			Instant createdAt, @Nullable Instant decidedAt, boolean autoConfirmed, @Nullable Long credits,
			@Nullable String paymentState, @Nullable String explanation, @Nullable String rejectReason,
			@Nullable String answer, @Nullable String helperNickname) {

		static HelpedJson of(HelpedClaim claim, HelpPaymentNotes.@Nullable Paid paid, @Nullable String nickname) {
			return new HelpedJson(claim.id(), claim.requestId(), claim.requestTitle(), claim.campaign(), claim.author(),
					claim.status().name(), claim.createdAt(), claim.decidedAt(), claim.autoConfirmed(),
					(paid != null) ? paid.credits() : null, (paid != null) ? paid.state() : null,
					(paid != null) ? paid.explanation() : null,
					(claim.rejectReason() != null) ? claim.rejectReason().name() : null, claim.answer(), nickname);
		}

	}

	/** The same, paged: {@code {items, page, size, hasNext}}, newest first. */
	@GetMapping("/api/v1/me/claims")
	@ResponseBody
	PageResponse<HelpedJson> api(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal MemberPrincipal me) {
		Slice<HelpedClaim> claims = this.helps.claimsBy(me.id(), Paging.of(page, size));
		Map<Long, HelpPaymentNotes.Paid> paid = paid(claims);
		// the member's own nickname, as the author sees it on each of these claims
		String nickname = this.accounts.nickname(me.id()).orElse(null);
		return PageResponse.of(claims, (claim) -> HelpedJson.of(claim, paid.get(claim.id()), nickname));
	}

}
