package com.helpboard.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.helpboard.system.FieldRejection;
import com.helpboard.system.HelpBoardException;
import com.helpboard.system.PlainTextValidator;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The account module's facade: registration, credentials, tokens, profiles. */
@Service
public class Accounts {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MemberRepository members;

	private final ApiTokenRepository tokens;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	// a fixed hash to compare against when the name is unknown, so timing does not tell
	private final String decoyHash;

	// the common-password list is read once, here
	private final PasswordPolicy passwordPolicy = PasswordPolicy.shipped();

	Accounts(MemberRepository members, ApiTokenRepository tokens, PasswordEncoder passwordEncoder, Clock clock) {
		this.members = members;
		this.tokens = tokens;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
		this.decoyHash = passwordEncoder.encode("decoy-password-for-timing");
	}

	/**
	 * Registers a member. Refusals are {@link FieldRejection}s on {@code username} or
	 * {@code password} (400 invalid, 409 taken). The password is used exactly as typed.
	 */
	@Transactional
	public MemberSummary register(String rawUsername, String password) {
		List<FieldRejection> refusals = registrationRefusals(rawUsername, password);
		if (!refusals.isEmpty()) {
			// a bad input (400) before a taken name (409), as the API has always answered
			throw refusals.stream()
				.filter((refusal) -> refusal.kind() != FieldRejection.Kind.TAKEN)
				.findFirst()
				.orElse(refusals.get(0));
		}
		String username = Usernames.normalize(rawUsername);
		try {
			Member member = this.members
				.saveAndFlush(new Member(username, hash(password, "password"), this.clock.instant()));
			return summary(member);
		}
		catch (DataIntegrityViolationException ex) {
			// two sign-ups raced for the same name: the unique key decided
			throw taken();
		}
	}

	/**
	 * Every reason this name and password cannot be registered, at most one per field
	 * ({@code username}, {@code password}), so a form can show them all at once; empty
	 * when {@link #register} would accept them (unless someone takes the name first).
	 */
	@Transactional(readOnly = true)
	public List<FieldRejection> registrationRefusals(String rawUsername, String password) {
		List<FieldRejection> refusals = new ArrayList<>(2);
		String username = Usernames.normalize(rawUsername);
		usernameRefusal(rawUsername, username).ifPresent(refusals::add);
		this.passwordPolicy.check(password, username, "password").ifPresent(refusals::add);
		return refusals;
	}

	private Optional<FieldRejection> usernameRefusal(String rawUsername, String username) {
		if (rawUsername != null && !PlainTextValidator.isPlain(rawUsername, false)) {
			return Optional.of(new FieldRejection("username", "PlainText"));
		}
		return switch (Usernames.check(username)) {
			case INVALID ->
				Optional.of(new FieldRejection("username", "account.username.invalid", Usernames.MIN, Usernames.MAX));
			case DECEPTIVE -> Optional.of(new FieldRejection("username", "account.username.deceptive"));
			case VALID ->
				this.members.existsByUsernameKey(Usernames.key(username)) ? Optional.of(taken()) : Optional.empty();
		};
	}

	private static FieldRejection taken() {
		return new FieldRejection(FieldRejection.Kind.TAKEN, "username", "account.username.taken");
	}

	@Transactional(readOnly = true)
	public Optional<MemberSummary> findById(long id) {
		return this.members.findById(id).map(Accounts::summary);
	}

	@Transactional(readOnly = true)
	public Optional<MemberSummary> findByUsername(String username) {
		return findMember(username).map(Accounts::summary);
	}

	/** A member by the name someone typed; nothing for what cannot be a name. */
	private Optional<Member> findMember(String username) {
		return Usernames.couldExist(username) ? this.members.findByUsernameKey(Usernames.key(username))
				: Optional.empty();
	}

	@Transactional(readOnly = true)
	public Map<Long, String> usernames(java.util.Collection<Long> ids) {
		Map<Long, String> names = new LinkedHashMap<>();
		this.members.findAllById(ids).forEach((member) -> names.put(member.getId(), member.getUsername()));
		return names;
	}

	/** Usernames and nicknames of these members, in one statement. */
	@Transactional(readOnly = true)
	public Map<Long, MemberName> names(java.util.Collection<Long> ids) {
		Map<Long, MemberName> names = new LinkedHashMap<>();
		if (!ids.isEmpty()) {
			this.members.findAllById(ids)
				.forEach((member) -> names.put(member.getId(),
						new MemberName(member.getUsername(), member.getNickname())));
		}
		return names;
	}

