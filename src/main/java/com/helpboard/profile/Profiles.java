package com.helpboard.profile;

import java.util.List;

import com.helpboard.account.Accounts;
import com.helpboard.account.MemberSummary;
import com.helpboard.credit.CreditSummary;
import com.helpboard.credit.Credits;
import com.helpboard.credit.HelpPaymentView;
import com.helpboard.group.GroupView;
import com.helpboard.group.Groups;
import com.helpboard.help.Helps;
import com.helpboard.system.HelpBoardException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The profile module's facade: a member's profile from the account, group, help and
 * credit modules.
 */
@Service
@Transactional(readOnly = true)
public class Profiles {

	private final Accounts accounts;

	private final Groups groups;

	private final Helps helps;

	private final Credits credits;

	static final int LATEST_HELPS = 5;

	Profiles(Accounts accounts, Groups groups, Helps helps, Credits credits) {
		this.accounts = accounts;
		this.groups = groups;
		this.helps = helps;
		this.credits = credits;
	}

	public Profile of(long memberId) {
		MemberSummary member = this.accounts.findById(memberId)
			.orElseThrow(() -> HelpBoardException.notFound("account.member.not-found"));
		CreditSummary credits = this.credits.summary(memberId);
		return new Profile(member.id(), member.username(), credits.balance(), this.helps.helpsGiven(memberId),
				this.helps.helpsReceived(memberId), member.standing(),
				this.groups.groupsOf(memberId).stream().map(GroupView::slug).toList(), member.joinedAt(),
				credits.held(), credits.debt(), credits.established(), this.accounts.nickname(memberId).orElse(null));
	}

	/** What the member's latest confirmed helps paid, and why (docs/credits.md). */
	public List<HelpPaymentView> latestHelpPayments(long memberId) {
		return this.credits.helpPayments(memberId, LATEST_HELPS);
	}

}
