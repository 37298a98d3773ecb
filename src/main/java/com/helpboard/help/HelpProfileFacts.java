package com.helpboard.help;

import java.util.Map;

import com.helpboard.account.ProfileFacts;

import org.springframework.stereotype.Component;

/**
 * Puts the member's helps given and received on the profile and {@code GET /api/v1/me}.
 */
@Component
class HelpProfileFacts implements ProfileFacts {

	private final Helps helps;

	HelpProfileFacts(Helps helps) {
		this.helps = helps;
	}

	@Override
	public void contribute(long memberId, Map<String, Object> facts) {
		facts.put("helpsGiven", this.helps.helpsGiven(memberId));
		facts.put("helpsReceived", this.helps.helpsReceived(memberId));
	}

}
