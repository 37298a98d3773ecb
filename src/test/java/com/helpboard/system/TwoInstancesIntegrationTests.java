package com.helpboard.system;

import org.junit.jupiter.api.Tag;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.helpboard.HelpBoardApplication;
import com.helpboard.account.Accounts;
import com.helpboard.support.PostgresDatabase;
import com.helpboard.system.security.KeptSessions;
import io.micrometer.core.instrument.MeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the app on different ports against one database, as behind a load
 * balancer: a login on one is a login on the other, and the scheduler's backlog is worked
 * exactly once in total.
 */
@Tag("integration")
class TwoInstancesIntegrationTests {

	private static final String PASSWORD = com.helpboard.support.TestMembers.PASSWORD;

	private static final int REQUESTS = 60;

	private static final int CLAIMS = 12;

	private static JdbcTemplate jdbc;

	private static long overdueRequests;

	private static long staleClaims;

	private static List<Long> backlogClaims;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoInstancesOnABacklog() {
		Map<String, String> db = PostgresDatabase.properties();
		Flyway.configure()
			.dataSource(db.get("url"), db.get("username"), db.get("password"))
			.locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
			.load()
			.migrate();
		jdbc = new JdbcTemplate(new DriverManagerDataSource(db.get("url"), db.get("username"), db.get("password")));
		backlogClaims = makeBacklog();
		overdueRequests = jdbc.queryForObject(
				"select count(*) from help_requests where status = 'OPEN' and expires_at <= now()", Long.class);
		staleClaims = jdbc.queryForObject(
				"select count(*) from claims where status = 'CLAIMED' and created_at <= now() - interval '24 hours'",
				Long.class);
		first = start(db);
		second = start(db);
	}

	@AfterAll
	static void stop() {
		if (first != null) {
			first.close();
		}
		if (second != null) {
			second.close();
		}
	}

	private static ConfigurableApplicationContext start(Map<String, String> db) {
		// as command-line arguments, which outrank application.properties
		return new SpringApplicationBuilder(HelpBoardApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + db.get("url"), "--spring.datasource.username=" + db.get("username"),
				"--spring.datasource.password=" + db.get("password"), "--helpboard.sample-data=false",
				"--helpboard.scheduler.enabled=true", "--helpboard.scheduler.interval=PT1S",
				"--helpboard.remember-me-key=two-instances-test-key", "--helpboard.scheduler.initial-delay=PT1S",
				"--spring.jmx.enabled=false", "--spring.main.banner-mode=off");
	}

