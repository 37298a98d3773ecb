package com.helpboard.help;

import java.util.List;

/**
 * A batch of claims confirmed together (the auto-confirm job): one {@link ClaimConfirmed}
 * per claim. Unlike those it is not stored in the event publication registry: it is
 * published inside the confirming transaction and its listeners act in that transaction
 * (the credit module pays the helpers there), so a batch is confirmed and paid together
 * or not at all, and nothing waits for a dead instance's publications to be resubmitted.
 */
public record ClaimsConfirmed(List<ClaimConfirmed> claims) {

	public ClaimsConfirmed {
		claims = List.copyOf(claims);
	}

}
