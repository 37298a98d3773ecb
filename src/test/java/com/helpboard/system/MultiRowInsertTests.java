package com.helpboard.system;

import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** On H2 in its PostgreSQL mode, as {@code ./mvnw spring-boot:run} runs. */
class MultiRowInsertTests {

	private SingleConnectionDataSource dataSource;

	private JdbcTemplate jdbc;

	@BeforeEach
	void table() {
		this.dataSource = new SingleConnectionDataSource("jdbc:h2:mem:multirow;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
				true);
		this.jdbc = new JdbcTemplate(this.dataSource);
		this.jdbc.execute("create table rows_in (k bigint primary key, label varchar(20), note varchar(20))");
	}

	@AfterEach
	void drop() {
		this.jdbc.execute("drop table rows_in");
		this.dataSource.destroy();
	}

	@Test
	void everyRowGoesInWithItsValuesAcrossSeveralStatements() {
		int perStatement = MultiRowInsert.MAX_VALUES / 3;
		int rows = 2 * perStatement + 7;
		List<Object[]> values = new ArrayList<>();
		for (long k = 0; k < rows; k++) {
			values.add(new Object[] { k, "row " + k,
					new SqlParameterValue(Types.VARCHAR, (k % 2 == 0) ? null : "odd " + k) });
		}

		int inserted = MultiRowInsert.insert(this.jdbc, "insert into rows_in (k, label, note)", 3, "", values);

		assertThat(inserted).isEqualTo(rows);
		assertThat(this.jdbc.queryForObject("select count(*) from rows_in", Integer.class)).isEqualTo(rows);
		assertThat(this.jdbc.queryForObject("select count(*) from rows_in where note is null", Integer.class))
			.isEqualTo((rows + 1) / 2);
		long lastOdd = (rows % 2 == 0) ? rows - 1 : rows - 2;
		assertThat(
				this.jdbc.queryForObject("select label || '/' || note from rows_in where k = ?", String.class, lastOdd))
			.isEqualTo("row " + lastOdd + "/odd " + lastOdd);
		assertThat(this.jdbc.queryForObject("select label from rows_in where k = ?", String.class, perStatement))
			.isEqualTo("row " + perStatement);
	}

	@Test
	void whateverTheRowCountsATableHasADozenStatementTextsAtMost() {
		Set<String> texts = new HashSet<>();
		JdbcTemplate recording = new JdbcTemplate(this.dataSource) {
			@Override
			public int update(String sql, @Nullable Object... args) {
				texts.add(sql);
				return super.update(sql, args);
			}
		};
		int perStatement = MultiRowInsert.MAX_VALUES / 3;
		List<Integer> counts = new ArrayList<>();
		for (int n = 1; n <= 130; n++) {
			counts.add(n);
		}
		counts.addAll(List.of(perStatement - 1, perStatement, perStatement + 1, 2 * perStatement + 999));
		long key = 0;
		long inserted = 0;
		for (int n : counts) {
			List<Object[]> values = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				values.add(new Object[] { key++, "row", null });
			}
			assertThat(MultiRowInsert.insert(recording, "insert into rows_in (k, label, note)", 3, "", values))
				.isEqualTo(n);
			inserted += n;
		}
		assertThat(this.jdbc.queryForObject("select count(*) from rows_in", Long.class)).isEqualTo(inserted);
		assertThat(this.jdbc.queryForObject("select count(distinct k) from rows_in", Long.class)).isEqualTo(inserted);
		// full chunks, and the powers of two below them
		assertThat(texts)
			.hasSizeLessThanOrEqualTo(1 + Integer.numberOfTrailingZeros(Integer.highestOneBit(perStatement)) + 1);
	}

	@Test
	void rowsAlreadyThereAreSkippedAndNotCounted() {
		this.jdbc.update("insert into rows_in (k, label) values (1, 'first')");
		List<Object[]> values = List.of(new Object[] { 1L, "again", null }, new Object[] { 2L, "new", null });

		int inserted = MultiRowInsert.insert(this.jdbc, "insert into rows_in (k, label, note)", 3,
				"on conflict do nothing", values);

		assertThat(inserted).isOne();
		assertThat(this.jdbc.queryForList("select label from rows_in order by k", String.class))
			.containsExactly("first", "new");
	}

	@Test
	void noRowsIsNoStatement() {
		assertThat(MultiRowInsert.insert(this.jdbc, "insert into missing_table (k)", 1, "", List.of())).isZero();
	}

	@Test
	void aRowOfTheWrongWidthIsRefusedBeforeAnythingIsWritten() {
		assertThatIllegalArgumentException().isThrownBy(() -> MultiRowInsert.insert(this.jdbc,
				"insert into rows_in (k, label, note)", 3, "", List.<Object[]>of(new Object[] { 1L, "one" })));
		assertThat(this.jdbc.queryForObject("select count(*) from rows_in", Integer.class)).isZero();
	}

}