	/**
	 * Members, overdue open requests and day-old claims, written straight to the
	 * database.
	 */
	private static List<Long> makeBacklog() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		long author = member("backlog-a-" + tag);
		long group = jdbc.queryForObject("select id from topic_groups where slug = 'kanjia'", Long.class);
		Timestamp past = Timestamp.from(Instant.now().minus(Duration.ofHours(2)));
		Timestamp future = Timestamp.from(Instant.now().plus(Duration.ofHours(20)));
		for (int i = 0; i < REQUESTS; i++) {
			insertRequest(group, author, "backlog:" + tag + ":" + i, past, 1);
		}
		long open = insertRequest(group, author, "backlog:" + tag + ":open", future, CLAIMS);
		Timestamp dayOld = Timestamp.from(Instant.now().minus(Duration.ofHours(25)));
		for (int i = 0; i < CLAIMS; i++) {
			long helper = member("backlog-h" + i + "-" + tag);
			jdbc.update(
					"insert into claims (request_id, helper_id, author_id, campaign, status, created_at, helper_day) values (?, ?, ?, 'pdd-bargain', 'CLAIMED', ?, current_date)",
					open, helper, author, dayOld);
		}
		return jdbc.queryForList("select id from claims where request_id = ?", Long.class, open);
	}

	private static long member(String name) {
		jdbc.update(
				"insert into members (username, username_key, password_hash, created_at) values (?, ?, '{noop}x', now())",
				name.substring(0, Math.min(32, name.length())), name);
		return jdbc.queryForObject("select id from members where username_key = ?", Long.class, name);
	}

	private static long insertRequest(long group, long author, String key, Timestamp expiresAt, int needed) {
		jdbc.update("insert into help_requests (group_id, author_id, author_name, platform, campaign, share_text,"
				+ " dedupe_key, open_key, helps_needed, status, created_at, expires_at)"
				+ " values (?, ?, 'backlog', 'PINDUODUO', 'pdd-bargain', 'https://p.pinduoduo.com/x', ?, ?, ?, 'OPEN',"
				+ " now() - interval '3 hours', ?)", group, author, key, key, needed, expiresAt);
		return jdbc.queryForObject("select id from help_requests where dedupe_key = ?", Long.class, key);
	}

	private static double processed(String job) {
		return counter(first, job) + counter(second, job);
	}

	private static double counter(ConfigurableApplicationContext instance, String job) {
		var counter = instance.getBean(MeterRegistry.class).find("helpboard.jobs.processed").tag("job", job).counter();
		return (counter != null) ? counter.count() : 0;
	}

	@Test
	void theBacklogIsWorkedExactlyOnceInTotal() throws Exception {
		await("backlog worked").atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> processed("expire-requests") >= overdueRequests
					&& processed("auto-confirm-claims") >= staleClaims);
		// both instances have their chance at several ticks; nothing more may happen
		await("nothing worked twice").during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> {
				assertThat(processed("expire-requests")).isEqualTo((double) overdueRequests);
				assertThat(processed("auto-confirm-claims")).isEqualTo((double) staleClaims);
			});
		assertThat(jdbc.queryForObject(
				"select count(*) from help_requests where status = 'OPEN' and expires_at <= now()", Long.class))
			.isZero();
		for (Long claim : backlogClaims) {
			assertThat(jdbc.queryForObject("select status from claims where id = ?", String.class, claim))
				.isEqualTo("CONFIRMED");
		}
		// each confirmed claim's payment is decided once, whichever instance confirmed
		// it;
		// these helpers have no answered helps yet, so the auto-confirm gate pays them
		// nothing (docs/credits.md) and no ledger entry may appear for them
		await("payments decided").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(decided()).isEqualTo(CLAIMS));
		assertThat(jdbc.queryForList("select distinct state from help_payments where claim_id in (" + claimIds() + ")",
				String.class))
			.containsExactly("NONE");
		assertThat(paid()).isZero();
	}

	private static String claimIds() {
		return String.join(",", backlogClaims.stream().map(String::valueOf).toList());
	}

	private static long decided() {
		return jdbc.queryForObject("select count(*) from help_payments where claim_id in (" + claimIds() + ")",
				Long.class);
	}

	private static long paid() {
		String ids = String.join(",", backlogClaims.stream().map((id) -> "'claim:" + id + ":confirmed'").toList());
		return jdbc.queryForObject("select count(*) from ledger_entries where idempotency_key in (" + ids + ")",
				Long.class);
	}

	/**
	 * A loop of anonymous page views must not fill the session table (on a fresh
	 * application, as a visitor's browser would see it).
	 */
	@Test
	void anonymousPageViewsStoreNoSession() throws Exception {
		JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
		Long before = jdbc.queryForObject("select count(*) from spring_session", Long.class);
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		String a = "http://localhost:" + first.getEnvironment().getProperty("local.server.port");
		for (String page : List.of("/login", "/register", "/", "/g/kanjia", "/g", "/me", "/queue")) {
			for (int i = 0; i < 20; i++) {
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(a + page)).build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(response.headers().allValues("Set-Cookie")).as(page)
					.noneMatch((c) -> c.startsWith("SESSION="));
			}
		}
		assertThat(jdbc.queryForObject("select count(*) from spring_session", Long.class)).isEqualTo(before);
	}

	/**
	 * Behind a TLS proxy (X-Forwarded-Proto from a proxy on a private or loopback
	 * address): HSTS, and every cookie Secure, HttpOnly and SameSite=Lax. On an instance
	 * of its own: MockMvc's csrf() swaps the CSRF store of the shared test context.
	 */
	@Test
	void behindATlsProxyCookiesAreSecureAndHstsIsSent() throws Exception {
		String name = "tls" + UUID.randomUUID().toString().substring(0, 8);
		first.getBean(Accounts.class).register(name, PASSWORD);
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		String base = "http://localhost:" + first.getEnvironment().getProperty("local.server.port");
		HttpResponse<String> form = http.send(
				HttpRequest.newBuilder(URI.create(base + "/login")).header("X-Forwarded-Proto", "https").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(form.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying((hsts) -> assertThat(hsts).contains("max-age="));
		String csrfCookie = form.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith("XSRF-TOKEN="))
			.findFirst()
			.orElseThrow(() -> new AssertionError(form.headers().map()));
		assertThat(csrfCookie).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
		java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(form.body());
		assertThat(token.find()).isTrue();
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("X-Forwarded-Proto", "https")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", csrfCookie.substring(0, csrfCookie.indexOf(';')))
			.POST(HttpRequest.BodyPublishers.ofString("username=" + name + "&password=" + PASSWORD
					+ "&remember-me=on&_csrf=" + java.net.URLEncoder.encode(token.group(1), "UTF-8")))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow())
			.satisfiesAnyOf((l) -> assertThat(l).startsWith("https://"), (l) -> assertThat(l).startsWith("/"));
		List<String> cookies = login.headers().allValues("Set-Cookie");
		assertThat(cookies).filteredOn((c) -> c.startsWith("SESSION=") || c.startsWith("remember-me="))
			.hasSize(2)
			.allSatisfy((c) -> assertThat(c).contains("Secure").contains("HttpOnly").contains("SameSite=Lax"));
		// the page to return to after login is a cookie too
		HttpResponse<String> closed = http.send(
				HttpRequest.newBuilder(URI.create(base + "/me")).header("X-Forwarded-Proto", "https").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(closed.headers().allValues("Set-Cookie")).filteredOn((c) -> c.startsWith("REDIRECT_URI="))
			.singleElement()
			.satisfies((c) -> assertThat(c).contains("Secure").contains("HttpOnly").contains("SameSite=Lax"));
		assertThat(closed.headers().firstValue("Location").orElseThrow())
			.satisfiesAnyOf((l) -> assertThat(l).startsWith("https://"), (l) -> assertThat(l).startsWith("/"));
		// plain http without the proxy's header: no HSTS, no Secure flag
		HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void aLoginOnOneInstanceIsALoginOnTheOther() throws Exception {
		String name = "twin" + UUID.randomUUID().toString().substring(0, 8);
		first.getBean(Accounts.class).register(name, "correct-horse-battery");
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		String a = "http://localhost:" + first.getEnvironment().getProperty("local.server.port");
		String b = "http://localhost:" + second.getEnvironment().getProperty("local.server.port");

		String loggedIn = signIn(http, a, name)[0];

		HttpResponse<String> profileOnB = http.send(
				HttpRequest.newBuilder(URI.create(b + "/me")).header("Cookie", "SESSION=" + loggedIn).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(profileOnB.statusCode()).isEqualTo(200);
		assertThat(profileOnB.body()).contains(name);
	}

	/**
	 * Each instance keeps the sessions it read (system/security/KeptSessions), and every
	 * change made elsewhere reaches it: a logout on one instance, and a session deleted
	 * by hand in the database, end the session on the other within moments.
	 */
	@Test
	void keptSessionsEndOnEveryInstanceWhenTheSessionEndsAnywhere() throws Exception {
		KeptSessions keptOnB = second.getBean(KeptSessions.class);
		await().atMost(Duration.ofSeconds(10)).until(keptOnB::live);
		String a = "http://localhost:" + first.getEnvironment().getProperty("local.server.port");
		String b = "http://localhost:" + second.getEnvironment().getProperty("local.server.port");
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		for (String ending : List.of("logout", "delete")) {
			String name = "kept" + UUID.randomUUID().toString().substring(0, 8);
			first.getBean(Accounts.class).register(name, "correct-horse-battery");
			String[] session = signIn(http, a, name);

			// the login's own notices reach B a moment after the login: from then on B
			// serves the session from memory, view after view
			await().atMost(Duration.ofSeconds(10))
				.during(Duration.ofMillis(300))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> {
					long before = keptOnB.reads();
					HttpResponse<String> me = get(http, b + "/me", session);
					return me.statusCode() == 200 && me.body().contains(name) && keptOnB.reads() == before;
				});
			long readsBefore = keptOnB.reads();
			for (int i = 0; i < 5; i++) {
				HttpResponse<String> me = get(http, b + "/me", session);
				assertThat(me.statusCode()).isEqualTo(200);
				assertThat(me.body()).contains(name);
			}
			assertThat(keptOnB.reads() - readsBefore).as("five more views on B read no session").isZero();

			if (ending.equals("logout")) {
				HttpResponse<String> page = get(http, a + "/me", session);
				Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
				assertThat(csrf.find()).isTrue();
				HttpResponse<String> logout = http.send(HttpRequest.newBuilder(URI.create(a + "/logout"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("Cookie", "SESSION=" + session[0] + "; XSRF-TOKEN=" + session[1])
					.POST(HttpRequest.BodyPublishers
						.ofString("_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(logout.statusCode()).isEqualTo(302);
			}
			else {
				assertThat(jdbc.update("delete from spring_session where principal_name = ?", name)).isEqualTo(1);
			}
			await().atMost(Duration.ofSeconds(2))
				.pollInterval(Duration.ofMillis(20))
				.untilAsserted(() -> assertThat(get(http, b + "/me", session).statusCode()).as(ending).isEqualTo(302));
		}
	}

	/** Signs in on an instance: its SESSION and XSRF-TOKEN cookies. */
	private static String[] signIn(HttpClient http, String base, String name) throws Exception {
		HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		// an anonymous visitor gets no session, only the CSRF cookie
		assertThat(form.headers().allValues("Set-Cookie")).noneMatch((c) -> c.startsWith("SESSION="));
		String csrfCookie = cookie(form, "XSRF-TOKEN");
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
		assertThat(csrf.find()).isTrue();
		String body = "username=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
				+ "&password=correct-horse-battery&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", "XSRF-TOKEN=" + csrfCookie)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/me/todo"));
		return new String[] { cookie(login, "SESSION"), csrfCookie };
	}

	private static HttpResponse<String> get(HttpClient http, String url, String[] session) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Cookie", "SESSION=" + session[0] + "; XSRF-TOKEN=" + session[1])
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String cookie(HttpResponse<?> response, String name) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith(name + "="))
			.map((c) -> c.substring(name.length() + 1, c.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers()));
	}

}