	/** The member's Pinduoduo / WeChat nickname, if they gave one. */
	@Transactional(readOnly = true)
	public Optional<String> nickname(long memberId) {
		return this.members.findById(memberId).map(Member::getNickname);
	}

	/**
	 * Sets the member's nickname, or clears it when blank; returns what is stored. A
	 * nickname that breaks the rules ({@link Nicknames}) is refused on {@code nickname}
	 * (400).
	 */
	@Transactional
	public Optional<String> changeNickname(long memberId, String raw) {
		Member member = this.members.findById(memberId)
			.orElseThrow(() -> HelpBoardException.notFound("account.member.not-found"));
		String nickname;
		try {
			nickname = Nicknames.normalize(raw);
		}
		catch (IllegalArgumentException ex) {
			throw new FieldRejection("nickname", "account.nickname.invalid", Nicknames.MAX);
		}
		member.changeNickname(nickname);
		return Optional.ofNullable(nickname);
	}

	/** Checks a name and password; the same answer whether the name exists or not. */
	@Transactional(readOnly = true)
	public Optional<MemberSummary> verify(String username, String password) {
		Optional<Member> member = findMember(username);
		String hash = member.map(Member::getPasswordHash).orElse(this.decoyHash);
		boolean matches = passwordMatches(password, hash);
		return (matches && member.isPresent()) ? member.map(Accounts::summary) : Optional.empty();
	}

	private boolean passwordMatches(String password, String hash) {
		try {
			return password != null && this.passwordEncoder.matches(password, hash);
		}
		catch (IllegalArgumentException ex) {
			// bcrypt refuses passwords over 72 bytes: such a password matches nothing
			return false;
		}
	}

	/** Hashes a new password; one the encoder cannot take is refused on {@code field}. */
	private String hash(String password, String field) {
		try {
			return this.passwordEncoder.encode(password);
		}
		catch (IllegalArgumentException ex) {
			// bcrypt takes at most 72 bytes of UTF-8 (72 Latin letters, 24 Chinese)
			throw new FieldRejection(field, "account.password.too-long-to-hash");
		}
	}

	/**
	 * Changes a member's password after checking the current one (403 when wrong); the
	 * new one follows the same rules as at registration (400 on {@code newPassword}). The
	 * caller ends the member's other sessions once this has committed.
	 */
	@Transactional
	public void changePassword(long memberId, String current, String next) {
		Member member = this.members.findById(memberId)
			.orElseThrow(() -> HelpBoardException.notFound("account.member.not-found"));
		if (!passwordMatches(current, member.getPasswordHash())) {
			throw new FieldRejection(FieldRejection.Kind.DENIED, "currentPassword", "account.password.wrong");
		}
		this.passwordPolicy.check(next, member.getUsername(), "newPassword").ifPresent((refusal) -> {
			throw refusal;
		});
		member.changePasswordHash(hash(next, "newPassword"));
	}

	@Transactional(readOnly = true)
	Optional<MemberPrincipal> principal(String username) {
		return findMember(username).map(Accounts::principal);
	}

