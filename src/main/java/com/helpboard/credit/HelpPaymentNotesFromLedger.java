package com.helpboard.credit;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.helpboard.account.Accounts;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link com.helpboard.help.spi.HelpPaymentNotes} from the payments this module recorded.
 */
@Component
class HelpPaymentNotesFromLedger implements com.helpboard.help.spi.HelpPaymentNotes {

	private final HelpPayments payments;

	private final Accounts members;

	private final CreditExplanations explanations;

	private final CreditSettings settings;

	HelpPaymentNotesFromLedger(HelpPayments payments, Accounts members, CreditExplanations explanations,
			CreditSettings settings) {
		this.payments = payments;
		this.members = members;
		this.explanations = explanations;
		this.settings = settings;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, Paid> of(Collection<Long> claimIds, Locale locale) {
		Map<Long, HelpPayments.Payment> decided = this.payments.ofClaims(claimIds);
		Set<Long> authors = decided.values().stream().map(HelpPayments.Payment::authorId).collect(Collectors.toSet());
		Map<Long, String> names = authors.isEmpty() ? Map.of() : this.members.usernames(authors);
		Map<Long, Paid> paid = new HashMap<>();
		decided.forEach((claimId, payment) -> {
			HelpPaymentView view = HelpPaymentView.of(payment, names.get(payment.authorId()), this.settings);
			paid.put(claimId, new Paid(payment.amount(), payment.state().name(), this.explanations.of(view, locale)));
		});
		return paid;
	}

}
