package com.helpboard.credit;

import java.util.UUID;

import com.helpboard.account.Accounts;
import com.helpboard.support.EmbeddedDatabaseTest;
import com.helpboard.system.HelpBoardException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The same ledger code on the embedded H2 default (PostgreSQL mode): opening an account,
 * the lock, replays, refusals.
 */
@EmbeddedDatabaseTest
class CreditsOnEmbeddedDatabaseTests {

	@Autowired
	Credits credits;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theLedgerWorksOnH2Too() {
		long member = this.accounts
			.register("h2" + UUID.randomUUID().toString().substring(0, 12), "correct-horse-battery")
			.id();
		String key = "grant:" + UUID.randomUUID();
		LedgerEntryView first = this.credits.grant(member, 3, key, "test");
		assertThat(this.credits.grant(member, 3, key, "test")).isEqualTo(first);
		this.credits.spend(member, 2, "boost:" + UUID.randomUUID(), "boost:1");
		assertThatExceptionOfType(HelpBoardException.class)
			.isThrownBy(() -> this.credits.spend(member, 2, "boost:" + UUID.randomUUID(), "boost:2"))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("credit.insufficient"));
		assertThatExceptionOfType(HelpBoardException.class)
			.isThrownBy(() -> this.credits.grant(Long.MAX_VALUE, 1, "grant:" + UUID.randomUUID(), "test"))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("credit.member.not-found"));
		assertThat(this.credits.balance(member)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select sum(amount) from ledger_entries where member_id = ?", Long.class,
				member))
			.isEqualTo(1);
	}

}
