package com.helpboard.credit;

import java.util.List;

import com.helpboard.help.ClaimConfirmed;
import com.helpboard.help.ClaimReversed;
import com.helpboard.help.ClaimsConfirmed;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Pays the helper of a confirmed claim, by the economy's rules (docs/credits.md). One
 * confirmation is paid after it committed, from Spring Modulith's persisted event
 * registry: a crash in between is repaired by republishing on restart, and the claim's
 * {@code help_payments} row (and the ledger key) make a replay pay nothing twice. A batch
 * of auto-confirmed claims is paid inside the transaction that confirms it, so the two
 * commit together or not at all. Either way the ledger key is
 * {@code claim:<id>:confirmed}: one entry per claim, whichever way it came. A claim its
 * author rejected after it confirmed itself has its credit taken back.
 */
@Component
class HelpRewards {

	private final Credits credits;

	HelpRewards(Credits credits) {
		this.credits = credits;
	}

	@ApplicationModuleListener
	void on(ClaimConfirmed event) {
		this.credits.payForHelps(List.of(toPay(event)));
	}

	@EventListener
	void on(ClaimsConfirmed batch) {
		this.credits.payForHelps(batch.claims().stream().map(HelpRewards::toPay).toList());
	}

	@ApplicationModuleListener
	void on(ClaimReversed event) {
		this.credits.reverseHelp(event.claimId(), event.requestId(), event.helperId(), event.authorId());
	}

	private static Credits.HelpToPay toPay(ClaimConfirmed claim) {
		return new Credits.HelpToPay(claim.claimId(), claim.requestId(), claim.helperId(), claim.authorId(),
				claim.automatic());
	}

	static String key(long claimId) {
		return "claim:" + claimId + ":confirmed";
	}

}
