package com.helpboard.credit;

import java.util.Map;

import com.helpboard.account.ProfileFacts;

import org.springframework.stereotype.Component;

/** Puts the member's credit balance on the profile and {@code GET /api/v1/me}. */
@Component
class CreditProfileFacts implements ProfileFacts {

	private final Credits credits;

	CreditProfileFacts(Credits credits) {
		this.credits = credits;
	}

	@Override
	public void contribute(long memberId, Map<String, Object> facts) {
		facts.put("balance", this.credits.balance(memberId));
	}

}
