package com.helpboard.help;

import java.time.Instant;
import java.util.Map;

import com.helpboard.account.MemberPrincipal;
import com.helpboard.help.spi.HelpPaymentNotes;
import com.helpboard.request.Campaign;
import com.helpboard.request.Campaigns;
import com.helpboard.system.PageResponse;
import com.helpboard.system.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Slice;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** "我帮过的": the claims a member made, on a page and through the API. */
@Controller
class HelpedController {

	static final int PAGE_SIZE = 20;

	private final Helps helps;

	private final Campaigns campaigns;

	private final HelpPaymentNotes payments;

	HelpedController(Helps helps, Campaigns campaigns, HelpPaymentNotes payments) {
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

	record HelpedJson(long id, long request, @Nullable String title, String campaign, String author, String status,
			Instant createdAt, @Nullable Instant decidedAt, boolean autoConfirmed, @Nullable Long credits,
			@Nullable String paymentState, @Nullable String explanation) {

		static HelpedJson of(HelpedClaim claim, HelpPaymentNotes.@Nullable Paid paid) {
			return new HelpedJson(claim.id(), claim.requestId(), claim.requestTitle(), claim.campaign(), claim.author(),
					claim.status().name(), claim.createdAt(), claim.decidedAt(), claim.autoConfirmed(),
					(paid != null) ? paid.credits() : null, (paid != null) ? paid.state() : null,
					(paid != null) ? paid.explanation() : null);
		}

	}

	/** The same, paged: {@code {items, page, size, hasNext}}, newest first. */
	@GetMapping("/api/v1/me/claims")
	@ResponseBody
	PageResponse<HelpedJson> api(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal MemberPrincipal me) {
		Slice<HelpedClaim> claims = this.helps.claimsBy(me.id(), Paging.of(page, size));
		Map<Long, HelpPaymentNotes.Paid> paid = paid(claims);
		return PageResponse.of(claims, (claim) -> HelpedJson.of(claim, paid.get(claim.id())));
	}

}
