package com.helpboard.support;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After every integration test class, for every member: the stored balance equals the sum
 * of their ledger entries and is never negative; the stored debt equals their latest
 * entry's debt-after, is never negative, and a member with a debt has an empty balance
 * (debts are paid first); every help payment's ledger entries match its state; every
 * boost refund has exactly one refunded boost of the same member and cost, and every
 * refunded boost one refund.
 */
public class LedgerInvariants implements AfterAllCallback {

	@Override
	public void afterAll(ExtensionContext context) {
		Map<String, String> db = PostgresDatabase.properties();
		JdbcTemplate jdbc = new JdbcTemplate(
				new DriverManagerDataSource(db.get("url"), db.get("username"), db.get("password")));
		List<Map<String, Object>> broken = jdbc.queryForList("""
				select a.member_id, a.balance, coalesce(sum(e.amount), 0) as total
				from credit_accounts a left join ledger_entries e on e.member_id = a.member_id
				group by a.member_id, a.balance
				having a.balance <> coalesce(sum(e.amount), 0) or a.balance < 0""");
		assertThat(broken).as("members whose balance is not the sum of their ledger").isEmpty();
		assertThat(jdbc.queryForList("""
				select a.member_id, a.debt from credit_accounts a
				where a.debt < 0 or (a.debt > 0 and a.balance > 0)
				   or a.debt <> coalesce((select e.debt_after from ledger_entries e where e.member_id = a.member_id
				                          order by e.id desc limit 1), 0)"""))
			.as("members whose debt is negative, not paid first, or not their ledger's")
			.isEmpty();
		assertThat(jdbc.queryForList("""
				select e.member_id, e.id from ledger_entries e
				where e.kind in ('EARN', 'RELEASE', 'REFUND', 'GRANT') and e.debt_after > 0
				  and not exists (select 1 from ledger_entries d where d.idempotency_key = e.idempotency_key || ':debt'
				                  and d.member_id = e.member_id and d.kind = 'DEBT_PAYMENT')"""))
			.as("credits that did not pay the debt first")
			.isEmpty();
		assertThat(jdbc.queryForList("""
				select p.claim_id from help_payments p
				where (p.state = 'RELEASED' and (select count(*) from ledger_entries e
				        where e.idempotency_key = 'claim:' || p.claim_id || ':released') <> 1)
				   or (p.state in ('HELD', 'NONE') and exists (select 1 from ledger_entries e
				        where e.idempotency_key in ('claim:' || p.claim_id || ':released',
				                                    'claim:' || p.claim_id || ':confirmed')))
				   or (p.state = 'PAID' and p.amount <> coalesce((select e.amount from ledger_entries e
				        where e.idempotency_key = 'claim:' || p.claim_id || ':confirmed'), 0))"""))
			.as("help payments whose ledger entries do not match their state")
			.isEmpty();
		assertThat(jdbc.queryForList("""
				select e.member_id from ledger_entries e
				where not exists (select 1 from credit_accounts a where a.member_id = e.member_id)"""))
			.as("ledger entries without an account")
			.isEmpty();
		assertThat(jdbc.queryForList("""
				select e.idempotency_key from ledger_entries e
				where e.kind = 'REFUND' and e.idempotency_key like 'boost:%:refund'
				  and (select count(*) from boosts b where 'boost:' || b.id || ':refund' = e.idempotency_key
				       and b.status = 'REFUNDED' and b.member_id = e.member_id and b.cost = e.amount) <> 1"""))
			.as("refunds without exactly one refunded boost")
			.isEmpty();
		assertThat(jdbc.queryForList(
				"""
						select b.id from boosts b where b.status = 'REFUNDED'
						  and (select count(*) from ledger_entries e where e.idempotency_key = 'boost:' || b.id || ':refund') <> 1"""))
			.as("refunded boosts without exactly one refund")
			.isEmpty();
	}

}
