package com.helpboard.credit;

import java.time.LocalDate;

import com.helpboard.system.HelpBoardException;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A member's baseline: the balance all their ledger entries add up to, and what they
 * earned by helping today. Refuses to go below zero; the database refuses it too.
 */
@Entity
@Table(name = "credit_accounts")
class CreditAccount {

	@Id
	private Long memberId;

	private long balance;

	private long earnedToday;

	private LocalDate earnedDay;

	@Version
	private long version;

	protected CreditAccount() {
	}

	CreditAccount(long memberId) {
		this.memberId = memberId;
	}

	/**
	 * Credits what is left of today's earning cap, at most {@code requested}.
	 * @return the amount credited, 0 when the cap is used up
	 */
	long earn(long requested, long dailyCap, LocalDate today) {
		if (!today.equals(this.earnedDay)) {
			this.earnedDay = today;
			this.earnedToday = 0;
		}
		long granted = Math.min(requested, Math.max(0, dailyCap - this.earnedToday));
		this.earnedToday += granted;
		this.balance = Math.addExact(this.balance, granted);
		return granted;
	}

	/** Adds a signed amount; refuses a change that would leave the balance negative. */
	void change(long amount) {
		long after = Math.addExact(this.balance, amount);
		if (after < 0) {
			throw HelpBoardException.conflict("credit.insufficient", this.balance, -amount);
		}
		this.balance = after;
	}

	long memberId() {
		return this.memberId;
	}

	long balance() {
		return this.balance;
	}

	long earnedToday() {
		return this.earnedToday;
	}

}
