package com.helpboard.credit;

import com.helpboard.account.MemberPrincipal;
import com.helpboard.system.PageResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LedgerApiController {

	private final Credits credits;

	LedgerApiController(Credits credits) {
		this.credits = credits;
	}

	@GetMapping("/api/v1/me/ledger")
	PageResponse<LedgerEntryView> ledger(@AuthenticationPrincipal MemberPrincipal me,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return PageResponse.of(this.credits.history(me.id(), LedgerPaging.of(page, size)), (entry) -> entry);
	}

}
