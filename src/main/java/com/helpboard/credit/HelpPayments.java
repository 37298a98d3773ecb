package com.helpboard.credit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.helpboard.system.MultiRowInsert;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What each confirmed help paid and why (table {@code help_payments}, one row per
 * confirmed claim), and who is established (table {@code credit_trust}): the SQL of the
 * credit economy's rules, a fixed handful of statements per batch.
 */
@Component
class HelpPayments {

	private final NamedParameterJdbcTemplate jdbc;

	HelpPayments(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** One row of {@code help_payments}. */
	record Payment(long claimId, long requestId, long helperId, long authorId, long amount, PaymentState state,
			@Nullable PaymentReason reason, boolean automatic, Instant decidedAt, @Nullable Instant settledAt) {

		Payment settled(PaymentState state, @Nullable PaymentReason reason, Instant at) {
			return new Payment(this.claimId, this.requestId, this.helperId, this.authorId, this.amount, state, reason,
					this.automatic, this.decidedAt, at);
		}

	}

	/** A helper and an author. */
	record Pair(long helperId, long authorId) {

		Pair reversed() {
			return new Pair(this.authorId, this.helperId);
		}

	}

	/** Of these claims, those with a payment decided already. */
	List<Long> decided(Collection<Long> claimIds) {
		if (claimIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.queryForList("select claim_id from help_payments where claim_id in (:ids)",
				new MapSqlParameterSource("ids", claimIds), Long.class);
	}

	/**
	 * Credits (paid or held, not reversed) helpers had from authors since {@code since},
	 * per (helper, author), among these members either way round: the pair caps' counts
	 * for a batch (index {@code help_payments_pair}).
	 */
	Map<Pair, Long> countsSince(Collection<Long> memberIds, Instant since) {
		Map<Pair, Long> counts = new HashMap<>();
		this.jdbc.query("""
				select helper_id, author_id, sum(amount) from help_payments
				where helper_id in (:members) and author_id in (:members) and decided_at > :since
				  and state in ('PAID', 'HELD', 'RELEASED')
				group by helper_id, author_id""",
				new MapSqlParameterSource("members", memberIds).addValue("since", utc(since)), (row) -> {
					counts.put(new Pair(row.getLong(1), row.getLong(2)), row.getLong(3));
				});
		return counts;
	}

	/**
	 * Of these members, the established ones at {@code now}: site admins, and members
	 * vouched for and old enough ({@code credit_trust}).
	 */
	List<Long> establishedAmong(Collection<Long> memberIds, Instant now) {
		if (memberIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.queryForList(
				"""
						select m.id from members m
						where m.id in (:members)
						  and (m.site_role = 'ADMIN'
						       or exists (select 1 from credit_trust t where t.member_id = m.id and t.established_at <= :now))""",
				new MapSqlParameterSource("members", memberIds).addValue("now", utc(now)), Long.class);
	}

	/** When the member is (or will be) established, if vouched for. */
	Optional<Instant> establishedAt(long memberId) {
		return this.jdbc
			.query("select established_at from credit_trust where member_id = :member",
					new MapSqlParameterSource("member", memberId),
					(row, n) -> row.getObject(1, OffsetDateTime.class).toInstant())
			.stream()
			.findFirst();
	}

	/**
	 * Records that {@code voucher}, established, confirmed a help of the member's: they
	 * are established from {@code establishedAt} on (the first voucher counts; later ones
	 * change nothing).
	 */
	void vouch(long memberId, long voucher, Instant at, Instant establishedAt) {
		this.jdbc.update("""
				insert into credit_trust (member_id, vouched_by, vouched_at, established_at)
				values (:member, :voucher, :at, :established)
				on conflict do nothing""",
				new MapSqlParameterSource("member", memberId).addValue("voucher", voucher)
					.addValue("at", utc(at))
					.addValue("established", utc(establishedAt)));
	}

	/** Inserts the payments: one statement per 800 ({@link MultiRowInsert}). */
	void insertAll(List<Payment> payments) {
		MultiRowInsert.insert(this.jdbc.getJdbcOperations(), """
				insert into help_payments (claim_id, request_id, helper_id, author_id, amount, state, reason,
				                           automatic, decided_at, settled_at)""", 10, "", payments.stream()
			.map((payment) -> new Object[] { payment.claimId(), payment.requestId(), payment.helperId(),
					payment.authorId(), payment.amount(), payment.state().name(),
					new SqlParameterValue(Types.VARCHAR, (payment.reason() != null) ? payment.reason().name() : null),
					payment.automatic(), utc(payment.decidedAt()),
					new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE,
							(payment.settledAt() != null) ? utc(payment.settledAt()) : null) })
			.toList());
	}

	/** Changes the payments' state, reason and settlement time: one JDBC batch. */
	void settleAll(List<Payment> payments) {
		if (payments.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate("""
				update help_payments set state = :state, reason = :reason, settled_at = :settled
				where claim_id = :claim""",
				payments.stream().map(HelpPayments::params).toArray(MapSqlParameterSource[]::new));
	}

	/** The claim's payment, its row locked until the transaction ends. */
	Optional<Payment> lock(long claimId) {
		return this.jdbc
			.query("select * from help_payments where claim_id = :claim for update",
					new MapSqlParameterSource("claim", claimId), HelpPayments::payment)
			.stream()
			.findFirst();
	}

	/**
	 * Up to {@code limit} held payments whose authors are established at {@code now},
	 * that no other transaction holds ({@code FOR UPDATE SKIP LOCKED}), oldest first.
	 */
	List<Payment> lockReleasable(Instant now, int limit) {
		return this.jdbc.query("""
				select * from help_payments
				where state = 'HELD'
				  and author_id in (select member_id from credit_trust where established_at <= :now)
				order by claim_id
				limit :limit
				for update skip locked""", new MapSqlParameterSource("now", utc(now)).addValue("limit", limit),
				HelpPayments::payment);
	}

	/**
	 * How many held payments {@link #lockReleasable} would take at {@code now}, locked or
	 * not, counted up to {@code atMost}.
	 */
	int countReleasable(Instant now, int atMost) {
		Integer count = this.jdbc.queryForObject("""
				select count(*) from (select 1 from help_payments
				  where state = 'HELD'
				    and author_id in (select member_id from credit_trust where established_at <= :now)
				  limit :limit) due""", new MapSqlParameterSource("now", utc(now)).addValue("limit", atMost),
				Integer.class);
		return count == null ? 0 : count;
	}

	/** The payments of these claims. */
	Map<Long, Payment> ofClaims(Collection<Long> claimIds) {
		Map<Long, Payment> payments = new HashMap<>();
		if (!claimIds.isEmpty()) {
			this.jdbc.query("select * from help_payments where claim_id in (:ids)",
					new MapSqlParameterSource("ids", claimIds), (row) -> {
						Payment payment = payment(row, 0);
						payments.put(payment.claimId(), payment);
					});
		}
		return payments;
	}

	/** The helper's latest payments, newest first. */
	List<Payment> latestOf(long helperId, int limit) {
		return this.jdbc.query(
				"select * from help_payments where helper_id = :helper order by decided_at desc, claim_id desc limit :limit",
				new MapSqlParameterSource("helper", helperId).addValue("limit", limit), HelpPayments::payment);
	}

	/** Credits the helper earned that are held until their authors come of age. */
	long heldFor(long helperId) {
		Long held = this.jdbc.queryForObject(
				"select coalesce(sum(amount), 0) from help_payments where helper_id = :helper and state = 'HELD'",
				new MapSqlParameterSource("helper", helperId), Long.class);
		return (held != null) ? held : 0;
	}

	private static MapSqlParameterSource params(Payment payment) {
		return new MapSqlParameterSource("claim", payment.claimId()).addValue("request", payment.requestId())
			.addValue("helper", payment.helperId())
			.addValue("author", payment.authorId())
			.addValue("amount", payment.amount())
			.addValue("state", payment.state().name())
			.addValue("reason", (payment.reason() != null) ? payment.reason().name() : null)
			.addValue("automatic", payment.automatic())
			.addValue("decided", utc(payment.decidedAt()))
			.addValue("settled", (payment.settledAt() != null) ? utc(payment.settledAt()) : null);
	}

	private static Payment payment(ResultSet row, int n) throws SQLException {
		String reason = row.getString("reason");
		OffsetDateTime settled = row.getObject("settled_at", OffsetDateTime.class);
		return new Payment(row.getLong("claim_id"), row.getLong("request_id"), row.getLong("helper_id"),
				row.getLong("author_id"), row.getLong("amount"), PaymentState.valueOf(row.getString("state")),
				(reason != null) ? PaymentReason.valueOf(reason) : null, row.getBoolean("automatic"),
				row.getObject("decided_at", OffsetDateTime.class).toInstant(),
				(settled != null) ? settled.toInstant() : null);
	}

	private static OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}

	static List<Long> ids(Collection<Payment> payments) {
		return new ArrayList<>(payments.stream().map(Payment::claimId).toList());
	}

}
