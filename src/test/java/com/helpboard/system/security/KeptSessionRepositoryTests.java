package com.helpboard.system.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kept sessions on a real Spring Session JDBC store (H2, the project's own session
 * tables): what is kept is served without the database and never shared between requests,
 * every change goes through Spring Session and is forgotten, and nothing is kept or
 * served while the notices are not listened to.
 */
class KeptSessionRepositoryTests {

	private EmbeddedDatabase database;

	private JdbcTemplate jdbc;

	private JdbcIndexedSessionRepository store;

	private KeptSessions kept;

	private KeptSessionRepository sessions;

	@BeforeEach
	void setUp() {
		this.database = new EmbeddedDatabaseBuilder().generateUniqueName(true)
			.setType(EmbeddedDatabaseType.H2)
			.addScript("classpath:db/migration/h2/V10__sessions.sql")
			.build();
		this.jdbc = new JdbcTemplate(this.database);
		this.store = new JdbcIndexedSessionRepository(this.jdbc,
				new TransactionTemplate(new DataSourceTransactionManager(this.database)));
		this.store.setConversionService(SessionReads.CONVERSIONS);
		this.kept = new KeptSessions(true, 100);
		this.sessions = new KeptSessionRepository(this.store, this.kept, this.jdbc, SessionReads.CONVERSIONS);
		this.kept.up();
	}

	@AfterEach
	void tearDown() {
		this.database.shutdown();
	}

	private String stored(String name, Object value) {
		Session session = this.store.createSession();
		session.setAttribute(name, value);
		save(session);
		return session.getId();
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private void save(Session session) {
		((org.springframework.session.SessionRepository) this.store).save(session);
	}

	private Session fromStore(String id) {
		return this.store.findById(id);
	}

	@Test
	void aKeptSessionIsReadOnceAndEachRequestGetsObjectsOfItsOwn() {
		String id = stored("cart", new ArrayList<>(List.of("a")));

		Session first = this.sessions.findById(id);
		Session second = this.sessions.findById(id);

		assertThat(this.kept.reads()).isEqualTo(1);
		List<String> mine = first.getAttribute("cart");
		assertThat(mine).containsExactly("a");
		mine.add("changed in place by one request");
		assertThat(second.<List<String>>getAttribute("cart")).containsExactly("a");
		assertThat(second.getAttributeNames()).containsExactly("cart");
	}

	@Test
	void aChangeIsSavedThroughSpringSessionAndTheNextRequestReadsIt() {
		String id = stored("flash", "saved");
		Session session = this.sessions.findById(id);
		session.setAttribute("flash", "shown");
		session.removeAttribute("other");
		this.sessions.save(session);

		assertThat(this.kept.size()).isZero();
		assertThat(fromStore(id).<String>getAttribute("flash")).isEqualTo("shown");
		assertThat(this.sessions.findById(id).<String>getAttribute("flash")).isEqualTo("shown");
		assertThat(this.kept.reads()).isEqualTo(2);
	}

	@Test
	void aNewIdIsSavedAndTheOldOneIsGoneEverywhere() {
		String id = stored("who", "member");
		Session session = this.sessions.findById(id);
		String newId = session.changeSessionId();
		assertThat(session.getId()).isEqualTo(newId);
		this.sessions.save(session);

		assertThat(this.sessions.findById(id)).isNull();
		assertThat(this.sessions.findById(newId).<String>getAttribute("who")).isEqualTo("member");
	}

	@Test
	void aSessionDeletedBeforeItsChangeStaysDeleted() {
		String id = stored("who", "member");
		Session session = this.sessions.findById(id);
		// another instance signs it out; this one has not heard yet
		this.jdbc.update("delete from spring_session where session_id = ?", id);

		session.setAttribute("who", "someone else");
		this.sessions.save(session);

		assertThat(this.jdbc.queryForObject("select count(*) from spring_session", Long.class)).isZero();
		assertThat(this.sessions.findById(id)).isNull();
	}

	@Test
	void anExpiredSessionIsNeitherServedNorKept() {
		String id = stored("who", "member");
		this.jdbc.update("update spring_session set last_access_time = ?, max_inactive_interval = 60",
				Instant.now().minus(Duration.ofMinutes(2)).toEpochMilli());

		assertThat(this.sessions.findById(id)).isNull();
		assertThat(this.kept.size()).isZero();
		// Spring Session deleted it
		assertThat(this.jdbc.queryForObject("select count(*) from spring_session", Long.class)).isZero();
	}

	@Test
	void aDeletionHereIsForgottenAtOnce() {
		String id = stored("who", "member");
		assertThat(this.sessions.findById(id)).isNotNull();
		this.sessions.deleteById(id);
		assertThat(this.sessions.findById(id)).isNull();
	}

	@Test
	void aReadThatAForgettingOvertookIsNotKept() {
		String id = stored("who", "member");
		long mark = this.kept.mark();
		KeptSessions.Stored read = new KeptSessions.Stored(id, Instant.now(), Instant.now(), Duration.ofHours(1),
				Map.of());
		this.kept.forget("some other session"); // a notice arrived while reading
		this.kept.keep(mark, read);
		assertThat(this.kept.size()).isZero();

		this.kept.keep(this.kept.mark(), read);
		assertThat(this.kept.size()).isEqualTo(1);
	}

	@Test
	void whileNotListeningEveryRequestReadsTheDatabaseAndNothingIsKept() {
		String id = stored("who", "member");
		this.sessions.findById(id);
		assertThat(this.kept.size()).isEqualTo(1);

		this.kept.down();
		assertThat(this.kept.size()).isZero();
		Session session = this.sessions.findById(id);
		assertThat(session).isNotInstanceOf(KeptSessionRepository.KeptSession.class);
		assertThat(session.<String>getAttribute("who")).isEqualTo("member");
		assertThat(this.kept.size()).isZero();
		assertThat(this.kept.reads()).isEqualTo(1);
	}

}
