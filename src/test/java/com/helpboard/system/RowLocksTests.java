package com.helpboard.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * On H2 in its PostgreSQL mode, as {@code ./mvnw spring-boot:run} runs (PostgreSQL's
 * {@code for no key update} runs in every job test on PostgreSQL).
 */
class RowLocksTests {

	private static final String URL = "jdbc:h2:mem:rowlocks;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=200";

	private SingleConnectionDataSource holder;

	private SingleConnectionDataSource other;

	private JdbcTemplate holding;

	private JdbcTemplate others;

	@BeforeEach
	void rows() throws SQLException {
		this.holder = new SingleConnectionDataSource(URL, true);
		this.other = new SingleConnectionDataSource(URL, true);
		this.holding = new JdbcTemplate(this.holder);
		this.others = new JdbcTemplate(this.other);
		this.others.execute("create table things (id bigint primary key, n int not null)");
		this.others.execute("insert into things values (1, 0), (2, 0), (3, 0), (4, 0)");
		this.holder.getConnection().setAutoCommit(false);
	}

	@AfterEach
	void drop() {
		this.others.execute("drop table things");
		this.holder.destroy();
		this.other.destroy();
	}

	@Test
	void locksTheRowsFoundInIdOrderUntilTheTransactionEnds() throws SQLException {
		List<Long> locked = RowLocks.lockIds(this.holding, "things", new TreeSet<>(List.of(3L, 99L, 1L)));

		assertThat(locked).containsExactly(1L, 3L);
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.others.update("update things set n = 1 where id = 3"));
		assertThat(this.others.update("update things set n = 1 where id = 2")).isOne();

		Connection connection = this.holder.getConnection();
		connection.commit();
		assertThat(this.others.update("update things set n = 1 where id = 3")).isOne();
	}

	@Test
	void readsWhatTheCallerMapsFromTheLockedRows() {
		this.others.update("update things set n = id * 10");

		List<String> rows = RowLocks.lock(this.holding, "select id, n from things where id = any(?) order by id",
				new TreeSet<>(List.of(4L, 2L)), (row, i) -> row.getLong(1) + "=" + row.getInt(2));

		assertThat(rows).containsExactly("2=20", "4=40");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.others.update("update things set n = 1 where id = 4"));
	}

	@Test
	void noIdsRunNoStatement() {
		assertThat(RowLocks.lockIds(this.holding, "no_such_table", new TreeSet<>())).isEmpty();
	}

}
