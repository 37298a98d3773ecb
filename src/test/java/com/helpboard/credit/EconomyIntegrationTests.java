package com.helpboard.credit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.helpboard.account.Accounts;
import com.helpboard.help.ClaimView;
import com.helpboard.help.Helps;
import com.helpboard.request.RequestView;
import com.helpboard.support.Concurrently;
import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestClock;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers.TestMember;
import com.helpboard.system.HelpBoardException;
import com.helpboard.system.LimitReached;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The credit economy's rules (docs/credits.md) on real PostgreSQL, through the facades,
 * the pages and the API.
 */
@IntegrationTest
class EconomyIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	MockMvc mvc;

	@Autowired
	Helps helps;

	@Autowired
	Credits credits;

	@Autowired
	Accounts accounts;

	@Autowired
	TestData testData;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	private String group(String prefix) {
		return this.testData.group(prefix).postingFreely().ownedBy(this.testData.member(prefix + "-owner").create());
	}

	/** The author posts, the helper claims, the author confirms by hand; the claim. */
	private ClaimView helpConfirmed(TestMember helper, TestMember author, String group) {
		RequestView request = this.testData.request().by(author).in(group).post();
		ClaimView claim = this.helps.claim(helper.id(), request.id());
		this.helps.confirm(author.id(), claim.id());
		awaitPayment(claim.id());
		return claim;
	}

	private void awaitPayment(long claimId) {
		await().atMost(WAIT)
			.until(() -> this.jdbc.queryForObject("select count(*) from help_payments where claim_id = ?", Long.class,
					claimId) == 1);
	}

	private String paymentState(long claimId) {
		return this.jdbc.queryForObject(
				"select state || ':' || coalesce(reason, '') from help_payments where claim_id = ?", String.class,
				claimId);
	}

	private long spendable(TestMember member) {
		return this.credits.balance(member.id());
	}

	@Test
	void fiveFreshAccountsFarmingEachOtherForAWeekEndWithNoSpendableCredit() {
		String group = group("farm");
		List<TestMember> ring = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ring.add(this.testData.member("farm" + i).fresh().joining(group));
		}
		int confirmations = 0;
		for (int day = 0; day < 7; day++) {
			for (TestMember author : ring) {
				RequestView request = this.testData.request().by(author).in(group).needing(4).post();
				for (TestMember helper : ring) {
					if (helper != author) {
						ClaimView claim = this.helps.claim(helper.id(), request.id());
						this.helps.confirm(author.id(), claim.id());
						confirmations++;
					}
				}
			}
			this.clock.advance(Duration.ofDays(1));
			this.credits.releaseHeld(500);
		}
		long total = confirmations;
		List<Long> ids = ring.stream().map(TestMember::id).toList();
		await().atMost(WAIT)
			.until(() -> this.jdbc.queryForObject(
					"select count(*) from help_payments where helper_id in (?, ?, ?, ?, ?)", Long.class,
					ids.toArray()) == total);
		this.credits.releaseHeld(500);
		// nothing they minted for each other is spendable: none of them was ever vouched
		// for
		// by an established member, so every credit is held
		for (TestMember member : ring) {
			assertThat(spendable(member)).as("spendable credits of %s", member.username()).isZero();
			assertThat(this.credits.summary(member.id()).established()).isFalse();
		}
		// and what is held is capped too: at most 4 a week between any two of them
		Long held = this.jdbc.queryForObject(
				"select coalesce(sum(amount), 0) from help_payments where helper_id in (?, ?, ?, ?, ?) and state = 'HELD'",
				Long.class, ids.toArray());
		assertThat(total).isEqualTo(140);
		assertThat(held).isLessThanOrEqualTo(2 * 10 * 4);
		// standing counts distinct counterparts: 4 at most, short of a group's 5
		for (TestMember member : ring) {
			assertThat(this.accounts.findById(member.id()).orElseThrow().standing()).isLessThanOrEqualTo(4);
		}
	}

	@Test
	void oneAuthorPaysOneHelperAtMostThreeCreditsAWeekAndTheLedgerSaysWhy() throws Exception {
		String group = group("pair");
		TestMember author = this.testData.member("pair-author").joining(group);
		TestMember helper = this.testData.member("pair-helper").joining(group);
		List<ClaimView> claims = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			claims.add(helpConfirmed(helper, author, group));
		}
		assertThat(spendable(helper)).isEqualTo(3);
		assertThat(paymentState(claims.get(0).id())).isEqualTo("PAID:");
		assertThat(paymentState(claims.get(3).id())).isEqualTo("NONE:PAIR_CAP");
		// standing: +1 for the first help to this author only
		assertThat(this.accounts.findById(helper.id()).orElseThrow().standing()).isEqualTo(1);
		this.mvc.perform(get("/me/ledger").with(helper.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("本周已从该成员获得 3 积分")))
			.andExpect(content().string(containsString("帮 " + author.username())))
			.andExpect(content().string(containsString("/r/" + claims.get(0).requestId())));
		this.mvc
			.perform(get("/api/v1/me/ledger").header("Authorization", helper.bearer()).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].requestId").value(claims.get(2).requestId()))
			.andExpect(jsonPath("$.items[0].counterpart").value(author.username()))
			.andExpect(jsonPath("$.items[0].reference").value("claim:" + claims.get(2).id()))
			.andExpect(jsonPath("$.items[0].balanceAfter").value(3));
		this.mvc
			.perform(get("/api/v1/me/help-payments").header("Authorization", helper.bearer())
				.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].state").value("NONE"))
			.andExpect(jsonPath("$[0].reason").value("PAIR_CAP"))
			.andExpect(jsonPath("$[0].explanation")
				.value(containsString("this help paid no credit: 3 credits from this member this week already")));
		this.mvc.perform(get("/me").with(helper.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("本周已从该成员获得 3 积分")));
		// "我帮过的" says it beside the help, and its API too
		this.mvc.perform(get("/me/helped").with(helper.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-payment-state=\"NONE\"")))
			.andExpect(content().string(containsString("本周已从该成员获得 3 积分")));
		this.mvc
			.perform(get("/api/v1/me/claims").header("Authorization", helper.bearer()).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].id").value(claims.get(3).id()))
			.andExpect(jsonPath("$.items[0].credits").value(0))
			.andExpect(jsonPath("$.items[0].paymentState").value("NONE"))
			.andExpect(jsonPath("$.items[0].explanation")
				.value(containsString("this help paid no credit: 3 credits from this member this week already")))
			.andExpect(jsonPath("$.items[3].credits").value(1));
		// a week later the cap starts again
		this.clock.advance(Duration.ofDays(7).plusMinutes(1));
		ClaimView later = helpConfirmed(helper, author, group);
		assertThat(paymentState(later.id())).isEqualTo("PAID:");
	}

	@Test
	void aNewAuthorsConfirmationIsHeldAndReleasedOnceWhenTheAuthorComesOfAge() throws Exception {
		String group = group("held");
		TestMember established = this.testData.member("held-old").joining(group);
		TestMember newcomer = this.testData.member("held-new").fresh().joining(group);
		TestMember helper = this.testData.member("held-helper").joining(group);
		ClaimView held = helpConfirmed(helper, newcomer, group);
		assertThat(paymentState(held.id())).isEqualTo("HELD:AUTHOR_NEW");
		assertThat(spendable(helper)).isZero();
		assertThat(this.credits.summary(helper.id()).held()).isEqualTo(1);
		this.mvc.perform(get("/me/ledger").with(helper.session()))
			.andExpect(content().string(containsString("待发放，等 " + newcomer.username() + " 的账号成熟后")));
		// the newcomer helps an established member, who confirms: vouched for, of age in
		// 24 h
		helpConfirmed(newcomer, established, group);
		this.credits.releaseHeld(500);
		assertThat(spendable(helper)).isZero();
		this.clock.advance(Duration.ofHours(25));
		this.credits.releaseHeld(500);
		this.credits.releaseHeld(500);
		assertThat(paymentState(held.id())).isEqualTo("RELEASED:");
		assertThat(spendable(helper)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from ledger_entries where idempotency_key = ?", Long.class,
				"claim:" + held.id() + ":released"))
			.isEqualTo(1);
		// now established: the newcomer's confirmations pay at once
		assertThat(paymentState(helpConfirmed(helper, newcomer, group).id())).isEqualTo("PAID:");
	}

	@Test
	void aHeldCreditIsNeverReleasedWhenItsAuthorIsSuspendedFirst() {
		String group = group("susp");
		TestMember established = this.testData.member("susp-old").joining(group);
		TestMember newcomer = this.testData.member("susp-new").fresh().joining(group);
		TestMember helper = this.testData.member("susp-helper").joining(group);
		ClaimView held = helpConfirmed(helper, newcomer, group);
		helpConfirmed(newcomer, established, group);
		this.accounts.suspend(newcomer.id(), "sock puppet");
		this.clock.advance(Duration.ofHours(25));
		this.credits.releaseHeld(500);
		assertThat(paymentState(held.id())).isEqualTo("NONE:AUTHOR_SUSPENDED");
		assertThat(spendable(helper)).isZero();
		this.accounts.unsuspend(newcomer.id());
		this.credits.releaseHeld(500);
		assertThat(spendable(helper)).isZero();
	}

	@Test
	void newAccountsCannotBoostOrCreateGroups() throws Exception {
		String group = group("newacc");
		TestMember newcomer = this.testData.member("newacc").fresh().withCredits(10).joining(group);
		RequestView request = this.testData.request().by(newcomer).in(group).post();
		this.mvc
			.perform(post("/api/v1/requests/{id}/boosts", request.id()).header("Authorization", newcomer.bearer())
				.header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"hours\": 1}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("A new account cannot boost yet")));
		assertThat(spendable(newcomer)).isEqualTo(10);
		// the boost page itself, answering with the refusal's status
		this.mvc.perform(post("/r/{id}/boost", request.id()).with(newcomer.session()).with(csrf()).param("hours", "1"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("新账号还不能置顶")));
		assertThat(spendable(newcomer)).isEqualTo(10);
		this.mvc
			.perform(post("/groups/new").with(newcomer.session())
				.with(csrf())
				.param("slug", "newacc-" + newcomer.id())
				.param("name", "x")
				.param("visibility", "PUBLIC"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("新账号注册满 24 小时后才能创建群组")));
	}

	@Test
	void anAutoConfirmedHelpPaysOnlyAHelperWhoseAnsweredHelpsAreMostlyConfirmed() {
		String group = group("gate");
		TestMember author = this.testData.member("gate-author").joining(group);
		TestMember unknown = this.testData.member("gate-unknown").joining(group);
		TestMember trusted = this.testData.member("gate-trusted").joining(group);
		for (int i = 0; i < 5; i++) {
			helpConfirmed(trusted, this.testData.member("gate-a" + i).joining(group), group);
		}
		RequestView request = this.testData.request().by(author).in(group).needing(2).post();
		ClaimView unanswered = this.helps.claim(unknown.id(), request.id());
		ClaimView good = this.helps.claim(trusted.id(), request.id());
		long before = spendable(trusted);
		this.clock.advance(Duration.ofHours(25));
		while (this.helps.autoConfirmOverdue(2000) > 0) {
			// every overdue claim, this test's among them
		}
		assertThat(paymentState(unanswered.id())).isEqualTo("NONE:AUTO_TOO_FEW_ANSWERS");
		assertThat(paymentState(good.id())).isEqualTo("PAID:");
		assertThat(spendable(unknown)).isZero();
		assertThat(spendable(trusted)).isEqualTo(before + 1);
	}

	@Test
	void theAuthorRejectsAnAutoConfirmedHelpWithin72HoursAndItsCreditComesBackAsDebtPaidFirst() throws Exception {
		String group = group("rev");
		TestMember author = this.testData.member("rev-author").joining(group);
		TestMember helper = this.testData.member("rev-helper").joining(group);
		for (int i = 0; i < 5; i++) {
			helpConfirmed(helper, this.testData.member("rev-a" + i).joining(group), group);
		}
		RequestView request = this.testData.request().by(author).in(group).needing(1).post();
		ClaimView claim = this.helps.claim(helper.id(), request.id());
		this.clock.advance(Duration.ofHours(25));
		while (this.helps.autoConfirmOverdue(2000) > 0) {
			// every overdue claim
		}
		assertThat(paymentState(claim.id())).isEqualTo("PAID:");
		// the helper spends everything: the reversal finds an empty balance
		long balance = spendable(helper);
		this.credits.adjust(helper.id(), -balance, "test:spend:" + helper.id(), "test");
		this.mvc.perform(get("/r/{id}", request.id()).with(author.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/claims/" + claim.id() + "/reject")));
		this.clock.advance(Duration.ofHours(70));
		this.mvc.perform(post("/api/v1/claims/{id}/reject", claim.id()).header("Authorization", author.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REJECTED"));
		await().atMost(WAIT).until(() -> paymentState(claim.id()).equals("REVERSED:REJECTED_AFTER_AUTO"));
		assertThat(spendable(helper)).isZero();
		assertThat(this.credits.summary(helper.id()).debt()).isEqualTo(1);
		this.mvc.perform(get("/me/ledger").with(helper.session()))
			.andExpect(content().string(containsString("已撤回，发布者拒绝了这次自动确认的帮助")))
			.andExpect(content().string(containsString("新获得的积分会先用来还欠款")));
		// the next credit pays the debt first
		ClaimView next = helpConfirmed(helper, this.testData.member("rev-next").joining(group), group);
		assertThat(paymentState(next.id())).isEqualTo("PAID:");
		assertThat(spendable(helper)).isZero();
		assertThat(this.credits.summary(helper.id()).debt()).isZero();
		assertThat(helpConfirmed(helper, this.testData.member("rev-next2").joining(group), group)).isNotNull();
		assertThat(spendable(helper)).isEqualTo(1);
	}

	@Test
	void anAutoConfirmedHelpCannotBeRejectedAfter72Hours() throws Exception {
		String group = group("late");
		TestMember author = this.testData.member("late-author").joining(group);
		TestMember helper = this.testData.member("late-helper").joining(group);
		RequestView request = this.testData.request().by(author).in(group).post();
		ClaimView claim = this.helps.claim(helper.id(), request.id());
		this.clock.advance(Duration.ofHours(25));
		while (this.helps.autoConfirmOverdue(2000) > 0) {
			// every overdue claim
		}
		this.clock.advance(Duration.ofHours(73));
		this.mvc
			.perform(post("/api/v1/claims/{id}/reject", claim.id()).header("Authorization", author.bearer())
				.header("Accept-Language", "en"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("more than 72 hours ago")));
	}

	@Test
	void twentySimultaneousClaimsByOneHelperLeaveExactlyTheCapPending() throws Exception {
		String group = group("pend");
		TestMember helper = this.testData.member("pend-helper").joining(group);
		List<RequestView> requests = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			TestMember author = this.testData.member("pend-a" + i).joining(group);
			requests.add(this.testData.request().by(author).in(group).inCampaign("pdd-orchard").post());
		}
		AtomicInteger next = new AtomicInteger();
		List<Object> results = Concurrently.run(20,
				() -> this.helps.claim(helper.id(), requests.get(next.getAndIncrement()).id()));
		assertThat(results).filteredOn(ClaimView.class::isInstance).hasSize(10);
		assertThat(results).filteredOn(HelpBoardException.class::isInstance).hasSize(10).allSatisfy((ex) -> {
			assertThat(ex).isInstanceOf(LimitReached.class);
			assertThat(((HelpBoardException) ex).messageKey()).isEqualTo("help.claim.too-many-pending");
		});
		RequestView another = this.testData.request()
			.by(this.testData.member("pend-b").joining(group))
			.in(group)
			.inCampaign("pdd-orchard")
			.post();
		this.mvc
			.perform(post("/api/v1/requests/{id}/claims", another.id()).header("Authorization", helper.bearer())
				.header("Accept-Language", "en"))
			.andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.detail").value(containsString("You have 10 helps waiting")));
	}

}
