package com.helpboard.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.helpboard.credit.BoostStarted;
import com.helpboard.credit.Boosts;
import com.helpboard.help.ClaimConfirmed;
import com.helpboard.help.ClaimMade;
import com.helpboard.help.ClaimRejected;
import com.helpboard.help.ClaimView;
import com.helpboard.help.ClaimsConfirmed;
import com.helpboard.help.Helps;
import com.helpboard.request.RequestClosed;
import com.helpboard.request.RequestRestored;
import com.helpboard.request.RequestStatus;
import com.helpboard.request.RequestView;
import com.helpboard.request.Requests;
import com.helpboard.request.RequestsClosed;
import com.helpboard.support.Concurrently;
import com.helpboard.support.IntegrationTest;
import com.helpboard.support.StatementCounter;
import com.helpboard.support.TestClock;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers.TestMember;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Notifications: each event yields exactly one, also when it is handed to the listener
 * again (republished, as the registry does after a crash); marking read on the page and
 * through the API touches only the member's own; the nav's counts; the expiring-soon job;
 * where a login lands; "我帮过的" and the claim counts of "我的请求".
 */
@IntegrationTest
class NotificationIntegrationTests {

	/** How long an event listener may take to catch up. */
	private static final Duration WAIT = Duration.ofSeconds(15);

	/** A group of this class's own: its many open requests crowd no other test's feed. */
	private String group;

