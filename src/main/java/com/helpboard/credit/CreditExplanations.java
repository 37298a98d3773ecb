package com.helpboard.credit;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Says in the reader's words what a help paid and why ("this help paid no credit: 3
 * credits from this member this week already"): for pages
 * ({@code @creditExplanations.of(…)}) and the API's {@code explanation} fields.
 */
@Component("creditExplanations")
public class CreditExplanations {

	private final MessageSource messages;

	CreditExplanations(MessageSource messages) {
		this.messages = messages;
	}

	/** The explanation of a help's payment, in the current request's language. */
	public String of(HelpPaymentView help) {
		return of(help, LocaleContextHolder.getLocale());
	}

	/** The explanation of a ledger entry's help, if it is one. */
	public @Nullable String of(LedgerEntryView entry) {
		return (entry.help() != null) ? of(entry.help()) : null;
	}

	String of(HelpPaymentView help, Locale locale) {
		return this.messages.getMessage(help.explanationKey(), help.explanationArgs().toArray(), locale);
	}

}
