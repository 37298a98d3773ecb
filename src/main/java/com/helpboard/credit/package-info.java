/**
 * Mutual-help credits: an append-only ledger with a derived balance that never goes below
 * zero. Its facade is {@link com.helpboard.credit.Credits}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Credits",
		allowedDependencies = { "account", "group", "help", "help::spi", "request", "system" })
@org.jspecify.annotations.NullMarked
package com.helpboard.credit;