	@Transactional
	public IssuedToken issueToken(long memberId, String name) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = "hb_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		if (name != null && !PlainTextValidator.isPlain(name, false)) {
			throw new FieldRejection("name", "PlainText");
		}
		String tokenName = (name == null || name.isBlank()) ? "api" : name.strip();
		if (tokenName.length() > 64) {
			throw new FieldRejection("name", "account.token.name.invalid", 64);
		}
		ApiToken saved = this.tokens.save(new ApiToken(memberId, tokenName, sha256(token), this.clock.instant()));
		return new IssuedToken(saved.getId(), token, saved.getName(), saved.getCreatedAt());
	}

	/** Revokes one of the member's own tokens; someone else's is "not found". */
	@Transactional
	public void revokeToken(long memberId, long tokenId) {
		ApiToken token = this.tokens.findById(tokenId)
			.filter((candidate) -> candidate.getMemberId() == memberId)
			.orElseThrow(() -> HelpBoardException.notFound("account.token.not-found"));
		this.tokens.delete(token);
	}

	@Transactional
	Optional<MemberPrincipal> authenticateToken(String rawToken) {
		if (rawToken == null || rawToken.isEmpty() || rawToken.length() > 200) {
			return Optional.empty();
		}
		return this.tokens.findByTokenHash(sha256(rawToken)).flatMap((token) -> {
			Instant now = this.clock.instant();
			// write last-use at most once a minute so every API call is not a write
			if (token.getLastUsedAt() == null || token.getLastUsedAt().isBefore(now.minusSeconds(60))) {
				token.used(now);
			}
			return this.members.findById(token.getMemberId())
				.filter((member) -> !member.isSuspended())
				.map(Accounts::principal);
		});
	}

	@Transactional(readOnly = true)
	public List<TokenView> tokens(long memberId) {
		return this.tokens.findByMemberIdOrderByCreatedAtDesc(memberId)
			.stream()
			.map((token) -> new TokenView(token.getId(), token.getName(), token.getCreatedAt(), token.getLastUsedAt()))
			.toList();
	}

	/**
	 * Locks the member's row until the caller's transaction ends, so that decisions
	 * counting what the member did (daily caps, open requests, posting rules) are taken
	 * one at a time per member: take it before counting. Lock order: member rows come
	 * last, after any claim or request rows the transaction locks, never before them.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lockMember(long memberId) {
		this.members.findForUpdate(memberId).orElseThrow(() -> HelpBoardException.notFound("account.member.not-found"));
	}

	@Transactional
	public void changeStanding(long memberId, int delta) {
		this.members.findById(memberId).ifPresent((member) -> member.changeStanding(delta));
	}

	/**
	 * Changes many members' standing at once, in the caller's transaction (a batch of
	 * auto-confirmed claims), each as {@link #changeStanding} would: the members are
	 * locked in id order, the order every batch takes them in, then changed in one update
	 * per distinct change.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void changeStandings(Map<Long, Integer> deltas) {
		if (deltas.isEmpty()) {
			return;
		}
		this.members.lockAll(new TreeSet<>(deltas.keySet()));
		Map<Integer, List<Long>> byDelta = new TreeMap<>();
		deltas.forEach((id, delta) -> byDelta.computeIfAbsent(delta, (d) -> new ArrayList<>()).add(id));
		byDelta.forEach((delta, ids) -> this.members.changeStandings(ids.toArray(Long[]::new), delta));
	}

	/**
	 * Suspends an account: it can no longer sign in or use its API tokens (the caller
	 * ends its sessions once this has committed). The reason is kept for the member to
	 * read.
	 */
	@Transactional
	public MemberSummary suspend(long memberId, String reason) {
		Member member = this.members.findById(memberId)
			.orElseThrow(() -> HelpBoardException.notFound("account.member.not-found"));
		member.suspend(reason, this.clock.instant());
		return summary(member);
	}

	/** Lifts a suspension. */
	@Transactional
	public MemberSummary unsuspend(long memberId) {
		Member member = this.members.findById(memberId)
			.orElseThrow(() -> HelpBoardException.notFound("account.member.not-found"));
		member.unsuspend();
		return summary(member);
	}

	@Transactional(readOnly = true)
	public boolean isSuspended(long memberId) {
		return this.members.findById(memberId).map(Member::isSuspended).orElse(false);
	}

	/** Of these members, the suspended ones. */
	@Transactional(readOnly = true)
	public Set<Long> suspendedAmong(java.util.Collection<Long> memberIds) {
		if (memberIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.members.findSuspendedAmong(memberIds));
	}

	@Transactional
	public void makeAdmin(long memberId) {
		this.members.findById(memberId).ifPresent(Member::makeAdmin);
	}

	public record TokenView(long id, String name, Instant createdAt, Instant lastUsedAt) {
	}

	private static MemberSummary summary(Member member) {
		return new MemberSummary(member.getId(), member.getUsername(), member.getStanding(),
				member.getSiteRole() == Member.SiteRole.ADMIN, member.getCreatedAt(), member.isSuspended());
	}

	private static MemberPrincipal principal(Member member) {
		return new MemberPrincipal(member.getId(), member.getUsername(), member.getPasswordHash(),
				member.getSiteRole() == Member.SiteRole.ADMIN, member.getCreatedAt(), member.isSuspended());
	}

	static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
