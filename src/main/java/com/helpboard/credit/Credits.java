package com.helpboard.credit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.helpboard.system.HelpBoardException;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credit module's facade: every movement of credits goes through here and lands as
 * one ledger entry.
 *
 * <p>
 * Each write carries an idempotency key naming its cause ({@code claim:42:confirmed}):
 * the same key again returns the first entry and changes nothing, whether it comes from a
 * retry, a replayed event after a crash, or a concurrent duplicate. The same key for a
 * different member, kind or amount is a 409. Writes lock the member's account row first
 * ({@code SELECT … FOR UPDATE}), so writes for one member run one after another and the
 * key check cannot race.
 */
@Service
@Transactional
@EnableConfigurationProperties(CreditSettings.class)
public class Credits {

	static final int KEY_MAX = 128;

	static final int REFERENCE_MAX = 255;

	// far above any real movement, far below an overflow
	static final long AMOUNT_MAX = 1_000_000_000L;

	private final CreditAccountRepository accounts;

	private final LedgerEntryRepository entries;

	private final Clock clock;

	private final CreditAmount dailyEarnCap;

	Credits(CreditAccountRepository accounts, LedgerEntryRepository entries, Clock clock, CreditSettings settings) {
		this.accounts = accounts;
		this.entries = entries;
		this.clock = clock;
		this.dailyEarnCap = CreditAmount.of(settings.dailyEarnCap());
	}

	/**
	 * Credits a member for confirmed help, up to what is left of today's cap (midnight to
	 * midnight, China time).
	 * @return the entry, whose amount may be less than asked when the cap cut it; empty
	 * when the cap was already used up, in which case nothing is recorded (not even the
	 * key), so a replay on the same day is empty again
	 */
	public Optional<LedgerEntryView> earn(long memberId, long amount, String idempotencyKey, String reference) {
		return earn(memberId, amount, idempotencyKey, reference, this.clock.instant());
	}

	/** As {@link #earn(long, long, String, String)}, at a given moment (for tests). */
	Optional<LedgerEntryView> earn(long memberId, long amount, String idempotencyKey, String reference, Instant now) {
		CreditAmount requested = positive(amount);
		return record(new Movement(memberId, LedgerEntryKind.EARN, amount, idempotencyKey, reference), now,
				(account, at) -> account.earn(requested, this.dailyEarnCap, idempotencyKey, reference, at));
	}

	/** Takes credits for something bought; 409 {@code credit.insufficient} when short. */
	public LedgerEntryView spend(long memberId, long amount, String idempotencyKey, String reference) {
		CreditAmount price = positive(amount);
		return record(new Movement(memberId, LedgerEntryKind.SPEND, -amount, idempotencyKey, reference),
				this.clock.instant(), (account, at) -> Optional.of(account.spend(price, idempotencyKey, reference, at)))
			.orElseThrow();
	}

	/** Gives back credits spent on something that did not happen. */
	public LedgerEntryView refund(long memberId, long amount, String idempotencyKey, String reference) {
		CreditAmount refund = positive(amount);
		return record(new Movement(memberId, LedgerEntryKind.REFUND, amount, idempotencyKey, reference),
				this.clock.instant(),
				(account, at) -> Optional.of(account.refund(refund, idempotencyKey, reference, at)))
			.orElseThrow();
	}

	/** Gives credits (signup grant, promotion). */
	public LedgerEntryView grant(long memberId, long amount, String idempotencyKey, String reference) {
		CreditAmount gift = positive(amount);
		return record(new Movement(memberId, LedgerEntryKind.GRANT, amount, idempotencyKey, reference),
				this.clock.instant(), (account, at) -> Optional.of(account.grant(gift, idempotencyKey, reference, at)))
			.orElseThrow();
	}

	/**
	 * A moderator's correction by a signed amount; 409 {@code credit.insufficient} if it
	 * would leave the balance below zero.
	 */
	public LedgerEntryView adjust(long memberId, long signedAmount, String idempotencyKey, String reference) {
		if (signedAmount == 0 || signedAmount < -AMOUNT_MAX || signedAmount > AMOUNT_MAX) {
			throw HelpBoardException.badRequest("credit.amount.invalid");
		}
		return record(new Movement(memberId, LedgerEntryKind.ADJUST, signedAmount, idempotencyKey, reference),
				this.clock.instant(),
				(account, at) -> Optional.of(account.adjust(signedAmount, idempotencyKey, reference, at)))
			.orElseThrow();
	}

	@Transactional(readOnly = true)
	public long balance(long memberId) {
		return this.accounts.balanceOf(memberId).orElse(0L);
	}

	/** Balances of many members at once; members who never had credits map to 0. */
	@Transactional(readOnly = true)
	public Map<Long, Long> balances(Collection<Long> memberIds) {
		Map<Long, Long> balances = new HashMap<>();
		memberIds.forEach((id) -> balances.put(id, 0L));
		if (!memberIds.isEmpty()) {
			this.accounts.balancesOf(memberIds).forEach((row) -> balances.put(row.getMemberId(), row.getBalance()));
		}
		return balances;
	}

	/** The member's entries, newest first. */
	@Transactional(readOnly = true)
	public Slice<LedgerEntryView> history(long memberId, Pageable pageable) {
		return this.entries.findByMemberIdOrderByIdDesc(memberId, pageable).map(LedgerEntry::view);
	}

