package com.helpboard.credit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A member's credits beyond the ledger: the spendable balance, credits earned and held
 * until their authors come of age, a debt later earnings pay first, and whether (and from
 * when) the member is established, so that their own confirmations pay at once.
 */
public record CreditSummary(long balance, long held, long debt, boolean established, @Nullable Instant establishedAt) {

}
