package com.helpboard.credit;

import com.helpboard.help.ClaimConfirmed;
import com.helpboard.help.ClaimsConfirmed;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Pays the helper of a confirmed claim. One confirmation is paid after it committed, from
 * Spring Modulith's persisted event registry: a crash in between is repaired by
 * republishing on restart, and the idempotency key makes a replay pay nothing twice. A
 * batch of auto-confirmed claims is paid inside the transaction that confirms it, so the
 * two commit together or not at all. Either way the key is {@code claim:<id>:confirmed}:
 * one entry per claim, whichever way it came.
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

	@EventListener
	void on(ClaimsConfirmed batch) {
		this.credits.earnAll(batch.claims()
			.stream()
			.map((claim) -> new Credits.Earning(claim.helperId(), this.creditsPerHelp, key(claim.claimId()),
					"claim:" + claim.claimId()))
			.toList());
	}

	static String key(long claimId) {
		return "claim:" + claimId + ":confirmed";
	}

}
