package com.helpboard.credit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.helpboard.system.ChinaTime;
import com.helpboard.system.HelpBoardException;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/**
 * A member's baseline: the balance all their ledger entries add up to, and what they
 * earned by helping today. Every movement goes through one of its methods, which changes
 * the balance and writes the {@link LedgerEntry} that says so (the caller stores it);
 * none leaves the balance below zero, and the database refuses it too.
 * <p>
 * A reversal the balance cannot cover leaves a debt; every later credit pays the debt
 * first (a {@link LedgerEntryKind#DEBT_PAYMENT} entry right after it), so a member with a
 * debt has an empty balance ({@code debt = 0 or balance = 0}, also a CHECK).
 */
@Entity
@Table(name = "credit_accounts")
class CreditAccount {

	@Id
	private Long memberId;

	private long balance;

	private long earnedToday;

	private LocalDate earnedDay;

	private long debt;

	// the debt payments the last credits wrote, for the caller to store after them
	@Transient
	private List<LedgerEntry> debtPayments = new ArrayList<>();

	@Version
	private long version;

	protected CreditAccount() {
	}

	CreditAccount(long memberId) {
		this.memberId = memberId;
	}

	/**
	 * An account as its row holds it, read outside the persistence context
	 * ({@link CreditAccountWrites#lockAll}).
	 */
	static CreditAccount read(long memberId, long balance, long earnedToday, LocalDate earnedDay, long debt,
			long version) {
		CreditAccount account = new CreditAccount(memberId);
		account.balance = balance;
		account.earnedToday = earnedToday;
		account.earnedDay = earnedDay;
		account.debt = debt;
		account.version = version;
		return account;
	}

	/**
	 * Credits confirmed help: what is left of today's cap (midnight to midnight, China
	 * time), at most {@code requested}.
	 * @return the entry, for less than asked when the cap cut it; empty when the cap is
	 * used up, and then nothing changed
	 */
	Optional<LedgerEntry> earn(CreditAmount requested, CreditAmount dailyCap, String key, String reference,
			Instant now) {
		LocalDate today = ChinaTime.day(now);
		if (!today.equals(this.earnedDay)) {
			this.earnedDay = today;
			this.earnedToday = 0;
		}
		CreditAmount granted = requested.min(dailyCap.minusAtMost(earnedToday()));
		if (granted.isZero()) {
			return Optional.empty();
		}
		this.earnedToday = earnedToday().plus(granted).value();
		return Optional.of(credit(LedgerEntryKind.EARN, granted, key, reference, now));
	}

	/** Pays for something bought; refuses ({@code credit.insufficient}) when short. */
	LedgerEntry spend(CreditAmount price, String key, String reference, Instant now) {
		return debit(LedgerEntryKind.SPEND, price, key, reference, now);
	}

	/** Gives back what was spent on something that did not happen. */
	LedgerEntry refund(CreditAmount amount, String key, String reference, Instant now) {
		return credit(LedgerEntryKind.REFUND, amount, key, reference, now);
	}

	/** A gift: signup grant, promotion. */
	LedgerEntry grant(CreditAmount amount, String key, String reference, Instant now) {
		return credit(LedgerEntryKind.GRANT, amount, key, reference, now);
	}

	/**
	 * A moderator's correction either way; refuses ({@code credit.insufficient}) one that
	 * would leave the balance below zero.
	 */
	LedgerEntry adjust(long signedAmount, String key, String reference, Instant now) {
		CreditAmount size = CreditAmount.of(Math.absExact(signedAmount));
		return (signedAmount < 0) ? debit(LedgerEntryKind.ADJUST, size, key, reference, now)
				: credit(LedgerEntryKind.ADJUST, size, key, reference, now);
	}

	/** A held credit, released when its author came of age; paid as an earning. */
	LedgerEntry release(CreditAmount amount, String key, String reference, Instant now) {
		return credit(LedgerEntryKind.RELEASE, amount, key, reference, now);
	}

	/**
	 * Takes back what a help paid: from the balance as far as it goes, the rest as a debt
	 * that later credits pay first. Never leaves the balance below zero.
	 */
	LedgerEntry reverse(CreditAmount amount, String key, String reference, Instant now) {
		long taken = Math.min(this.balance, amount.value());
		this.balance -= taken;
		this.debt += amount.value() - taken;
		return new LedgerEntry(this.memberId, -taken, LedgerEntryKind.REVERSAL, key, reference, this.balance, this.debt,
				now);
	}

	private LedgerEntry credit(LedgerEntryKind kind, CreditAmount amount, String key, String reference, Instant now) {
		this.balance = balance().plus(amount).value();
		LedgerEntry entry = new LedgerEntry(this.memberId, amount.value(), kind, key, reference, this.balance,
				this.debt, now);
		if (this.debt > 0) {
			long paid = Math.min(this.debt, this.balance);
			this.debt -= paid;
			this.balance -= paid;
			this.debtPayments.add(new LedgerEntry(this.memberId, -paid, LedgerEntryKind.DEBT_PAYMENT, key + ":debt",
					reference, this.balance, this.debt, now));
		}
		return entry;
	}

	/**
	 * The debt payments written since the last call, in order; the caller stores them.
	 */
	List<LedgerEntry> takeDebtPayments() {
		if (this.debtPayments == null || this.debtPayments.isEmpty()) {
			return List.of();
		}
		List<LedgerEntry> taken = List.copyOf(this.debtPayments);
		this.debtPayments.clear();
		return taken;
	}

	private LedgerEntry debit(LedgerEntryKind kind, CreditAmount amount, String key, String reference, Instant now) {
		if (!balance().covers(amount)) {
			throw HelpBoardException.conflict("credit.insufficient", this.balance, amount.value());
		}
		this.balance = balance().minus(amount).value();
		return new LedgerEntry(this.memberId, -amount.value(), kind, key, reference, this.balance, this.debt, now);
	}

	long memberId() {
		return this.memberId;
	}

	CreditAmount balance() {
		return CreditAmount.of(this.balance);
	}

	CreditAmount earnedToday() {
		return CreditAmount.of(this.earnedToday);
	}

	LocalDate earnedDay() {
		return this.earnedDay;
	}

	/** What reversals left unpaid; later credits pay it first. */
	long debt() {
		return this.debt;
	}

}
