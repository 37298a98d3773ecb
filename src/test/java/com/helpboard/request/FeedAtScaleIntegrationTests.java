package com.helpboard.request;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.helpboard.group.GroupView;
import com.helpboard.group.Groups;
import com.helpboard.support.IntegrationTest;
import com.helpboard.support.StatementCounter;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers.TestMember;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The feed at scale: a page's statements do not grow with the group, paging at a fixed
 * rotation deals every open request exactly once, and the order is docs/feed-order.md's
 * formula.
 */
@IntegrationTest
class FeedAtScaleIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Requests requests;

	@Autowired
	Groups groups;

	@Autowired
	TestData testData;

	@Test
	void aPageRunsTheSameStatementsWith200And20000OpenRequests() throws Exception {
		String small = groupWith(200, 20);
		String big = groupWith(20_000, 500);

		int[] smallCounts = statements(small);
		int[] bigCounts = statements(big);
		// the first view builds the order (two statements more whatever the size), then a
		// page read from the cached order: the same few statements
		assertThat(bigCounts[0]).isEqualTo(smallCounts[0]).isEqualTo(bigCounts[1] + 2);
		assertThat(bigCounts[1]).isEqualTo(smallCounts[1]).isLessThanOrEqualTo(4);
		// page 50 of 20 000 costs what page 1 does
		assertThat(bigCounts[2]).isEqualTo(bigCounts[1]);
		// and a page viewed again within its life is not read again (FeedPages)
		assertThat(bigCounts[3]).isEqualTo(smallCounts[3]).isLessThan(bigCounts[1]);

		// the API too
		this.groups.find(small);
		StatementCounter.reset();
		this.mvc.perform(get("/api/v1/groups/" + small + "/requests")).andExpect(status().isOk());
		int apiSmall = StatementCounter.count();
		this.groups.find(big);
		StatementCounter.reset();
		this.mvc.perform(get("/api/v1/groups/" + big + "/requests").param("page", "49")).andExpect(status().isOk());
		assertThat(StatementCounter.count()).isEqualTo(apiSmall);
	}

	/**
	 * Statements of the first view, of a page read from the cached order (page 1 in
	 * another size), of page 50 and of the first page again (kept in memory).
	 */
	private int[] statements(String slug) throws Exception {
		int[] counts = new int[4];
		// the groups' member counts are kept 15 s: have them fresh, as between most views
		this.groups.find(slug);
		StatementCounter.reset();
		String first = this.mvc.perform(get("/g/" + slug))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		counts[0] = StatementCounter.count();
		assertThat(first.split("data-request-id=").length - 1).isEqualTo(20);
		this.groups.find(slug);
		StatementCounter.reset();
		String other = this.mvc.perform(get("/g/" + slug).param("size", "19"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		counts[1] = StatementCounter.count();
		assertThat(other.split("data-request-id=").length - 1).isEqualTo(19);
		this.groups.find(slug);
		StatementCounter.reset();
		String fiftieth = this.mvc.perform(get("/g/" + slug).param("page", "49"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		counts[2] = StatementCounter.count();
		int cards = fiftieth.split("data-request-id=").length - 1;
		assertThat(cards).isEqualTo(slug.startsWith("s") ? 0 : 20);
		this.groups.find(slug);
		StatementCounter.reset();
		this.mvc.perform(get("/g/" + slug)).andExpect(status().isOk());
		counts[3] = StatementCounter.count();
		return counts;
	}

	@Test
	void pagingAtAFixedRotationDealsEveryOpenRequestExactlyOnce() {
		String slug = groupWith(237, 30);
		GroupView group = this.groups.get(slug);
		long rotation = this.requests.currentRotation() - 1;
		List<Long> dealt = new ArrayList<>();
		int page = 0;
		Slice<RequestView> slice;
		do {
			slice = this.requests.feed(group, null, null, rotation, PageRequest.of(page++, 20));
			slice.forEach((r) -> dealt.add(r.id()));
		}
		while (slice.hasNext());
		List<Long> open = this.jdbc.queryForList(
				"select id from help_requests where group_id = ? and status = 'OPEN' and expires_at > now()",
				Long.class, group.id());
		assertThat(dealt).hasSize(237).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(open);
		assertThat(page).isEqualTo(12);

		// one campaign only: the same order, filtered
		List<Long> bargains = new ArrayList<>();
		page = 0;
		do {
			slice = this.requests.feed(group, "pdd-cash-wheel", null, rotation, PageRequest.of(page++, 7));
			slice.forEach((r) -> bargains.add(r.id()));
		}
		while (slice.hasNext());
		assertThat(bargains).isNotEmpty()
			.isEqualTo(dealt.stream().filter((id) -> campaignOf(id).equals("pdd-cash-wheel")).toList());
	}

	@Test
	void onlyTheLastHoursRotationsCanBeAskedFor() throws Exception {
		String slug = groupWith(30, 5);
		long current = this.requests.currentRotation();
		// made-up rotations would each build and keep an order: they get the current one
		for (long asked : new long[] { 1, current + 1, current - 7, Long.MAX_VALUE }) {
			this.mvc.perform(get("/api/v1/groups/" + slug + "/requests").param("rotation", String.valueOf(asked)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.rotation").value(current));
		}
		this.mvc.perform(get("/api/v1/groups/" + slug + "/requests").param("rotation", String.valueOf(current - 6)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rotation").value(current - 6));
	}

	@Test
	void theOrderIsTheDocumentedFormula() {
		TestMember owner = this.testData.member("order").create();
		String slug = this.testData.group("order").ownedBy(owner);
		GroupView group = this.groups.get(slug);
		TestMember giver = this.testData.member("giver").create();
		TestMember taker = this.testData.member("taker").create();
		// a hand-built set: progress, age, reciprocity and two boosts vary
		long a = insert(group.id(), giver, 4, 3, "1 hour", null);
		long b = insert(group.id(), taker, 4, 0, "5 hours", null);
		long c = insert(group.id(), taker, 2, 1, "30 minutes", null);
		long d = insert(group.id(), giver, 5, 0, "10 minutes", null);
		long e = insert(group.id(), taker, 3, 0, "3 hours", "20 minutes");
		long f = insert(group.id(), giver, 3, 0, "4 hours", "40 minutes");
		// giver gave 6 confirmed helps and received none; taker received those 6
		for (int i = 0; i < 6; i++) {
			confirmedClaim(giver, taker, group.id());
		}
		long rotation = this.requests.currentRotation();
		List<Long> feed = this.requests.feed(group, null, null, rotation, PageRequest.of(0, 20))
			.map(RequestView::id)
			.toList();

		record Expected(long id, double key) {
		}
		// giving = clamp((1 + given) / (1 + received), 0.5, 2)
		double giverGiving = Math.min(2, (1.0 + 6) / (1.0 + 0));
		double takerGiving = Math.max(0.5, (1.0 + 0) / (1.0 + 6));
		List<Expected> rest = new ArrayList<>(
				List.of(new Expected(a, key(rotation, a, 1 + 0.75 * 3 / 4, giverGiving, 1)),
						new Expected(b, key(rotation, b, 1, takerGiving, 1.5)),
						new Expected(c, key(rotation, c, 1 + 0.75 * 1 / 2, takerGiving, 1)),
						new Expected(d, key(rotation, d, 1, giverGiving, 1))));
		rest.sort(Comparator.comparingDouble(Expected::key).reversed());
		List<Long> expected = new ArrayList<>(List.of(f, e));
		rest.forEach((x) -> expected.add(x.id()));
		assertThat(feed).containsExactlyElementsOf(expected);
	}

	@Test
	void aPostOnThisInstanceShowsAtOnceAndAClosedRequestIsLeftOut() {
		TestMember owner = this.testData.member("fresh").create();
		String slug = this.testData.group("fresh").ownedBy(owner);
		GroupView group = this.groups.get(slug);
		RequestView first = this.testData.request().by(owner).in(slug).post();
		assertThat(this.requests.feed(group, null, null, null, PageRequest.of(0, 20)).map(RequestView::id))
			.containsExactly(first.id());
		RequestView second = this.testData.request().by(owner).in(slug).post();
		assertThat(this.requests.feed(group, null, null, null, PageRequest.of(0, 20)).map(RequestView::id))
			.containsExactlyInAnyOrder(first.id(), second.id());
		// closed behind the caches' back (another instance, say): a page read from the
		// cached order leaves it out (the page kept for two seconds is another size)
		this.jdbc.update("update help_requests set status = 'EXPIRED', open_key = null where id = ?", first.id());
		assertThat(this.requests.feed(group, null, null, null, PageRequest.of(0, 19)).map(RequestView::id))
			.containsExactly(second.id());
	}

	/** The key docs/feed-order.md gives: ln(u) / clamp(closeness × giving × waiting). */
	private static double key(long rotation, long id, double closeness, double giving, double waiting) {
		long z = rotation * 0x9E3779B97F4A7C15L + id;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		z = z ^ (z >>> 31);
		double u = ((z >>> 11) + 0.5) / (double) (1L << 53);
		double w = Math.max(0.5, Math.min(4, closeness * giving * waiting));
		return Math.log(u) / w;
	}

	private long insert(long groupId, TestMember author, int needed, int confirmed, String age, String boostedAgo) {
		String key = "order:" + UUID.randomUUID();
		return this.jdbc.queryForObject("""
				insert into help_requests (group_id, author_id, author_name, platform, campaign, share_text,
				    dedupe_key, open_key, helps_needed, helps_confirmed, status, created_at, expires_at,
				    boosted_until, boost_started_at)
				values (?, ?, ?, 'PINDUODUO', 'pdd-bargain', 'x', ?, ?, ?, ?, 'OPEN', now() - ?::interval,
				    now() + interval '10 hours',
				    case when ?::interval is null then null else now() + interval '1 hour' end,
				    now() - ?::interval)
				returning id""", Long.class, groupId, author.id(), author.username(), key, key, needed, confirmed, age,
				boostedAgo, boostedAgo);
	}

	private void confirmedClaim(TestMember helper, TestMember author, long groupId) {
		String key = "given:" + UUID.randomUUID();
		long request = this.jdbc.queryForObject("""
				insert into help_requests (group_id, author_id, author_name, platform, campaign, share_text,
				    dedupe_key, helps_needed, status, created_at, expires_at)
				values (?, ?, ?, 'PINDUODUO', 'pdd-bargain', 'x', ?, 1, 'FULFILLED', now() - interval '2 days',
				    now() - interval '1 day') returning id""", Long.class, groupId, author.id(), author.username(),
				key);
		this.jdbc.update("""
				insert into claims (request_id, helper_id, author_id, campaign, status, created_at, decided_at,
				    helper_day)
				values (?, ?, ?, 'pdd-bargain', 'CONFIRMED', now() - interval '2 days', now() - interval '2 days',
				    current_date - 2)""", request, helper.id(), author.id());
	}

	private String campaignOf(long id) {
		return this.jdbc.queryForObject("select campaign from help_requests where id = ?", String.class, id);
	}

	/**
	 * A public group with {@code open} open requests (three campaigns) by {@code authors}
	 * authors, and five times as many closed ones: built in SQL, so 20 000 take a second.
	 */
	private String groupWith(int open, int authors) {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String slug = ((open < 1000) ? "s" : "b") + tag;
		this.jdbc.update("insert into topic_groups (slug, name_zh, name_en, created_at) values (?, ?, ?, now())", slug,
				slug, slug);
		long group = this.jdbc.queryForObject("select id from topic_groups where slug = ?", Long.class, slug);
		this.jdbc.update("""
				insert into members (username, username_key, password_hash, created_at)
				select ? || n, ? || n, '{noop}x', now() from generate_series(1, ?) n""", "a" + tag + "_",
				"a" + tag + "_", authors);
		this.jdbc.update("""
				insert into help_requests (group_id, author_id, author_name, platform, campaign, share_text,
				    dedupe_key, open_key, helps_needed, helps_confirmed, status, created_at, expires_at)
				select ?, m.id, m.username, 'PINDUODUO',
				    (array['pdd-bargain', 'pdd-cash-wheel', 'pdd-orchard'])[1 + n % 3], 'x', ? || n,
				    case when n <= ? then ? || n end, 5, n % 5,
				    case when n <= ? then 'OPEN' else 'EXPIRED' end, now() - (n % 500 || ' minutes')::interval,
				    case when n <= ? then now() + interval '10 hours' else now() - interval '1 hour' end
				from generate_series(1, ? * 6) n
				join members m on m.username_key = ? || (1 + n % ?)""", group, "scale:" + tag + ":", open,
				"scale:" + tag + ":", open, open, open, "a" + tag + "_", authors);
		this.jdbc.execute("analyze help_requests");
		return slug;
	}

}