	@org.junit.jupiter.api.BeforeEach
	void aGroupOfItsOwn() {
		this.group = this.testData.group("notify").postingFreely().ownedBy(this.testData.member("nowner").create());
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Helps helps;

	@Autowired
	Requests requests;

	@Autowired
	Boosts boosts;

	@Autowired
	Notifications notifications;

	@Autowired
	TestData testData;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	TestClock clock;

	private long count(long memberId, NotificationKind kind) {
		return this.jdbc.queryForObject("select count(*) from notifications where member_id = ? and kind = ?",
				Long.class, memberId, kind.name());
	}

	private long countAbout(long memberId, NotificationKind kind, long subjectId) {
		return this.jdbc.queryForObject(
				"select count(*) from notifications where member_id = ? and kind = ? and subject_id = ?", Long.class,
				memberId, kind.name(), subjectId);
	}

	private void awaitOne(long memberId, NotificationKind kind, long subjectId) {
		await().atMost(WAIT).until(() -> countAbout(memberId, kind, subjectId) == 1);
	}

	/**
	 * Publishes the event again, in a transaction, as the registry would after a crash.
	 */
	private void republish(Object event, int times) {
		for (int i = 0; i < times; i++) {
			this.transactions.executeWithoutResult((status) -> this.events.publishEvent(event));
		}
	}

	private void assertStaysOne(long memberId, NotificationKind kind, long subjectId) {
		await().during(Duration.ofMillis(800)).atMost(WAIT).until(() -> countAbout(memberId, kind, subjectId) == 1);
	}

	private long idOf(long memberId, NotificationKind kind, long subjectId) {
		return this.jdbc.queryForObject(
				"select id from notifications where member_id = ? and kind = ? and subject_id = ?", Long.class,
				memberId, kind.name(), subjectId);
	}

	private boolean isRead(long id) {
		return this.jdbc.queryForObject("select read_at is not null from notifications where id = ?", Boolean.class,
				id);
	}

	// --- each event, once -------------------------------------------------------

	@Test
	void aClaimTellsTheAuthorOnceEvenWhenRepublished() {
		TestMember author = this.testData.member("na").joining(this.group);
		TestMember helper = this.testData.member("nh").joining(this.group);
		RequestView request = this.testData.request().by(author).in(this.group).needing(2).post();
		ClaimView claim = this.helps.claim(helper.id(), request.id());
		awaitOne(author.id(), NotificationKind.CLAIM_WAITING, claim.id());
		republish(new ClaimMade(claim.id(), request.id(), helper.id(), author.id(), request.campaign(),
				claim.createdAt()), 3);
		assertStaysOne(author.id(), NotificationKind.CLAIM_WAITING, claim.id());
		assertThat(count(helper.id(), NotificationKind.CLAIM_WAITING)).isZero();
	}

	@Test
	void aConfirmationTellsTheHelperOnceSettlesTheWaitingOneAndAFulfilledRequestTellsItsAuthor() {
		TestMember author = this.testData.member("na").joining(this.group);
		TestMember helper = this.testData.member("nh").joining(this.group);
		RequestView request = this.testData.request().by(author).in(this.group).needing(1).post();
		ClaimView claim = this.helps.claim(helper.id(), request.id());
		awaitOne(author.id(), NotificationKind.CLAIM_WAITING, claim.id());
		this.helps.confirm(author.id(), claim.id());
		awaitOne(helper.id(), NotificationKind.CLAIM_CONFIRMED, claim.id());
		awaitOne(author.id(), NotificationKind.REQUEST_FULFILLED, request.id());
		// the claim no longer waits: its notification counts as read
		await().atMost(WAIT).until(() -> isRead(idOf(author.id(), NotificationKind.CLAIM_WAITING, claim.id())));
		republish(new ClaimConfirmed(claim.id(), request.id(), helper.id(), author.id(), false, Instant.now()), 3);
		republish(new RequestClosed(request.id(), request.groupId(), RequestStatus.FULFILLED, Instant.now()), 2);
		assertStaysOne(helper.id(), NotificationKind.CLAIM_CONFIRMED, claim.id());
		assertStaysOne(author.id(), NotificationKind.REQUEST_FULFILLED, request.id());
	}

	@Test
	void aRejectionTellsTheHelperOnce() throws Exception {
		TestMember author = this.testData.member("na").joining(this.group);
		TestMember helper = this.testData.member("nh").joining(this.group);
		RequestView request = this.testData.request().by(author).in(this.group).needing(2).saying("【我的砍价请求】").post();
		ClaimView claim = this.helps.claim(helper.id(), request.id());
		this.helps.reject(author.id(), claim.id());
		awaitOne(helper.id(), NotificationKind.CLAIM_REJECTED, claim.id());
		republish(new ClaimRejected(claim.id(), request.id(), helper.id(), author.id(), Instant.now()), 3);
		assertStaysOne(helper.id(), NotificationKind.CLAIM_REJECTED, claim.id());
		// its text is made when read, in the reader's language
		this.mvc.perform(get("/api/v1/me/notifications").header("Authorization", helper.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].kind").value("CLAIM_REJECTED"))
			.andExpect(jsonPath("$.items[0].text").value(containsString("我的砍价请求")))
			.andExpect(jsonPath("$.items[0].link").value("/r/" + request.id()))
			.andExpect(jsonPath("$.items[0].request").value(request.id()))
			.andExpect(jsonPath("$.items[0].claim").value(claim.id()));
		this.mvc
			.perform(get("/api/v1/me/notifications").header("Authorization", helper.bearer())
				.header("Accept-Language", "en"))
			.andExpect(jsonPath("$.items[0].text").value(containsString("The author rejected your help")));
	}

	@Test
	void batchesTellEachMemberOnceEvenWhenRepublished() {
		TestMember author = this.testData.member("na").joining(this.group);
		TestMember helper = this.testData.member("nh").joining(this.group);
		RequestView first = this.testData.request().by(author).in(this.group).needing(1).post();
		RequestView second = this.testData.request().by(author).in(this.group).needing(1).post();
		// a batch of expired requests, as the expiry job publishes it
		RequestsClosed expired = new RequestsClosed(RequestStatus.EXPIRED, Instant.now(),
				List.of(first.id(), second.id()));
		republish(expired, 1);
		awaitOne(author.id(), NotificationKind.REQUEST_EXPIRED, first.id());
		awaitOne(author.id(), NotificationKind.REQUEST_EXPIRED, second.id());
		republish(expired, 2);
		assertStaysOne(author.id(), NotificationKind.REQUEST_EXPIRED, first.id());
		assertStaysOne(author.id(), NotificationKind.REQUEST_EXPIRED, second.id());

		// a batch of auto-confirmed claims, as the auto-confirm job publishes it
		// (the ids of claims the ledger has paid already: it pays nothing again)
		RequestView third = this.testData.request().by(author).in(this.group).needing(3).post();
		ClaimView claim = this.helps.claim(helper.id(), third.id());
		this.helps.confirm(author.id(), claim.id());
		awaitOne(helper.id(), NotificationKind.CLAIM_CONFIRMED, claim.id());
		ClaimsConfirmed batch = new ClaimsConfirmed(
				List.of(new ClaimConfirmed(claim.id(), third.id(), helper.id(), author.id(), true, Instant.now())));
		republish(batch, 3);
		assertStaysOne(helper.id(), NotificationKind.CLAIM_CONFIRMED, claim.id());
	}

	@Test
	void aModeratorsHideAndRestoreEachTellTheAuthorOnce() {
		TestMember author = this.testData.member("na").joining(this.group);
		RequestView request = this.testData.request().by(author).in(this.group).post();
		this.requests.hide(request.id());
		awaitOne(author.id(), NotificationKind.REQUEST_HIDDEN, request.id());
		this.requests.restore(request.id());
		awaitOne(author.id(), NotificationKind.REQUEST_RESTORED, request.id());
		republish(new RequestRestored(request.id(), request.groupId(), author.id(), Instant.now()), 2);
		assertStaysOne(author.id(), NotificationKind.REQUEST_RESTORED, request.id());
	}

	@Test
	void aHiddenRequestTellsItsAuthorAndAWithdrawnOneNobody() {
		TestMember author = this.testData.member("na").joining(this.group);
		RequestView hidden = this.testData.request().by(author).in(this.group).post();
		RequestView withdrawn = this.testData.request().by(author).in(this.group).post();
		republish(new RequestClosed(hidden.id(), hidden.groupId(), RequestStatus.HIDDEN, Instant.now()), 2);
		awaitOne(author.id(), NotificationKind.REQUEST_HIDDEN, hidden.id());
		this.requests.withdraw(withdrawn.id(), author.id());
		assertStaysOne(author.id(), NotificationKind.REQUEST_HIDDEN, hidden.id());
		assertThat(this.jdbc.queryForObject("select count(*) from notifications where subject_id = ? and member_id = ?",
				Long.class, withdrawn.id(), author.id()))
			.isZero();
	}

	@Test
	void aBoostThatStartsAndEndsTellsItsBuyerOnceEach() {
		TestMember owner = this.testData.member("no").create();
		String group = this.testData.group("nboost")
			.withDefaultCampaign("pdd-bargain")
			.withBoostSlots(2)
			.ownedBy(owner);
		TestMember author = this.testData.member("nb").withCredits(50).joining(group);
		RequestView request = this.testData.request().by(author).in(group).needing(3).post();
		var boost = this.boosts.boost(author.id(), request.id(), 1);
		awaitOne(author.id(), NotificationKind.BOOST_STARTED, boost.id());
		republish(new BoostStarted(boost.id(), request.id(), request.groupId(), author.id(), 1, Instant.now(),
				Instant.now()), 2);
		assertStaysOne(author.id(), NotificationKind.BOOST_STARTED, boost.id());
		// its request closes: the running boost ends
		this.requests.withdraw(request.id(), author.id());
		awaitOne(author.id(), NotificationKind.BOOST_ENDED, boost.id());
		assertThat(count(author.id(), NotificationKind.BOOST_REFUNDED)).isZero();
	}

	@Test
	void aQueuedBoostWhoseRequestClosesIsRefundedAndItsBuyerHearsItOnce() throws Exception {
		TestMember owner = this.testData.member("no").create();
		String group = this.testData.group("nboost")
			.withDefaultCampaign("pdd-bargain")
			.withBoostSlots(1)
			.ownedBy(owner);
		TestMember first = this.testData.member("nb").withCredits(50).joining(group);
		TestMember second = this.testData.member("nb").withCredits(50).joining(group);
		RequestView running = this.testData.request().by(first).in(group).needing(3).post();
		RequestView waiting = this.testData.request().by(second).in(group).needing(3).post();
		this.boosts.boost(first.id(), running.id(), 1);
		var queued = this.boosts.boost(second.id(), waiting.id(), 1);
		assertThat(queued.status()).isEqualTo("QUEUED");
		this.requests.withdraw(waiting.id(), second.id());
		awaitOne(second.id(), NotificationKind.BOOST_REFUNDED, queued.id());
		assertStaysOne(second.id(), NotificationKind.BOOST_REFUNDED, queued.id());
		assertThat(count(second.id(), NotificationKind.BOOST_STARTED)).isZero();
		this.mvc
			.perform(get("/api/v1/me/notifications").header("Authorization", second.bearer())
				.header("Accept-Language", "en"))
			.andExpect(jsonPath("$.items[0].kind").value("BOOST_REFUNDED"))
			.andExpect(jsonPath("$.items[0].text").value(containsString("the credits went back to you")));
	}

	// --- reading and marking read ------------------------------------------------

	/** Two notifications for the member: a claim waiting on each of two requests. */
	private List<Long> twoWaiting(TestMember author) {
		TestMember helper = this.testData.member("nh").joining(this.group);
		RequestView first = this.testData.request().by(author).in(this.group).needing(2).post();
		RequestView second = this.testData.request().by(author).in(this.group).needing(2).post();
		ClaimView one = this.helps.claim(helper.id(), first.id());
		ClaimView two = this.helps.claim(helper.id(), second.id());
		awaitOne(author.id(), NotificationKind.CLAIM_WAITING, one.id());
		awaitOne(author.id(), NotificationKind.CLAIM_WAITING, two.id());
		return List.of(idOf(author.id(), NotificationKind.CLAIM_WAITING, one.id()),
				idOf(author.id(), NotificationKind.CLAIM_WAITING, two.id()));
	}

	@Test
	void thePageListsNewestFirstAndMarksOneOrAllReadOnlyTheMembersOwn() throws Exception {
		TestMember author = this.testData.member("na").joining(this.group);
		TestMember other = this.testData.member("nx").joining(this.group);
		List<Long> mine = twoWaiting(author);
		List<Long> others = twoWaiting(other);
		String page = this.mvc.perform(get("/me/notifications").with(author.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"notification-" + mine.get(0) + "\"")))
			.andExpect(content().string(not(containsString("id=\"notification-" + others.get(0) + "\""))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// newest first
		assertThat(page.indexOf("notification-" + mine.get(1))).isLessThan(page.indexOf("notification-" + mine.get(0)));

		// one, with the form's CSRF token; another member's is not found
		this.mvc.perform(post("/me/notifications/{id}/read", mine.get(0)).with(author.session()).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(isRead(mine.get(0))).isTrue();
		assertThat(isRead(mine.get(1))).isFalse();
		this.mvc.perform(post("/me/notifications/{id}/read", others.get(0)).with(author.session()).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(isRead(others.get(0))).isFalse();
		this.mvc.perform(post("/me/notifications/{id}/read", mine.get(1)).with(author.session()))
			.andExpect(status().isForbidden());

		// all
		this.mvc.perform(post("/me/notifications/read").with(author.session()).with(csrf()))
			.andExpect(redirectedUrl("/me/notifications"));
		assertThat(isRead(mine.get(1))).isTrue();
		assertThat(isRead(others.get(0))).isFalse();
		assertThat(isRead(others.get(1))).isFalse();
	}

	@Test
	void theApiPagesNewestFirstAndMarksTheGivenOrAllReadOnlyTheMembersOwn() throws Exception {
		TestMember author = this.testData.member("na").joining(this.group);
		TestMember other = this.testData.member("nx").joining(this.group);
		List<Long> mine = twoWaiting(author);
		List<Long> others = twoWaiting(other);
		this.mvc.perform(get("/api/v1/me/notifications?size=1").header("Authorization", author.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].id").value(mine.get(1)))
			.andExpect(jsonPath("$.items[0].kind").value("CLAIM_WAITING"))
			.andExpect(jsonPath("$.items[0].read").value(false))
			.andExpect(jsonPath("$.items[0].link").value("/waiting"))
			.andExpect(jsonPath("$.hasNext").value(true))
			.andExpect(jsonPath("$.unread").value(2));
		this.mvc.perform(get("/api/v1/me/notifications?size=101").header("Authorization", author.bearer()))
			.andExpect(status().isBadRequest());

		// the given ones: another member's id among them changes nothing of theirs
		this.mvc
			.perform(post("/api/v1/me/notifications/read").header("Authorization", author.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"ids\":[" + mine.get(0) + "," + others.get(0) + "]}"))
			.andExpect(status().isNoContent());
		assertThat(isRead(mine.get(0))).isTrue();
		assertThat(isRead(mine.get(1))).isFalse();
		assertThat(isRead(others.get(0))).isFalse();
		this.mvc.perform(get("/api/v1/me/notifications?unread=true").header("Authorization", author.bearer()))
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].id").value(mine.get(1)))
			.andExpect(jsonPath("$.unread").value(1));

		// without ids: all of theirs
		this.mvc.perform(post("/api/v1/me/notifications/read").header("Authorization", author.bearer()))
			.andExpect(status().isNoContent());
		assertThat(isRead(mine.get(1))).isTrue();
		assertThat(isRead(others.get(1))).isFalse();
		this.mvc.perform(get("/api/v1/me/notifications").header("Authorization", author.bearer()))
			.andExpect(jsonPath("$.unread").value(0));
		this.mvc.perform(get("/api/v1/me/notifications")).andExpect(status().isUnauthorized());
	}

	@Test
	void theNavShowsBothCountsAndTheEndpointRefreshesThem() throws Exception {
		TestMember author = this.testData.member("na").joining(this.group);
		twoWaiting(author);
		this.mvc.perform(get("/me/counts").with(author.session()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.waiting").value(2))
			.andExpect(jsonPath("$.unread").value(2));
		this.mvc.perform(get("/g/" + this.group).with(author.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-count=\"waiting\"")))
			.andExpect(content().string(containsString(">2</span>")));
		// marking read shows at once
		this.mvc.perform(post("/me/notifications/read").with(author.session()).with(csrf()));
		this.mvc.perform(get("/me/counts").with(author.session()))
			.andExpect(jsonPath("$.waiting").value(2))
			.andExpect(jsonPath("$.unread").value(0));
		// so does a confirmation
		ClaimView first = this.helps.waitingFor(author.id()).get(0);
		this.mvc.perform(post("/claims/{id}/confirm", first.id()).with(author.session()).with(csrf()));
		this.mvc.perform(get("/me/counts").with(author.session())).andExpect(jsonPath("$.waiting").value(1));
		// a visitor's page has no counts
		this.mvc.perform(get("/g/" + this.group))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("data-count="))));
	}

	/**
	 * The signed-in top bar is drawn once per language and counts and kept (NavBar):
	 * every page still shows its member's counts of the moment, in the page's language,
	 * with the page's own CSRF token in the logout form, never the one of the page that
	 * drew it.
	 */
	@Test
	void theKeptNavShowsEachMembersCountsAndEachPagesOwnToken() throws Exception {
		TestMember calm = this.testData.member("nc").joining(this.group);
		TestMember busy = this.testData.member("nb").joining(this.group);
		twoWaiting(busy);
		String first = navOf(calm, "zh-CN");
		String busys = navOf(busy, "zh-CN");
		String again = navOf(calm, "zh-CN");
		assertThat(first).contains("hidden=\"hidden\"", "退出").doesNotContain(">2</span>");
		assertThat(busys).contains("aria-label=\"2 条待你确认\"", ">2</span>");
		assertThat(again).contains("hidden=\"hidden\"").doesNotContain(">2</span>");
		assertThat(navOf(calm, "en")).contains("Log out", "0 waiting for your answer").doesNotContain("退出");
		// marking read shows on the next page
		this.mvc.perform(post("/me/notifications/read").with(busy.session()).with(csrf()));
		assertThat(navOf(busy, "zh-CN")).contains("aria-label=\"0 条未读通知\"", ">2</span>");
	}

	/**
	 * The member's top bar on their group page, after checking that its logout form
	 * carries this request's CSRF token (the one the page's other forms carry).
	 */
	private String navOf(TestMember member, String language) throws Exception {
		MvcResult page = this.mvc
			.perform(get("/g/" + this.group).with(member.session()).header("Accept-Language", language))
			.andExpect(status().isOk())
			.andReturn();
		String html = page.getResponse().getContentAsString(StandardCharsets.UTF_8);
		String nav = html.substring(html.indexOf("<nav class=\"nav\""), html.indexOf("</nav>"));
		java.util.regex.Matcher logout = java.util.regex.Pattern
			.compile("action=\"/logout\"><input type=\"hidden\"\\s+name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(nav);
		assertThat(logout.find()).as(nav).isTrue();
		org.springframework.security.web.csrf.CsrfToken token = (org.springframework.security.web.csrf.CsrfToken) page
			.getRequest()
			.getAttribute(org.springframework.security.web.csrf.CsrfToken.class.getName());
		assertThat(logout.group(1)).isEqualTo(token.getToken());
		assertThat(html).contains("name=\"_csrf\" value=\"" + token.getToken() + "\"/>");
		return nav;
	}

	// --- the expiring-soon job -------------------------------------------------

	@Test
	void anOpenRequestAboutToExpireIsAnnouncedOnceHoweverOftenAndWhereverTheJobRuns() throws Exception {
		this.jdbc.update("delete from notification_cursors");
		TestMember author = this.testData.member("ne").joining(this.group);
		RequestView soon = this.testData.request().by(author).in(this.group).post();
		RequestView later = this.testData.request().by(author).in(this.group).post();
		// "later" expires in 3 hours from now, "soon" in 30 minutes
		this.jdbc.update("update help_requests set expires_at = ? where id = ?",
				java.sql.Timestamp.from(Instant.now().plus(Duration.ofHours(3))), later.id());
		this.jdbc.update("update help_requests set expires_at = ? where id = ?",
				java.sql.Timestamp.from(Instant.now().plus(Duration.ofMinutes(30))), soon.id());
		// two instances at once, then again
		Concurrently.run(2, () -> this.notifications.warnExpiring());
		this.notifications.warnExpiring();
		assertThat(countAbout(author.id(), NotificationKind.REQUEST_EXPIRING, soon.id())).isEqualTo(1);
		assertThat(countAbout(author.id(), NotificationKind.REQUEST_EXPIRING, later.id())).isZero();
		try {
			// two and a half hours on: "later" is within the hour now
			this.clock.advance(Duration.ofMinutes(150));
			this.notifications.warnExpiring();
			this.notifications.warnExpiring();
			assertThat(countAbout(author.id(), NotificationKind.REQUEST_EXPIRING, later.id())).isEqualTo(1);
			assertThat(countAbout(author.id(), NotificationKind.REQUEST_EXPIRING, soon.id())).isEqualTo(1);
		}
		finally {
			this.clock.reset();
		}
	}

	@Test
	void readNotificationsArePrunedAfterTheSettingsDaysAndUnreadOnesStay() throws Exception {
		TestMember author = this.testData.member("np").joining(this.group);
		List<Long> ids = twoWaiting(author);
		this.notifications.markRead(author.id(), List.of(ids.get(0)));
		this.jdbc.update("update notifications set read_at = read_at - interval '31 days', "
				+ "created_at = created_at - interval '31 days' where member_id = ?", author.id());
		while (this.notifications.pruneRead() == Notifications.PRUNE_BATCH) {
			// a batch at a time
		}
		assertThat(this.jdbc.queryForList("select id from notifications where member_id = ?", Long.class, author.id()))
			.containsExactly(ids.get(1));
	}

	// --- where a login lands -----------------------------------------------------

	private static Cookie savedRequest(String target) {
		return new Cookie("REDIRECT_URI", Base64.getEncoder().encodeToString(target.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void aLoginLandsWhereTheMemberWasGoingOrOnTheToDoPage() throws Exception {
		TestMember member = this.testData.member("nl").joining(this.group);
		// on their way to a page: the cookie remembers it
		MvcResult sent = this.mvc.perform(get("/me/helped?page=0"))
			.andExpect(status().is3xxRedirection())
			.andExpect(cookie().exists("REDIRECT_URI"))
			.andReturn();
		Cookie saved = sent.getResponse().getCookie("REDIRECT_URI");
		this.mvc
			.perform(post("/login").with(csrf())
				.cookie(saved)
				.param("username", member.username())
				.param("password", com.helpboard.support.TestMembers.PASSWORD))
			.andExpect(redirectedUrl("http://localhost/me/helped?page=0"));
		// going nowhere in particular: the to-do page
		this.mvc
			.perform(post("/login").with(csrf())
				.param("username", member.username())
				.param("password", com.helpboard.support.TestMembers.PASSWORD))
			.andExpect(redirectedUrl("/me/todo"));
		// an off-site target planted in the cookie is not followed
		for (String offSite : List.of("https://evil.example/steal", "//evil.example/steal", "evil.example")) {
			this.mvc
				.perform(post("/login").with(csrf())
					.cookie(savedRequest(offSite))
					.param("username", member.username())
					.param("password", com.helpboard.support.TestMembers.PASSWORD))
				.andExpect(redirectedUrl("/me/todo"));
		}
		// the page script's call for the counts is never remembered as a target
		this.mvc
			.perform(get("/me/counts").header("X-Requested-With", "XMLHttpRequest").accept(MediaType.APPLICATION_JSON))
			.andExpect(cookie().doesNotExist("REDIRECT_URI"));
	}

	@Test
	void theToDoPageListsClaimsToConfirmRequestsAboutToExpireAndUnreadNotifications() throws Exception {
		TestMember author = this.testData.member("nt").joining(this.group);
		this.mvc.perform(get("/me/todo").with(author.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"todo-none\"")));
		List<Long> ids = twoWaiting(author);
		RequestView expiring = this.testData.request().by(author).in(this.group).post();
		this.jdbc.update("update help_requests set expires_at = ? where id = ?",
				java.sql.Timestamp.from(Instant.now().plus(Duration.ofHours(2))), expiring.id());
		this.mvc.perform(get("/me/todo").with(author.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"todo-waiting\"")))
			.andExpect(content().string(containsString("data-request-id=\"" + expiring.id() + "\"")))
			.andExpect(content().string(containsString("id=\"todo-notification-" + ids.get(0) + "\"")))
			.andExpect(content().string(not(containsString("id=\"todo-none\""))));
	}

	// --- my activity -------------------------------------------------------------

	@Test
	void iHelpedListsEveryClaimNewestFirstWithItsStatusAndPages() throws Exception {
		TestMember helper = this.testData.member("nh").joining(this.group);
		TestMember author = this.testData.member("na").joining(this.group);
		RequestView first = this.testData.request().by(author).in(this.group).needing(2).saying("第一个请求").post();
		RequestView second = this.testData.request().by(author).in(this.group).needing(2).saying("第二个请求").post();
		RequestView third = this.testData.request().by(author).in(this.group).needing(2).saying("第三个请求").post();
		ClaimView rejected = this.helps.claim(helper.id(), first.id());
		ClaimView confirmed = this.helps.claim(helper.id(), second.id());
		ClaimView waiting = this.helps.claim(helper.id(), third.id());
		this.helps.reject(author.id(), rejected.id());
		this.helps.confirm(author.id(), confirmed.id());

		String page = this.mvc.perform(get("/me/helped").with(helper.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-claim-id=\"" + rejected.id() + "\"")))
			.andExpect(content().string(containsString("发起人说这次没有帮到")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page.indexOf("data-claim-id=\"" + waiting.id()))
			.isLessThan(page.indexOf("data-claim-id=\"" + confirmed.id()));
		assertThat(page.indexOf("data-claim-id=\"" + confirmed.id()))
			.isLessThan(page.indexOf("data-claim-id=\"" + rejected.id()));

		this.mvc.perform(get("/api/v1/me/claims?size=2").header("Authorization", helper.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(2))
			.andExpect(jsonPath("$.items[0].id").value(waiting.id()))
			.andExpect(jsonPath("$.items[0].status").value("CLAIMED"))
			.andExpect(jsonPath("$.items[0].author").value(author.username()))
			.andExpect(jsonPath("$.items[1].status").value("CONFIRMED"))
			.andExpect(jsonPath("$.hasNext").value(true));
		this.mvc.perform(get("/api/v1/me/claims?size=2&page=1").header("Authorization", helper.bearer()))
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].id").value(rejected.id()))
			.andExpect(jsonPath("$.items[0].status").value("REJECTED"))
			.andExpect(jsonPath("$.hasNext").value(false));
		// the author made none
		this.mvc.perform(get("/api/v1/me/claims").header("Authorization", author.bearer()))
			.andExpect(jsonPath("$.items.length()").value(0));
	}

	@Test
	void myRequestsShowEachRequestsClaimsAtAGlance() throws Exception {
		TestMember owner = this.testData.member("no").create();
		String group = this.testData.group("nmine")
			.withDefaultCampaign("pdd-bargain")
			.postingFreely()
			.limitingOpenRequestsTo(10)
			.ownedBy(owner);
		TestMember author = this.testData.member("na").joining(group);
		RequestView request = this.testData.request().by(author).in(group).needing(5).post();
		for (int i = 0; i < 3; i++) {
			TestMember helper = this.testData.member("nh").joining(group);
			ClaimView claim = this.helps.claim(helper.id(), request.id());
			if (i == 0) {
				this.helps.confirm(author.id(), claim.id());
			}
		}
		this.mvc.perform(get("/my/requests").with(author.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2 待确认")))
			.andExpect(content().string(containsString("1 已确认")));
		// one statement for every request's counts: as many with four requests as with
		// one (once the claims' listeners, whose statements count too, are done)
		await().atMost(WAIT).until(() -> count(author.id(), NotificationKind.CLAIM_WAITING) == 3);
		await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
		// as below: the nav's counts read once, then kept
		this.mvc.perform(get("/my/requests").with(author.session())).andExpect(status().isOk());
		// the fewer of two views: a kept value that ages out in between (the campaigns
		// every 30 s) adds a statement to one of them
		int one = Math.min(myRequestsStatements(author), myRequestsStatements(author));
		for (int i = 0; i < 3; i++) {
			RequestView more = this.testData.request().by(author).in(group).needing(5).post();
			this.helps.claim(this.testData.member("nh").joining(group).id(), more.id());
		}
		await().atMost(WAIT).until(() -> count(author.id(), NotificationKind.CLAIM_WAITING) == 6);
		await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
		// the nav's counts were dropped by the new claims: read once, then kept
		this.mvc.perform(get("/my/requests").with(author.session()))
			.andExpect(content().string(containsString("data-request-id=\"" + request.id() + "\"")));
		assertThat(Math.min(myRequestsStatements(author), myRequestsStatements(author))).isEqualTo(one);
	}

	private int myRequestsStatements(TestMember author) throws Exception {
		StatementCounter.reset();
		this.mvc.perform(get("/my/requests").with(author.session())).andExpect(status().isOk());
		return StatementCounter.count();
	}

}
