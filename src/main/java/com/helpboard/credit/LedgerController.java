package com.helpboard.credit;

import java.time.ZonedDateTime;
import java.util.List;

import com.helpboard.account.MemberPrincipal;
import com.helpboard.system.ChinaTime;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Slice;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LedgerController {

	static final int PAGE_SIZE = 20;

	private final Credits credits;

	LedgerController(Credits credits) {
		this.credits = credits;
	}

	/**
	 * An entry as the page shows it: the time in China, where the day boundaries are; for
	 * a help, its request, the other member and what it paid and why.
	 */
	record LedgerRow(long id, long amount, String kind, String reference, long balanceAfter, long debtAfter,
			ZonedDateTime at, @Nullable HelpPaymentView help) {

		static LedgerRow of(LedgerEntryView entry) {
			return new LedgerRow(entry.id(), entry.amount(), entry.kind(), entry.reference(), entry.balanceAfter(),
					entry.debtAfter(), entry.createdAt().atZone(ChinaTime.ZONE), entry.help());
		}

	}

	@GetMapping("/me/ledger")
	String ledger(@AuthenticationPrincipal MemberPrincipal me, @RequestParam(defaultValue = "0") int page,
			Model model) {
		Slice<LedgerRow> entries = this.credits.history(me.id(), LedgerPaging.of(page, PAGE_SIZE)).map(LedgerRow::of);
		// the newest entry's balance-after agrees with the list by construction;
		// a separate read could see a credit the list above it does not show yet
		model.addAttribute("balance",
				(page == 0) ? entries.getContent().stream().findFirst().map(LedgerRow::balanceAfter).orElse(0L)
						: this.credits.balance(me.id()));
		model.addAttribute("entries", entries);
		model.addAttribute("summary", this.credits.summary(me.id()));
		model.addAttribute("helps", (page == 0) ? this.credits.helpPayments(me.id(), PAGE_SIZE) : List.of());
		return "credit/ledger";
	}

}
