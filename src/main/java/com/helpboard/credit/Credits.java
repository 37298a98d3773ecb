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

import com.helpboard.account.Accounts;
import com.helpboard.account.MemberSummary;
import com.helpboard.help.HelperAnswers;
import com.helpboard.help.Helps;
import com.helpboard.system.HelpBoardException;
import com.helpboard.system.JobRun;

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

	private final CreditSettings settings;

	private final PaymentRules rules;

	private final HelpPayments payments;

	private final Accounts members;

	private final Helps helps;

	Credits(CreditAccountRepository accounts, LedgerEntryRepository entries, Clock clock, CreditSettings settings,
			HelpPayments payments, Accounts members, Helps helps) {
		this.accounts = accounts;
		this.entries = entries;
		this.clock = clock;
		this.dailyEarnCap = CreditAmount.of(settings.dailyEarnCap());
		this.settings = settings;
		this.rules = new PaymentRules(settings);
		this.payments = payments;
		this.members = members;
		this.helps = helps;
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
		Slice<LedgerEntry> slice = this.entries.findByMemberIdOrderByIdDesc(memberId, pageable);
		Map<Long, Long> claimOf = new HashMap<>();
		slice.forEach((entry) -> HelpPaymentView.claimId(entry.reference())
			.ifPresent((claimId) -> claimOf.put(entry.id(), claimId)));
		Map<Long, HelpPayments.Payment> payments = this.payments.ofClaims(new HashSet<>(claimOf.values()));
		Set<Long> others = new HashSet<>();
		payments.values().forEach((payment) -> others.add(payment.authorId()));
		Map<Long, String> names = others.isEmpty() ? Map.of() : this.members.usernames(others);
		return slice.map((entry) -> {
			LedgerEntryView view = entry.view();
			HelpPayments.Payment payment = payments.get(claimOf.get(entry.id()));
			if (payment == null) {
				return view;
			}
			return view.withHelp(HelpPaymentView.of(payment, names.get(payment.authorId()), this.settings));
		});
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
			LedgerEntryView saved = this.entries.save(entry.get()).view();
			account.takeDebtPayments().forEach(this.entries::save);
			return Optional.of(saved);
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

	/** A confirmed help to pay: see {@link #payForHelps}. */
	record HelpToPay(long claimId, long requestId, long helperId, long authorId, boolean automatic) {

	}

	/**
	 * Pays confirmed helps by the economy's rules (docs/credits.md,
	 * {@link PaymentRules}), in the caller's transaction, each once: a claim whose
	 * payment is decided already is skipped. The helpers' and authors' accounts are
	 * locked first, in member order (the order every batch takes them in), so that the
	 * pair caps, counted next, cannot race; then a fixed handful of statements counts the
	 * caps, finds the established and suspended authors and the helpers' answered claims,
	 * and writes the accounts, the ledger entries and one {@code help_payments} row per
	 * help, whatever the number of helps. A help confirmed by hand by an established
	 * author vouches for its helper.
	 * @return how many helps were decided
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	int payForHelps(List<HelpToPay> helps) {
		if (helps.isEmpty()) {
			return 0;
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		SortedSet<Long> memberIds = new TreeSet<>();
		helps.forEach((help) -> {
			memberIds.add(help.helperId());
			memberIds.add(help.authorId());
		});
		Map<Long, CreditAccount> locked = lockAll(memberIds);
		Set<Long> decided = new HashSet<>(
				this.payments.decided(helps.stream().map(HelpToPay::claimId).distinct().toList()));
		List<HelpToPay> due = helps.stream().filter((help) -> decided.add(help.claimId())).toList();
		if (due.isEmpty()) {
			return 0;
		}
		Set<Long> authorIds = due.stream().map(HelpToPay::authorId).collect(Collectors.toSet());
		Map<HelpPayments.Pair, Long> counts = this.payments.countsSince(memberIds, now.minus(CreditSettings.WEEK));
		Set<Long> established = new HashSet<>(this.payments.establishedAmong(authorIds, now));
		Set<Long> suspended = this.members.suspendedAmong(authorIds);
		List<Long> autoHelpers = due.stream().filter(HelpToPay::automatic).map(HelpToPay::helperId).distinct().toList();
		Map<Long, HelperAnswers> answers = autoHelpers.isEmpty() ? Map.of()
				: this.helps.answersOf(autoHelpers, this.settings.autoPayAnswers());
		List<LedgerEntry> written = new ArrayList<>();
		Map<Long, CreditAccount> changed = new HashMap<>();
		List<HelpPayments.Payment> rows = new ArrayList<>();
		List<HelpToPay> vouching = new ArrayList<>();
		for (HelpToPay help : due) {
			HelpPayments.Pair pair = new HelpPayments.Pair(help.helperId(), help.authorId());
			long fromAuthor = counts.getOrDefault(pair, 0L);
			HelperAnswers record = answers.getOrDefault(help.helperId(), HelperAnswers.NONE);
			PaymentRules.Decision decision = this.rules.decide(new PaymentRules.Facts(help.automatic(),
					suspended.contains(help.authorId()), established.contains(help.authorId()), fromAuthor,
					fromAuthor + counts.getOrDefault(pair.reversed(), 0L), record.answered(), record.confirmed()));
			if (decision.state() == PaymentState.PAID) {
				CreditAccount account = locked.get(help.helperId());
				Optional<LedgerEntry> entry = account.earn(CreditAmount.of(decision.amount()), this.dailyEarnCap,
						HelpRewards.key(help.claimId()), "claim:" + help.claimId(), now);
				if (entry.isPresent()) {
					written.add(entry.get());
					written.addAll(account.takeDebtPayments());
					changed.put(account.memberId(), account);
					decision = new PaymentRules.Decision(PaymentState.PAID, entry.get().amount(), null);
				}
				else {
					decision = PaymentRules.Decision.none(PaymentReason.DAILY_CAP);
				}
			}
			if (decision.counts()) {
				counts.merge(pair, decision.amount(), Long::sum);
			}
			rows.add(new HelpPayments.Payment(help.claimId(), help.requestId(), help.helperId(), help.authorId(),
					decision.amount(), decision.state(), decision.reason(), help.automatic(), now, null));
			if (!help.automatic() && established.contains(help.authorId()) && !suspended.contains(help.authorId())) {
				vouching.add(help);
			}
		}
		this.accounts.writeAll(changed.values());
		this.entries.insertAll(written);
		this.payments.insertAll(rows);
		for (HelpToPay help : vouching) {
			this.members.findById(help.helperId())
				.map(MemberSummary::joinedAt)
				.ifPresent((joined) -> this.payments.vouch(help.helperId(), help.authorId(), now,
						later(now, joined.plus(this.settings.newAccountAge()))));
		}
		return rows.size();
	}

	private static Instant later(Instant one, Instant other) {
		return one.isAfter(other) ? one : other;
	}

	/**
	 * Takes back what a help paid when its author rejected it after it confirmed itself:
	 * a {@link LedgerEntryKind#REVERSAL} entry from the balance as far as it goes, the
	 * rest as debt (later credits pay it first); a held credit is simply never released.
	 * Once per claim: the payment's row is locked and marked {@code REVERSED}. A payment
	 * not decided yet is recorded as reversed, so it never pays.
	 */
	public void reverseHelp(long claimId, long requestId, long helperId, long authorId) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Optional<HelpPayments.Payment> found = this.payments.lock(claimId);
		if (found.isEmpty()) {
			this.payments.insertAll(List.of(new HelpPayments.Payment(claimId, requestId, helperId, authorId, 0,
					PaymentState.REVERSED, PaymentReason.REJECTED_AFTER_AUTO, true, now, now)));
			return;
		}
		HelpPayments.Payment payment = found.get();
		if (payment.state() == PaymentState.REVERSED) {
			return;
		}
		boolean credited = payment.state() == PaymentState.PAID || payment.state() == PaymentState.RELEASED;
		if (credited && payment.amount() > 0) {
			String key = "claim:" + claimId + ":reversed";
			if (this.entries.findByIdempotencyKey(key).isEmpty()) {
				CreditAccount account = lockAccount(helperId);
				this.entries.save(account.reverse(CreditAmount.of(payment.amount()), key, "claim:" + claimId, now));
			}
		}
		this.payments
			.settleAll(List.of(payment.settled(PaymentState.REVERSED, PaymentReason.REJECTED_AFTER_AUTO, now)));
	}

	/**
	 * The release job's backlog ({@link JobRun.Backlog}): how many held credits
	 * {@link #releaseHeld} would take, those another transaction holds included, counted
	 * up to {@code atMost}.
	 */
	public int heldBacklog(int atMost) {
		return this.payments.countReleasable(this.clock.instant().truncatedTo(ChronoUnit.MICROS), atMost);
	}

	/**
	 * One batch of the release job: up to {@code size} held credits whose authors came of
	 * age, that no other transaction holds ({@code FOR UPDATE SKIP LOCKED}, so instances
	 * running the job at once never take the same), are credited as
	 * {@link LedgerEntryKind#RELEASE} entries (key {@code claim:<id>:released}), or
	 * cancelled when their author's account was suspended meanwhile. Each payment leaves
	 * {@code HELD} in the transaction that credits it, so it is released once.
	 */
	@Transactional
	public JobRun.Batch releaseHeld(int size) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		List<HelpPayments.Payment> held = this.payments.lockReleasable(now, size);
		if (held.isEmpty()) {
			return JobRun.Batch.NONE;
		}
		Set<Long> suspended = this.members
			.suspendedAmong(held.stream().map(HelpPayments.Payment::authorId).collect(Collectors.toSet()));
		SortedSet<Long> helperIds = held.stream()
			.filter((payment) -> !suspended.contains(payment.authorId()))
			.map(HelpPayments.Payment::helperId)
			.collect(Collectors.toCollection(TreeSet::new));
		Map<Long, CreditAccount> locked = helperIds.isEmpty() ? Map.of() : lockAll(helperIds);
		Set<String> paid = new HashSet<>(this.entries
			.existingKeys(held.stream().map((payment) -> releaseKey(payment.claimId())).toArray(String[]::new)));
		List<LedgerEntry> written = new ArrayList<>();
		Map<Long, CreditAccount> changed = new HashMap<>();
		List<HelpPayments.Payment> settled = new ArrayList<>();
		for (HelpPayments.Payment payment : held) {
			if (suspended.contains(payment.authorId())) {
				settled.add(payment.settled(PaymentState.NONE, PaymentReason.AUTHOR_SUSPENDED, now));
				continue;
			}
			if (paid.add(releaseKey(payment.claimId()))) {
				CreditAccount account = locked.get(payment.helperId());
				written.add(account.release(CreditAmount.of(payment.amount()), releaseKey(payment.claimId()),
						"claim:" + payment.claimId(), now));
				written.addAll(account.takeDebtPayments());
				changed.put(account.memberId(), account);
			}
			settled.add(payment.settled(PaymentState.RELEASED, null, now));
		}
		this.accounts.writeAll(changed.values());
		this.entries.insertAll(written);
		this.payments.settleAll(settled);
		HelpPayments.Payment last = held.get(held.size() - 1);
		return new JobRun.Batch(settled.size(), held.size(), new JobRun.Keyset(now, last.claimId()));
	}

	private static String releaseKey(long claimId) {
		return "claim:" + claimId + ":released";
	}

	/**
	 * Whether the member is established (docs/credits.md): a site admin, or vouched for
	 * by an established member and older than {@code helpboard.credit.new-account-age}.
	 * New accounts' confirmations are held, and they cannot buy boosts.
	 */
	@Transactional(readOnly = true)
	public boolean isEstablished(long memberId) {
		return !this.payments.establishedAmong(List.of(memberId), this.clock.instant()).isEmpty();
	}

	/**
	 * What the member's credits look like beyond the balance: held, owed, latest helps.
	 */
	@Transactional(readOnly = true)
	public CreditSummary summary(long memberId) {
		long balance = balance(memberId);
		long debt = this.accounts.debtOf(memberId).orElse(0L);
		return new CreditSummary(balance, this.payments.heldFor(memberId), debt, isEstablished(memberId),
				this.payments.establishedAt(memberId).orElse(null));
	}

	/** The member's latest confirmed helps and what each paid, newest first. */
	@Transactional(readOnly = true)
	public List<HelpPaymentView> helpPayments(long helperId, int limit) {
		List<HelpPayments.Payment> latest = this.payments.latestOf(helperId, limit);
		Set<Long> others = latest.stream().map(HelpPayments.Payment::authorId).collect(Collectors.toSet());
		Map<Long, String> names = others.isEmpty() ? Map.of() : this.members.usernames(others);
		return latest.stream()
			.map((payment) -> HelpPaymentView.of(payment, names.get(payment.authorId()), this.settings))
			.toList();
	}

	/**
	 * Opens the accounts that are missing (one statement: the others are left alone),
	 * then locks them all in member order.
	 */
	private Map<Long, CreditAccount> lockAll(SortedSet<Long> memberIds) {
		this.accounts.openAllAbsent(memberIds);
		Map<Long, CreditAccount> locked = new HashMap<>();
		this.accounts.lockAll(memberIds).forEach((account) -> locked.put(account.memberId(), account));
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
