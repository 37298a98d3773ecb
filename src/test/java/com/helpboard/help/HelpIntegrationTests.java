package com.helpboard.help;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.helpboard.credit.Credits;
import com.helpboard.group.Groups;
import com.helpboard.request.Campaign;
import com.helpboard.request.Campaigns;
import com.helpboard.request.RequestStatus;
import com.helpboard.request.RequestView;
import com.helpboard.request.Requests;
import com.helpboard.support.Concurrently;
import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestClock;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers.TestMember;
import com.helpboard.system.HelpBoardException;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class HelpIntegrationTests {

	/** How long an event listener may take to catch up. */
	private static final Duration WAIT = Duration.ofSeconds(15);

	@Autowired
	MockMvc mvc;

	@Autowired
	Helps helps;

	@Autowired
	HelpQueue helpQueue;

	@Autowired
	Requests requests;

	@Autowired
	Groups groups;

	@Autowired
	Credits credits;

	@Autowired
	Campaigns campaigns;

	@Autowired
	TestData testData;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	com.helpboard.system.scheduling.EventResubmissionJob eventResubmission;

	@Autowired
	TestClock clock;

	private void assertLedgerInvariant(long memberId) {
		Long balance = this.jdbc.queryForObject(
				"select coalesce((select balance from credit_accounts where member_id = ?), 0)", Long.class, memberId);
		Long sum = this.jdbc.queryForObject("select coalesce(sum(amount), 0) from ledger_entries where member_id = ?",
				Long.class, memberId);
		assertThat(balance).isEqualTo(sum).isGreaterThanOrEqualTo(0);
	}

	private static List<Object> race(int threads, Callable<?> task) throws Exception {
		return Concurrently.run(threads, task);
	}

	@Test
	void fiftySimultaneousClaimsByOneHelperMakeExactlyOneClaim() throws Exception {
		TestMember author = this.testData.member("author").joining("kanjia");
		TestMember helper = this.testData.member("helper").joining("kanjia");
		RequestView request = this.testData.request().by(author).in("kanjia").needing(3).post();
		List<Object> results = race(50, () -> this.helps.claim(helper.id(), request.id()));
		assertThat(results).filteredOn(ClaimView.class::isInstance).hasSize(1);
		assertThat(results).filteredOn(HelpBoardException.class::isInstance)
			.allSatisfy((ex) -> assertThat(((HelpBoardException) ex).messageKey()).isEqualTo("help.claim.duplicate"));
		assertThat(
				this.jdbc.queryForObject("select count(*) from claims where request_id = ?", Long.class, request.id()))
			.isEqualTo(1);
	}

	@Test
	void fiftySimultaneousConfirmsPayExactlyOnce() throws Exception {
		TestMember author = this.testData.member("author").joining("kanjia");
		TestMember helper = this.testData.member("helper").joining("kanjia");
		RequestView request = this.testData.request().by(author).in("kanjia").needing(3).post();
		ClaimView claim = this.helps.claim(helper.id(), request.id());
		List<Object> results = race(50, () -> this.helps.confirm(author.id(), claim.id()));
		assertThat(results).allSatisfy((r) -> assertThat(r).isInstanceOf(ClaimView.class));
		await().atMost(WAIT).until(() -> this.credits.balance(helper.id()) == 1);
		// and no second payment follows
		await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> this.credits.balance(helper.id()) == 1);
		assertThat(this.jdbc.queryForObject("select count(*) from ledger_entries where member_id = ?", Long.class,
				helper.id()))
			.isEqualTo(1);
		assertThat(this.requests.get(request.id(), null).helpsConfirmed()).isEqualTo(1);
		assertLedgerInvariant(helper.id());
	}

	@Test
	void aRepublishedConfirmationDoesNotPayTwice() throws Exception {
		TestMember author = this.testData.member("author").joining("kanjia");
		TestMember helper = this.testData.member("helper").joining("kanjia");
		RequestView request = this.testData.request().by(author).in("kanjia").needing(2).post();
		ClaimView claim = this.helps.claim(helper.id(), request.id());
		this.helps.confirm(author.id(), claim.id());
		await().atMost(WAIT).until(() -> this.credits.balance(helper.id()) == 1);
		// as after a crash: the registry hands the same event to the listener again
		for (int i = 0; i < 3; i++) {
			this.transactions.executeWithoutResult((status) -> this.events.publishEvent(
					new ClaimConfirmed(claim.id(), request.id(), helper.id(), author.id(), false, Instant.now())));
		}
		// none of them pays again
		await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> this.credits.balance(helper.id()) == 1);
		assertLedgerInvariant(helper.id());
	}

	private long publications(long claimId, String condition) {
		return this.jdbc.queryForObject(
				"select count(*) from event_publication where serialized_event like ? and " + condition, Long.class,
				"%\"claimId\":" + claimId + ",%");
	}

	@Test
	void aListenerThatDiedIsRetriedByTheJobAndPaysExactlyOnce() throws Exception {
		TestMember author = this.testData.member("author").joining("kanjia");
		TestMember helper = this.testData.member("helper").joining("kanjia");
		RequestView request = this.testData.request().by(author).in("kanjia").needing(2).post();
		ClaimView claim = this.helps.claim(helper.id(), request.id());
		// the credit listener's first attempt dies
		// (a sequence is not rolled back with it)
		this.jdbc.execute("create sequence if not exists hb_test_fail_once");
		this.jdbc.execute("create or replace function hb_test_fail_once() returns trigger as $$ begin "
				+ "if new.member_id = " + helper.id() + " and nextval('hb_test_fail_once') = 1 then "
				+ "raise exception 'listener killed by the test'; end if; return new; end $$ language plpgsql");
		this.jdbc.execute("create trigger hb_test_fail_once before insert on ledger_entries "
				+ "for each row execute function hb_test_fail_once()");
		try {
			this.helps.confirm(author.id(), claim.id());
			await().atMost(WAIT).until(() -> publications(claim.id(), "status = 'FAILED'") == 1);
			assertThat(this.credits.balance(helper.id())).isZero();
			// the job resubmits publications still incomplete after a while (here: any)
			assertThat(this.eventResubmission.resubmit(java.time.Duration.ZERO)).isGreaterThanOrEqualTo(1);
			await().atMost(WAIT).until(() -> this.credits.balance(helper.id()) == 1);
			await().atMost(WAIT).until(() -> publications(claim.id(), "true") == 0);
			this.eventResubmission.resubmit(java.time.Duration.ZERO);
			await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> this.credits.balance(helper.id()) == 1);
			assertLedgerInvariant(helper.id());
		}
		finally {
			this.jdbc.execute("drop trigger if exists hb_test_fail_once on ledger_entries");
			this.jdbc.execute("drop function if exists hb_test_fail_once()");
			this.jdbc.execute("drop sequence if exists hb_test_fail_once");
		}
	}

	@Test
	void aCrashAfterPayingButBeforeCompletingIsResubmittedWithoutPayingTwice() throws Exception {
		TestMember author = this.testData.member("author").joining("kanjia");
		TestMember helper = this.testData.member("helper").joining("kanjia");
		RequestView request = this.testData.request().by(author).in("kanjia").needing(2).post();
		ClaimView claim = this.helps.claim(helper.id(), request.id());
		// keep a copy of the publication as the registry deletes it on completion
		this.jdbc
			.execute("create table if not exists hb_test_publications as select * from event_publication where false");
		this.jdbc.execute("create or replace function hb_test_keep() returns trigger as $$ begin "
				+ "insert into hb_test_publications select old.*; return old; end $$ language plpgsql");
		this.jdbc.execute("create trigger hb_test_keep before delete on event_publication "
				+ "for each row execute function hb_test_keep()");
		try {
			this.helps.confirm(author.id(), claim.id());
			await().atMost(WAIT).until(() -> this.credits.balance(helper.id()) == 1);
			await().atMost(WAIT).until(() -> publications(claim.id(), "true") == 0);
			// the process died after paying but before the registry marked the event done
			this.jdbc.update("insert into event_publication (id, listener_id, event_type, serialized_event, "
					+ "publication_date, status, completion_attempts) select id, listener_id, event_type, "
					+ "serialized_event, publication_date, 'PUBLISHED', 1 from hb_test_publications "
					// the credit listener's (the notification module hears the event too)
					+ "where serialized_event like ? and listener_id like '%HelpRewards%'",
					"%\"claimId\":" + claim.id() + ",%");
			assertThat(publications(claim.id(), "completion_date is null")).isEqualTo(1);
			this.eventResubmission.resubmit(java.time.Duration.ZERO);
			await().atMost(WAIT).until(() -> publications(claim.id(), "true") == 0);
			assertThat(this.credits.balance(helper.id())).isEqualTo(1);
			assertLedgerInvariant(helper.id());
		}
		finally {
			this.jdbc.execute("drop trigger if exists hb_test_keep on event_publication");
			this.jdbc.execute("drop function if exists hb_test_keep()");
			this.jdbc.execute("drop table if exists hb_test_publications");
		}
	}

	@Test
	void aClaimLeftUnansweredForADayConfirmsItselfWhenTheClockMoves() throws Exception {
		TestMember author = this.testData.member("author").joining("orchard");
		TestMember helper = this.testData.member("helper").joining("orchard");
		// auto-confirmed helps pay helpers whose answered helps are mostly confirmed
		this.testData.answeredHelps(helper, 5);
		await().atMost(WAIT).until(() -> this.credits.balance(helper.id()) == 5);
		RequestView request = this.testData.request().by(author).in("orchard").needing(3).post();
		ClaimView claim = this.helps.claim(helper.id(), request.id());
		try {
			this.clock.advance(Duration.ofHours(23));
			this.helps.autoConfirmOverdue(500);
			assertThat(this.helps.find(claim.id()).orElseThrow().status()).isEqualTo(ClaimStatus.CLAIMED);
			this.clock.advance(Duration.ofHours(2));
			this.helps.autoConfirmOverdue(500);
			assertThat(this.helps.find(claim.id()).orElseThrow().autoConfirmed()).isTrue();
		}
		finally {
			this.clock.reset();
		}
		await().atMost(WAIT).until(() -> this.credits.balance(helper.id()) == 6);
	}

	@Test
	void confirmingUpToTheNeededCountFulfilsTheRequestAndItLeavesTheFeed() throws Exception {
		TestMember author = this.testData.member("author").joining("pintuan");
		TestMember first = this.testData.member("first").joining("pintuan");
		TestMember second = this.testData.member("second").joining("pintuan");
		RequestView request = this.testData.request().by(author).in("pintuan").needing(2).post();
		this.mvc.perform(post("/api/v1/requests/" + request.id() + "/claims").header("Authorization", first.bearer()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("CLAIMED"))
			.andExpect(jsonPath("$.request").value(request.id()));
		this.mvc.perform(post("/r/" + request.id() + "/claim").with(csrf()).with(second.session()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/waiting").with(author.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(first.username())))
			.andExpect(content().string(containsString(second.username())));
		this.mvc.perform(post("/r/" + request.id() + "/claims/confirm-all").with(csrf()).with(author.session()))
			.andExpect(status().is3xxRedirection());
		RequestView after = this.requests.get(request.id(), null);
		assertThat(after.helpsConfirmed()).isEqualTo(2);
		assertThat(after.status()).isEqualTo(RequestStatus.FULFILLED);
		this.mvc.perform(get("/api/v1/groups/pintuan/requests").param("size", "100"))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("\"id\":" + request.id() + ","))));
		await().atMost(WAIT)
			.until(() -> this.credits.balance(first.id()) == 1 && this.credits.balance(second.id()) == 1);
		this.mvc.perform(get("/api/v1/me").header("Authorization", first.bearer()))
			.andExpect(jsonPath("$.helpsGiven").value(1))
			.andExpect(jsonPath("$.balance").value(1));
		this.mvc.perform(get("/api/v1/me").header("Authorization", author.bearer()))
			.andExpect(jsonPath("$.helpsReceived").value(2));
		this.mvc.perform(get("/api/v1/me/ledger").header("Authorization", first.bearer()))
			.andExpect(jsonPath("$.items[0].kind").value("EARN"))
			.andExpect(jsonPath("$.items[0].amount").value(1));
	}

	@Test
	void misuseIsRefusedAndChangesNothing() throws Exception {
		TestMember author = this.testData.member("author").joining("kanjia");
		TestMember helper = this.testData.member("helper").joining("kanjia");
		TestMember stranger = this.testData.member("stranger").joining("kanjia");
		RequestView request = this.testData.request().by(author).in("kanjia").needing(2).post();
		this.mvc.perform(post("/api/v1/requests/" + request.id() + "/claims").header("Authorization", author.bearer()))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		String claimJson = this.mvc
			.perform(post("/api/v1/requests/" + request.id() + "/claims").header("Authorization", helper.bearer()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long claimId = JsonPath.<Number>read(claimJson, "$.id").longValue();
		this.mvc.perform(post("/api/v1/requests/" + request.id() + "/claims").header("Authorization", helper.bearer()))
			.andExpect(status().isConflict());
		this.mvc.perform(post("/api/v1/claims/" + claimId + "/confirm").header("Authorization", stranger.bearer()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/v1/claims/" + claimId + "/confirm").header("Authorization", helper.bearer()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/requests/" + request.id() + "/claims").header("Authorization", stranger.bearer()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/v1/claims/987654321/confirm").header("Authorization", author.bearer()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/api/v1/requests/987654321/claims").header("Authorization", helper.bearer()))
			.andExpect(status().isNotFound());
		assertThat(this.helps.find(claimId).orElseThrow().status()).isEqualTo(ClaimStatus.CLAIMED);

		this.mvc.perform(post("/api/v1/claims/" + claimId + "/reject").header("Authorization", author.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REJECTED"));
		this.mvc.perform(post("/api/v1/claims/" + claimId + "/confirm").header("Authorization", author.bearer()))
			.andExpect(status().isConflict());
		this.mvc.perform(get("/api/v1/me").header("Authorization", helper.bearer()))
			.andExpect(jsonPath("$.standing").value(Helps.STANDING_PER_REJECTED));
		assertThat(this.credits.balance(helper.id())).isZero();

		this.requests.withdraw(request.id(), author.id());
		this.mvc
			.perform(post("/api/v1/requests/" + request.id() + "/claims").header("Authorization", stranger.bearer()))
			.andExpect(status().isConflict());
	}

	@Test
	void theCampaignDailyCapAnswers429WithWhenItResets() throws Exception {
		TestMember helper = this.testData.member("capped").joining("new-user");
		// through the admin's edit, which the campaign cache sees at once
		this.campaigns.update("pdd-new-user",
				new Campaigns.CampaignEdit("新人助力", "New-user help", Campaign.TtlMode.HOURS, 24, 24, 2, true));
		try {
			List<RequestView> posted = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				TestMember author = this.testData.member("author").joining("new-user");
				posted.add(this.testData.request()
					.by(author)
					.in("new-user")
					.saying("新人助力")
					.inCampaign("pdd-new-user")
					.post());
			}
			this.helps.claim(helper.id(), posted.get(0).id());
			this.helps.claim(helper.id(), posted.get(1).id());
			this.mvc
				.perform(post("/api/v1/requests/" + posted.get(2).id() + "/claims").header("Authorization",
						helper.bearer()))
				.andExpect(status().isTooManyRequests())
				.andExpect(header().exists("Retry-After"))
				.andExpect(jsonPath("$.retryAt").exists());
			assertThat(this.helps.claimOf(posted.get(2).id(), helper.id())).isEmpty();
			assertThat(this.helps.today(helper.id()).campaigns()).anySatisfy((c) -> {
				assertThat(c.campaign()).isEqualTo("pdd-new-user");
				assertThat(c.capped()).isTrue();
			});
			// and the queue no longer offers that campaign
			assertThat(next(helper.id(), this.groups.get("new-user").id())).map(RequestView::campaign)
				.isNotEqualTo(java.util.Optional.of("pdd-new-user"));
		}
		finally {
			this.campaigns.update("pdd-new-user",
					new Campaigns.CampaignEdit("新人助力", "New-user help", Campaign.TtlMode.HOURS, 24, 24, 5, true));
		}
	}

	@Test
	void newUserOnlyCampaignsTakeHelpFromNewAccountsOnly() throws Exception {
		TestMember owner = this.testData.member("owner").create();
		String slug = this.testData.group("newbies").named("Newbies").ownedBy(owner);
		TestMember veteran = this.testData.member("veteran").joining(slug);
		TestMember newcomer = this.testData.member("newcomer").joining(slug);
		// eight days old: past the default seven of helpboard.help.new-user-days
		this.jdbc.update("update members set created_at = ? where id = ?",
				Timestamp.from(this.clock.instant().minus(Duration.ofDays(8))), veteran.id());
		RequestView request = this.testData.request()
			.by(owner)
			.in(slug)
			.saying("新人助力")
			.inCampaign("pdd-new-user")
			.post();
		assertThat(this.campaigns.get(request.campaign()).newUserOnly()).isTrue();

		// the queue does not offer it to the veteran, and claiming it is refused
		this.mvc.perform(get("/api/v1/queue/next").param("group", slug).header("Authorization", veteran.bearer()))
			.andExpect(status().isNoContent());
		this.mvc
			.perform(post("/api/v1/requests/" + request.id() + "/claims").header("Authorization", veteran.bearer())
				.header("Accept-Language", "en"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail")
				.value("This campaign takes help from new users only: accounts older than 7 days cannot help it."));
		this.mvc.perform(post("/r/" + request.id() + "/claim").with(csrf()).with(veteran.session()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flash", "help.claim.new-users-only"));
		this.mvc.perform(get("/r/" + request.id()).with(veteran.session()).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("id=\"new-users-only\"")))
			.andExpect(content().string(not(containsString("id=\"claim\""))));
		assertThat(this.helps.claimOf(request.id(), veteran.id())).isEmpty();

		// a new account is offered it and may claim it
		this.mvc.perform(get("/api/v1/queue/next").param("group", slug).header("Authorization", newcomer.bearer()))
			.andExpect(jsonPath("$.id").value(request.id()));
		this.mvc.perform(get("/r/" + request.id()).with(newcomer.session()))
			.andExpect(content().string(containsString("id=\"claim\"")))
			.andExpect(content().string(not(containsString("id=\"new-users-only\""))));
		this.mvc
			.perform(post("/api/v1/requests/" + request.id() + "/claims").header("Authorization", newcomer.bearer()))
			.andExpect(status().isCreated());
	}

	@Test
	void theQueueServesWhatICanHelpOneAfterAnother() throws Exception {
		TestMember owner = this.testData.member("owner").create();
		String slug = this.testData.group("queue").named("Queue").ownedBy(owner);
		TestMember helper = this.testData.member("helper").joining(slug);
		TestMember other = this.testData.member("other").joining(slug);
		this.testData.request().by(helper).in(slug).needing(1).post();
		RequestView first = this.testData.request().by(owner).in(slug).needing(1).post();
		RequestView second = this.testData.request().by(other).in(slug).needing(1).post();

		this.mvc.perform(get("/api/v1/queue/next").param("group", slug).header("Authorization", helper.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(first.id()));
		this.mvc.perform(get("/queue").param("group", slug).with(helper.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-request-id=\"" + first.id() + "\"")));
		this.mvc
			.perform(post("/r/" + first.id() + "/claim").with(csrf())
				.with(helper.session())
				.param("from", "queue")
				.param("group", slug))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", "/queue?group=" + slug));
		this.mvc.perform(get("/api/v1/queue/next").param("group", slug).header("Authorization", helper.bearer()))
			.andExpect(jsonPath("$.id").value(second.id()));
		this.helps.claim(helper.id(), second.id());
		this.mvc.perform(get("/api/v1/queue/next").param("group", slug).header("Authorization", helper.bearer()))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/queue").param("group", slug).with(helper.session()).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("Helped today: 2")));
	}

	@Test
	void theQueueKnowsAJoinAndALeaveAtOnce() throws Exception {
		TestMember owner = this.testData.member("owner").create();
		String slug = this.testData.group("qjoin").named("Qjoin").ownedBy(owner);
		TestMember helper = this.testData.member("helper").create();
		String option = "value=\"" + slug + "\"";
		// seen once as an outsider: the queue refuses the group and does not offer it
		this.mvc.perform(get("/queue").param("group", slug).with(helper.session())).andExpect(status().isNotFound());
		this.mvc.perform(get("/queue").with(helper.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(option))));

		// joining counts at the next view, not seconds later
		this.groups.join(slug, helper.id(), null);
		this.mvc.perform(get("/queue").param("group", slug).with(helper.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(option)));

		// and so does leaving
		this.groups.leave(slug, helper.id());
		this.mvc.perform(get("/queue").param("group", slug).with(helper.session())).andExpect(status().isNotFound());
		this.mvc.perform(get("/queue").with(helper.session()))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(option))));
	}

	@Test
	void aBlockedAuthorNeverComesUpInTheQueue() throws Exception {
		TestMember owner = this.testData.member("owner").create();
		String slug = this.testData.group("block").named("Block").ownedBy(owner);
		TestMember helper = this.testData.member("helper").joining(slug);
		RequestView theirs = this.testData.request().by(owner).in(slug).needing(1).post();
		assertThat(next(helper.id(), null)).map(RequestView::id).contains(theirs.id());
		this.mvc.perform(post("/r/" + theirs.id() + "/block").with(csrf()).with(helper.session()))
			.andExpect(status().is3xxRedirection());
		assertThat(next(helper.id(), null)).isEmpty();
		this.mvc.perform(get("/r/" + theirs.id()).with(helper.session()).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("Show " + owner.username() + "&#39;s requests again")));
		this.mvc
			.perform(post("/r/" + theirs.id() + "/block").param("block", "false").with(csrf()).with(helper.session()))
			.andExpect(status().is3xxRedirection());
		assertThat(next(helper.id(), null)).map(RequestView::id).contains(theirs.id());
	}

	@Test
	void unansweredClaimsConfirmThemselvesAfterADay() throws Exception {
		TestMember author = this.testData.member("author").joining("kanjia");
		TestMember helper = this.testData.member("helper").joining("kanjia");
		// auto-confirmed helps pay helpers whose answered helps are mostly confirmed
		this.testData.answeredHelps(helper, 5);
		await().atMost(WAIT).until(() -> this.credits.balance(helper.id()) == 5);
		RequestView request = this.testData.request().by(author).in("kanjia").needing(1).post();
		ClaimView claim = this.helps.claim(helper.id(), request.id());
		assertThat(this.helps.autoConfirmOverdue(100)).isGreaterThanOrEqualTo(0);
		assertThat(this.helps.find(claim.id()).orElseThrow().status()).isEqualTo(ClaimStatus.CLAIMED);
		this.jdbc.update("update claims set created_at = ? where id = ?",
				Timestamp.from(Instant.now().minus(Duration.ofHours(25))), claim.id());
		assertThat(this.helps.autoConfirmOverdue(100)).isGreaterThanOrEqualTo(1);
		ClaimView after = this.helps.find(claim.id()).orElseThrow();
		assertThat(after.status()).isEqualTo(ClaimStatus.CONFIRMED);
		assertThat(after.autoConfirmed()).isTrue();
		assertThat(this.requests.get(request.id(), null).status()).isEqualTo(RequestStatus.FULFILLED);
		await().atMost(WAIT).until(() -> this.credits.balance(helper.id()) == 6);
	}

	@Test
	void afterTheFreePostsPostingNeedsRecentHelp() throws Exception {
		TestMember member = this.testData.member("poster").joining("free-order");
		this.jdbc.update("update topic_groups set free_posts = 1, helps_to_post = 1 where slug = 'free-order'");
		try {
			this.testData.request().by(member).in("free-order").needing(1).post();
			this.mvc.perform(get("/g/free-order/post").with(member.session()).header("Accept-Language", "en"))
				.andExpect(content().string(containsString("help 1 more people to post again")));
			assertThatThrownBy(() -> this.testData.request().by(member).in("free-order").needing(1).post())
				.isInstanceOf(HelpBoardException.class)
				.hasMessage("help.post-rule.missing");
			TestMember author = this.testData.member("author").joining("free-order");
			RequestView other = this.testData.request().by(author).in("free-order").needing(1).post();
			ClaimView claim = this.helps.claim(member.id(), other.id());
			// a help counts once its requester confirmed it
			assertThatThrownBy(() -> this.testData.request().by(member).in("free-order").needing(1).post())
				.isInstanceOf(HelpBoardException.class)
				.hasMessage("help.post-rule.missing");
			this.helps.confirm(author.id(), claim.id());
			assertThat(this.testData.request().by(member).in("free-order").needing(1).post().status())
				.isEqualTo(RequestStatus.OPEN);
		}
		finally {
			this.jdbc.update("update topic_groups set free_posts = 3, helps_to_post = 1 where slug = 'free-order'");
		}
	}

	@Test
	void requestCardsShowTheAuthorsReciprocity() throws Exception {
		TestMember author = this.testData.member("author").joining("orchard");
		TestMember helper = this.testData.member("helper").joining("orchard");
		RequestView theirs = this.testData.request().by(helper).in("orchard").needing(1).post();
		ClaimView claim = this.helps.claim(author.id(), theirs.id());
		this.helps.confirm(helper.id(), claim.id());
		RequestView mine = this.testData.request().by(author).in("orchard").needing(2).post();
		this.mvc.perform(get("/api/v1/requests/" + mine.id()))
			.andExpect(jsonPath("$.authorHelpsGiven").value(1))
			.andExpect(jsonPath("$.authorHelpsReceived").value(0));
		this.mvc.perform(get("/r/" + mine.id()).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("gave 1 · got 0")));
	}

	private java.util.Optional<RequestView> next(long helperId, @org.jspecify.annotations.Nullable Long groupId) {
		List<Long> groupIds = (groupId != null) ? List.of(groupId) : this.groups.groupIdsForView(helperId);
		return java.util.Optional.ofNullable(this.helpQueue.view(helperId, groupIds, List.of()).next());
	}

}
