package com.helpboard.browser;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import com.helpboard.credit.Boosts;
import com.helpboard.credit.Credits;
import com.helpboard.help.ClaimView;
import com.helpboard.help.Helps;
import com.helpboard.request.RequestView;
import com.helpboard.request.Requests;
import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestClock;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers.TestMember;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Earning credits and spending them on boosts in a real Chromium, on a phone (Chinese)
 * and on a desktop (English), with four members in four browser contexts and a fresh
 * group with a single boost slot:
 * <ol>
 * <li>A earns credits by helping two requests from the help queue (their authors
 * confirm), and the credit history shows them;</li>
 * <li>A posts a request, opens its boost page from the author tools and buys a 1-hour
 * boost: pinned with start and end, the balance drops by the price;</li>
 * <li>B sees A's request first in the group, with the pinned badge;</li>
 * <li>C boosts while the slot is taken: queued, with an estimated start at A's end; an
 * hour later (the clock moved, the scheduler's sweep run by hand) C's boost is pinned and
 * C's request leads the group;</li>
 * <li>D's one-hour request leaves the group feed once its hour is over, before any job
 * runs, and shows as expired on "my requests" after the expiry job;</li>
 * <li>B's claim nobody answers confirms itself after 24 hours and B is paid.</li>
 * </ol>
 * Every member's ledger adds up at the end. The scheduler is off in tests: the test moves
 * the {@link TestClock} and calls each job's facade method as the every-minute job would.
 * Screenshots land in target/screenshots.
 */
@IntegrationTest
class BoostJourneyBrowserTests extends BrowserSupport {

	static final String PASSWORD = "correct horse 42";

	/** How long an asynchronous credit may take to appear. */
	static final long CREDIT_WAIT_MILLIS = 10_000;

	/** What the pages say in one language. */
	record Texts(String active, String queued, String ended, String about, String pinned, String expired, String earned,
			String boughtActive, String boughtQueued) {
	}

	static final Texts CHINESE = new Texts("置顶中", "排队中", "已结束", "预计", "置顶", "已过期", "助力所得", "已置顶：花费 2 积分，置顶 1 小时。",
			"已排队：花费 2 积分，有空位时开始置顶 1 小时。");

	static final Texts ENGLISH = new Texts("Pinned", "Queued", "Ended", "about", "Pinned", "Expired",
			"Earned by helping", "Boosted: 2 credits for 1 hour, pinned now.",
			"Queued: 2 credits for 1 hour, starting when a slot frees.");

	@Autowired
	private TestClock clock;

	@Autowired
	private TestData testData;

	@Autowired
	private Requests requests;

	@Autowired
	private Helps helps;

	@Autowired
	private Boosts boosts;

	@Autowired
	private Credits credits;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void boostOnAPhone() {
		journey("phone", this::phone, CHINESE);
	}

	@Test
	void boostOnADesktop() {
		journey("desktop", () -> desktop("en"), ENGLISH);
	}

	private void journey(String device, Supplier<Page> open, Texts texts) {
		List<Long> everyone = new ArrayList<>();
		try {
			// a fresh group with one boost slot, where anyone may post
			TestMember owner = this.testData.member("bo").create();
			everyone.add(owner.id());
			String group = this.testData.group("bj")
				.named("Boost journey " + device)
				.describedAs("Boost journey")
				.withDefaultCampaign("pdd-group-buy")
				.withBoostSlots(1)
				.postingFreely()
				.ownedBy(owner);

			// two members who need help
			List<Long> helpable = new ArrayList<>();
			List<TestMember> askers = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				TestMember asker = this.testData.member("bx").joining(group);
				everyone.add(asker.id());
				askers.add(asker);
				helpable.add(this.testData.request().by(asker).in(group).needing(3).post().id());
			}

			// 1. A helps both from the help queue; their authors confirm
			Page a = open.get();
			long memberA = idOf(registerNew(a, "booster", PASSWORD));
			everyone.add(memberA);
			// new accounts cannot boost (docs/credits.md): A has been around for a while
			this.testData.establish(memberA);
			join(a, group);
			navigate(a, "/queue?group=" + group);
			for (int i = 0; i < 2; i++) {
				Locator item = a.locator("#queue-item");
				assertThat(item).isVisible();
				assertThat(Long.parseLong(item.getAttribute("data-request-id"))).isIn(helpable);
				assertFitsTheScreen(a);
				a.waitForNavigation(() -> a.locator("#claim").click());
			}
			assertThat(a.locator("#queue-empty")).isVisible();
			for (int i = 0; i < 2; i++) {
				ClaimView claim = this.helps.claimOf(helpable.get(i), memberA).orElseThrow();
				this.helps.confirm(askers.get(i).id(), claim.id());
			}
			// and one credit granted, so that something is left after the boost
			this.credits.grant(memberA, 1, "test:" + UUID.randomUUID(), "test");
			navigate(a, "/me/ledger");
			awaitText(a, "#balance", "3");
			// the page reads the entries before the balance, in separate transactions:
			// the reload that first shows 3 may list the second credit not yet
			a.reload();
			assertThat(a.locator("#balance")).hasText("3");
			assertThat(a.locator("#entries li .badge").filter(new Locator.FilterOptions().setHasText(texts.earned())))
				.hasCount(2);
			assertFitsTheScreen(a);

			// 2. A posts a request and boosts it for an hour
			long requestA = post(a, group, "A " + device, null);
			a.waitForNavigation(() -> a.locator("#author-tools #boost-link").click());
			assertThat(path(a)).isEqualTo("/r/" + requestA + "/boost");
			assertThat(a.locator("#balance")).hasText("3");
			assertThat(a.locator("#boosts li")).hasCount(0);
			a.locator("#hours-1").check();
			a.waitForNavigation(() -> a.locator("#buy").click());
			assertThat(path(a)).isEqualTo("/r/" + requestA + "/boost");
			assertThat(a.locator("#flash")).hasText(texts.boughtActive());
			assertThat(a.locator("#balance")).hasText("1");
			Locator boostA = a.locator("#boosts li");
			assertThat(boostA).hasCount(1);
			assertThat(boostA.locator(".badge")).hasText(texts.active());
			assertThat(boostA).not().containsText(texts.about());
			Locator timesA = boostA.locator("time");
			assertThat(timesA).hasCount(2);
			OffsetDateTime startA = OffsetDateTime.parse(timesA.nth(0).getAttribute("datetime"));
			OffsetDateTime endA = OffsetDateTime.parse(timesA.nth(1).getAttribute("datetime"));
			assertThat(Duration.between(startA, endA)).isEqualTo(Duration.ofHours(1));
			assertThat(Duration.between(startA.toInstant(), this.clock.instant()).abs())
				.isLessThan(Duration.ofMinutes(1));
			screenshot(a, device + "-boost-active");
			assertFitsTheScreen(a);

			// 3. B sees A's request pinned at the top of the group
			Page b = open.get();
			long memberB = idOf(registerNew(b, "viewer", PASSWORD));
			everyone.add(memberB);
			navigate(b, "/g/" + group);
			assertLeads(b, requestA, texts);
			screenshot(b, device + "-group-pinned");
			assertFitsTheScreen(b);

			// 4. C boosts while the only slot is taken: queued, estimated at A's end
			Page c = open.get();
			long memberC = idOf(registerNew(c, "queuer", PASSWORD));
			everyone.add(memberC);
			this.testData.establish(memberC);
			this.credits.grant(memberC, 2, "test:" + UUID.randomUUID(), "test");
			join(c, group);
			long requestC = post(c, group, "C " + device, null);
			c.waitForNavigation(() -> c.locator("#author-tools #boost-link").click());
			assertThat(c.locator("#balance")).hasText("2");
			c.locator("#hours-1").check();
			c.waitForNavigation(() -> c.locator("#buy").click());
			assertThat(c.locator("#flash")).hasText(texts.boughtQueued());
			assertThat(c.locator("#balance")).hasText("0");
			Locator boostC = c.locator("#boosts li");
			assertThat(boostC).hasCount(1);
			assertThat(boostC.locator(".badge")).hasText(texts.queued());
			assertThat(boostC).containsText(texts.about());
			OffsetDateTime estimate = OffsetDateTime.parse(boostC.locator("time").nth(0).getAttribute("datetime"));
			assertThat(estimate.toInstant()).isEqualTo(endA.toInstant());
			screenshot(c, device + "-boost-queued");
			assertFitsTheScreen(c);
			navigate(b, "/g/" + group);
			assertLeads(b, requestA, texts);

			// an hour later the sweep ends A's boost and starts C's
			this.clock.advance(Duration.ofMinutes(61));
			assertThat(this.boosts.tick()).isGreaterThanOrEqualTo(2);
			c.reload();
			assertThat(boostC.locator(".badge")).hasText(texts.active());
			assertThat(boostC).not().containsText(texts.about());
			OffsetDateTime startC = OffsetDateTime.parse(boostC.locator("time").nth(0).getAttribute("datetime"));
			assertThat(startC.toInstant()).isAfter(endA.toInstant());
			assertFitsTheScreen(c);
			a.reload();
			assertThat(boostA.locator(".badge")).hasText(texts.ended());
			navigate(b, "/g/" + group);
			assertLeads(b, requestC, texts);
			assertThat(b.locator("#feed [data-request-id=\"" + requestA + "\"]")).isVisible();
			screenshot(b, device + "-group-pinned-next");
			assertFitsTheScreen(b);

			// 5. D's one-hour request leaves the feed when its hour is over
			Page d = open.get();
			long memberD = idOf(registerNew(d, "shortlived", PASSWORD));
			everyone.add(memberD);
			join(d, group);
			long requestD = post(d, group, "D " + device, 1);
			RequestView lasting = this.testData.request()
				.by(memberD)
				.in(group)
				.onTemu()
				.inCampaign("temu-free-gift")
				.post();
			navigate(d, "/g/" + group);
			assertThat(d.locator("#feed [data-request-id=\"" + requestD + "\"]")).isVisible();
			this.clock.advance(Duration.ofMinutes(61));
			d.reload();
			assertThat(d.locator("#feed [data-request-id=\"" + requestC + "\"]")).isVisible();
			assertThat(d.locator("#feed [data-request-id=\"" + requestD + "\"]")).hasCount(0);
			assertFitsTheScreen(d);
			runUntil(() -> "EXPIRED".equals(status(requestD)), () -> this.requests.expireOverdue(500));
			navigate(d, "/my/requests");
			Locator mine = d.locator("#my-requests li[data-request-id=\"" + requestD + "\"]");
			assertThat(mine.locator(".badge")).hasText(texts.expired());
			assertThat(d.locator("#my-requests li[data-request-id=\"" + lasting.id() + "\"] .badge")).not()
				.hasText(texts.expired());
			screenshot(d, device + "-my-requests-expired");
			assertFitsTheScreen(d);

			// 6. B claims D's other request; nobody answers, and a day later it confirms
			// itself
			join(b, group);
			navigate(b, "/r/" + lasting.id());
			// "我帮了" waits until the link was copied or opened on the page
			b.locator("#copy").click();
			b.waitForNavigation(() -> b.locator("#claim").click());
			assertThat(b.locator("#my-claim")).isVisible();
			assertFitsTheScreen(b);
			long claimB = this.helps.claimOf(lasting.id(), memberB).orElseThrow().id();
			this.clock.advance(Duration.ofHours(25));
			runUntil(
					() -> "CONFIRMED".equals(
							this.jdbc.queryForObject("select status from claims where id = ?", String.class, claimB)),
					() -> this.helps.autoConfirmOverdue(500));
			navigate(b, "/me");
			awaitText(b, "#helps-given", "1");
			// a helper none of whose helps an author has answered yet is not paid for an
			// auto-confirmed one (docs/credits.md), and the profile says so beside it
			assertThat(b.locator("#help-" + claimB)).isVisible();
			assertThat(b.locator("#balance")).hasText("0");
			assertFitsTheScreen(b);

			for (Page page : List.of(a, b, c, d)) {
				assertOnlyLocalRequests(page);
			}
		}
		finally {
			this.clock.reset();
		}

		// 8. every ledger adds up
		for (long member : everyone) {
			assertLedgerAddsUp(member);
		}
	}

	/** The feed's first card is {@code requestId}, pinned, and the only pinned one. */
	private void assertLeads(Page page, long requestId, Texts texts) {
		Locator first = page.locator("#feed .request-card").first();
		assertThat(first).hasAttribute("data-request-id", String.valueOf(requestId));
		assertThat(first.locator(".badge.boost")).hasText(texts.pinned());
		assertThat(page.locator("#feed .badge.boost")).hasCount(1);
	}

	private void join(Page page, String group) {
		navigate(page, "/g/" + group);
		page.waitForNavigation(() -> page.locator("#join").click());
		assertThat(page.locator("#join")).hasCount(0);
		assertFitsTheScreen(page);
	}

	/** Posts a new group-buy link through the form; returns the new request's id. */
	private long post(Page page, String group, String note, Integer expiresInHours) {
		navigate(page, "/g/" + group);
		page.waitForNavigation(() -> page.locator("#post-link").click());
		assertThat(path(page)).isEqualTo("/g/" + group + "/post");
		page.locator("#input").fill(pddLink());
		page.locator("#helpsNeeded").fill("2");
		page.locator("#note").fill(note);
		if (expiresInHours != null) {
			page.locator("#expiresInHours").fill(String.valueOf(expiresInHours));
		}
		assertFitsTheScreen(page);
		page.waitForNavigation(() -> page.locator("#submit-post").click());
		assertThat(path(page)).matches("/r/\\d+");
		assertFitsTheScreen(page);
		return Long.parseLong(path(page).substring("/r/".length()));
	}

	private static String pddLink() {
		return "https://mobile.yangkeduo.com/pincard_ask.html?group_order_id="
				+ ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L);
	}

	private long idOf(String username) {
		Long id = this.jdbc.queryForObject("select id from members where username = ?", Long.class, username);
		return (id != null) ? id : fail("no member " + username);
	}

	private String status(long requestId) {
		return this.jdbc.queryForObject("select status from help_requests where id = ?", String.class, requestId);
	}

	/**
	 * Runs a job's batch as the every-minute job would, again while other tests' backlog
	 * keeps {@code done} from coming true.
	 */
	private static void runUntil(BooleanSupplier done, Runnable job) {
		for (int run = 0; run < 50 && !done.getAsBoolean(); run++) {
			job.run();
		}
		assertThat(done.getAsBoolean()).as("done after 50 runs of the job").isTrue();
	}

	/** The ledger's invariant in plain SQL: balance = sum of entries, never negative. */
	private void assertLedgerAddsUp(long member) {
		Long sum = this.jdbc.queryForObject("select coalesce(sum(amount), 0) from ledger_entries where member_id = ?",
				Long.class, member);
		Long balance = this.jdbc.queryForObject(
				"select coalesce((select balance from credit_accounts where member_id = ?), 0)", Long.class, member);
		assertThat(balance).as("balance of member %d", member).isEqualTo(sum).isNotNegative();
	}

	/** Reloads until {@code selector} shows {@code text}, for up to ten seconds. */
	private static void awaitText(Page page, String selector, String text) {
		awaitText(page, selector, text, CREDIT_WAIT_MILLIS);
	}

}
