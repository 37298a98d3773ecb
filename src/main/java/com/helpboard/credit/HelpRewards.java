package com.helpboard.credit;

import com.helpboard.help.ClaimConfirmed;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Pays the helper of a confirmed claim. Runs after the confirmation committed, from
 * Spring Modulith's persisted event registry: a crash in between is repaired by
 * republishing on restart, and the idempotency key makes a replay pay nothing twice.
 */
@Component
class HelpRewards {

	private final Credits credits;

	private final long creditsPerHelp;

	HelpRewards(Credits credits, CreditSettings settings) {
		this.credits = credits;
		this.creditsPerHelp = settings.perHelp();
	}

	@ApplicationModuleListener
	void on(ClaimConfirmed event) {
		this.credits.earn(event.helperId(), this.creditsPerHelp, key(event.claimId()), "claim:" + event.claimId());
	}

	static String key(long claimId) {
		return "claim:" + claimId + ":confirmed";
	}

}