	/**
	 * Runs one movement on the member's account, once per key: checks the key, locks the
	 * account row, lets the account write its entry, stores it.
	 */
	private Optional<LedgerEntryView> record(Movement movement, Instant at, AccountChange change) {
		// the database keeps microseconds; so does the entry returned the first time
		Instant now = at.truncatedTo(ChronoUnit.MICROS);
		String key = movement.key();
		checkKey(key, movement.reference());
		// a replay usually finds its entry here, without taking a lock
		Optional<LedgerEntry> earlier = this.entries.findByIdempotencyKey(key);
		if (earlier.isPresent()) {
			return Optional.of(replayed(earlier.get(), movement));
		}
		CreditAccount account = lockAccount(movement.memberId());
		// checked again under the lock: a concurrent duplicate has committed by now
		earlier = this.entries.findByIdempotencyKey(key);
		if (earlier.isPresent()) {
			return Optional.of(replayed(earlier.get(), movement));
		}
		Optional<LedgerEntry> entry = change.apply(account, now);
		if (entry.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(this.entries.save(entry.get()).view());
		}
		catch (DataIntegrityViolationException ex) {
			// the same key for another member at the same moment: the unique key decided
			throw HelpBoardException.conflict("credit.key.reused");
		}
	}

	private static void checkKey(String key, String reference) {
		if (key == null || key.isBlank() || key.length() > KEY_MAX
				|| (reference != null && reference.length() > REFERENCE_MAX)) {
			throw HelpBoardException.badRequest("credit.key.invalid", KEY_MAX, REFERENCE_MAX);
		}
	}

	/**
	 * Pays many earnings at once, in the caller's transaction (a batch of auto-confirmed
	 * claims is paid in the transaction that confirms it): each as
	 * {@link #earn(long, long, String, String)} would pay it, in the order given, the
	 * daily cap included, once per key: a key already in the ledger was paid and is
	 * skipped. Missing accounts are opened first; then the accounts are locked in member
	 * order, the order every batch takes them in, each earning goes through
	 * {@link CreditAccount#earn}, and the accounts and entries are written a few hundred
	 * per statement.
	 * @return how many entries were written (none for an earning the cap used up)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	int earnAll(List<Earning> earnings) {
		if (earnings.isEmpty()) {
			return 0;
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		for (Earning earning : earnings) {
			checkKey(earning.key(), earning.reference());
			positive(earning.amount());
		}
		Set<String> paid = new HashSet<>(
				this.entries.existingKeys(earnings.stream().map(Earning::key).toArray(String[]::new)));
		Map<Long, CreditAccount> accounts = lockAll(
				earnings.stream().map(Earning::memberId).collect(Collectors.toCollection(TreeSet::new)));
		List<LedgerEntry> written = new ArrayList<>();
		Map<Long, CreditAccount> changed = new HashMap<>();
		for (Earning earning : earnings) {
			if (paid.add(earning.key())) {
				CreditAccount account = accounts.get(earning.memberId());
				account
					.earn(CreditAmount.of(earning.amount()), this.dailyEarnCap, earning.key(), earning.reference(), now)
					.ifPresent((entry) -> {
						written.add(entry);
						changed.put(account.memberId(), account);
					});
			}
		}
		this.accounts.writeAll(changed.values());
		this.entries.insertAll(written);
		return written.size();
	}

	/** One earning of a batch: see {@link #earnAll}. */
	record Earning(long memberId, long amount, String key, String reference) {

	}

	/**
	 * Opens the accounts that are missing (one statement: the others are left alone),
	 * then locks them all in member order.
	 */
	private Map<Long, CreditAccount> lockAll(SortedSet<Long> memberIds) {
		this.accounts.openAllAbsent(memberIds);
		Map<Long, CreditAccount> locked = new HashMap<>();
		this.accounts.lockAllReadOnly(memberIds).forEach((account) -> locked.put(account.memberId(), account));
		if (locked.size() < memberIds.size()) {
			throw HelpBoardException.notFound("credit.member.not-found");
		}
		return locked;
	}

	/** What a caller asks for under a key, as the ledger would record it. */
	private record Movement(long memberId, LedgerEntryKind kind, long signedAmount, String key, String reference) {

	}

	@FunctionalInterface
	private interface AccountChange {

		Optional<LedgerEntry> apply(CreditAccount account, Instant now);

	}

	private static LedgerEntryView replayed(LedgerEntry entry, Movement movement) {
		if (!entry.isSameMovement(movement.memberId(), movement.kind(), movement.signedAmount())) {
			throw HelpBoardException.conflict("credit.key.reused");
		}
		return entry.view();
	}

	private CreditAccount lockAccount(long memberId) {
		Optional<CreditAccount> account = this.accounts.lock(memberId);
		if (account.isPresent()) {
			return account.get();
		}
		// the member's first movement: open the account (or find that a racing writer
		// just did), then lock it like any other
		if (!this.accounts.openIfAbsent(memberId)) {
			throw HelpBoardException.notFound("credit.member.not-found");
		}
		return this.accounts.lock(memberId).orElseThrow();
	}

	private static CreditAmount positive(long amount) {
		if (amount <= 0 || amount > AMOUNT_MAX) {
			throw HelpBoardException.badRequest("credit.amount.invalid");
		}
		return CreditAmount.of(amount);
	}

}
