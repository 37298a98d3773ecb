package com.helpboard.credit;

import java.time.Instant;

/** A ledger entry as the API and other modules see it; {@code amount} is signed. */
public record LedgerEntryView(long id, long amount, String kind, String reference, long balanceAfter,
		Instant createdAt) {

}
