package com.helpboard.support;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.helpboard.account.Accounts;
import com.helpboard.credit.Credits;
import com.helpboard.group.GroupView;
import com.helpboard.help.ClaimView;
import com.helpboard.help.Helps;
import com.helpboard.group.Groups;
import com.helpboard.group.NewGroup;
import com.helpboard.group.Visibility;
import com.helpboard.request.NewRequest;
import com.helpboard.request.RequestView;
import com.helpboard.request.Requests;
import com.helpboard.support.TestMembers.TestMember;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one way tests make members, groups and requests, through the same facades the pages
 * and the API call. Reads like a sentence:
 *
 * <pre>
 * TestMember alice = testData.member("alice").joining("kanjia");
 * String slug = testData.group("queue").limitingOpenRequestsTo(3).ownedBy(owner);
 * RequestView request = testData.request().by(alice).in("kanjia").needing(2).post();
 * String secret = testData.group("secret").privately().ownedBy(owner);
 * TestMember friend = testData.member("friend").joiningWithCode(secret, groups.inviteCode(secret, owner.id()));
 * </pre>
 *
 * Names, slugs and links get a random suffix, so tests never collide. Everything goes
 * through the facades, except the few settings no facade changes (a member's join date, a
 * group's boost slots), which are set with SQL and said so below.
 */
@Component
public class TestData {

	private final TestMembers members;

	private final Accounts accounts;

	private final Groups groups;

	private final Requests requests;

	private final Credits credits;

	private final JdbcTemplate jdbc;

	private final Helps helps;

	public TestData(TestMembers members, Accounts accounts, Groups groups, Requests requests, Credits credits,
			JdbcTemplate jdbc, Helps helps) {
		this.helps = helps;
		this.members = members;
		this.accounts = accounts;
		this.groups = groups;
		this.requests = requests;
		this.credits = credits;
		this.jdbc = jdbc;
	}

	/** A new member whose name starts with {@code prefix}. */
	public MemberBuilder member(String prefix) {
		return new MemberBuilder(prefix);
	}

	/** A new public group whose slug starts with {@code prefix}. */
	public GroupBuilder group(String prefix) {
		return new GroupBuilder(prefix);
	}

	/** A new request with a unique Pinduoduo link, needing one help unless told. */
	public RequestBuilder request() {
		return new RequestBuilder();
	}

	/**
	 * Gives the helper a record of {@code count} helps confirmed by hand, each by another
	 * established author in a group of its own, so that the auto-confirm gate
	 * (docs/credits.md: at least 5 answered claims, 80 % confirmed) lets their
	 * auto-confirmed helps pay. Each of these helps pays the helper a credit, after its
	 * commit: wait for {@code count} more before counting.
	 */
	public void answeredHelps(TestMember helper, int count) {
		TestMember owner = member("answers-owner").create();
		String slug = group("answers").postingFreely().ownedBy(owner);
		this.groups.join(slug, helper.id(), null);
		for (int i = 0; i < count; i++) {
			TestMember author = member("answers-author").joining(slug);
			RequestView request = request().by(author).in(slug).post();
			ClaimView claim = this.helps.claim(helper.id(), request.id());
			this.helps.confirm(author.id(), claim.id());
		}
	}

	/** How long ago an established test member joined, past every new-account limit. */
	static final Duration ESTABLISHED_AGE = Duration.ofDays(2);

	/**
	 * Makes a member established (see {@link MemberBuilder#fresh()}) from now on: vouched
	 * for and past the new-account age.
	 */
	public void establish(long memberId) {
		Timestamp now = Timestamp.from(Instant.now().minus(Duration.ofSeconds(1)));
		this.jdbc.update("delete from credit_trust where member_id = ?", memberId);
		this.jdbc.update("insert into credit_trust (member_id, vouched_at, established_at) values (?, ?, ?)", memberId,
				now, now);
	}

	private static String suffix(int length) {
		return UUID.randomUUID().toString().replace("-", "").substring(0, length);
	}

	public final class MemberBuilder {

		private final String prefix;

		private boolean admin;

		private long credits;

		private Duration age;

		private boolean fresh;

		private MemberBuilder(String prefix) {
			this.prefix = prefix;
		}

		/** A site admin (who may create groups). */
		public MemberBuilder admin() {
			this.admin = true;
			return this;
		}

		/**
		 * A brand-new account, as a sign-up makes it: joined now, vouched for by nobody,
		 * so its confirmations are held and it cannot boost or create groups
		 * (docs/credits.md). Without this, a test member is established: joined two days
		 * ago and vouched for (SQL on {@code members.created_at} and
		 * {@code credit_trust}, as if an established member had confirmed a help of
		 * theirs), so that helps it confirms pay at once, as most tests expect.
		 */
		public MemberBuilder fresh() {
			this.fresh = true;
			return this;
		}

		/** Granted this many credits on creation. */
		public MemberBuilder withCredits(long credits) {
			this.credits = credits;
			return this;
		}

		/**
		 * Joined this long ago, past the limits for new accounts (no facade backdates a
		 * member: SQL on {@code members.created_at}).
		 */
		public MemberBuilder joinedAgo(Duration age) {
			this.age = age;
			return this;
		}

		/** Creates the member, who joins these (public) groups. */
		public TestMember joining(String... slugs) {
			TestMember member = create();
			for (String slug : slugs) {
				TestData.this.groups.join(slug, member.id(), null);
			}
			return member;
		}

		/** Creates the member, who joins a private group with its invite code. */
		public TestMember joiningWithCode(String slug, String inviteCode) {
			TestMember member = create();
			TestData.this.groups.join(slug, member.id(), inviteCode);
			return member;
		}

		/** Creates the member, in no group. */
		public TestMember create() {
			TestMember member = TestData.this.members.create(this.prefix);
			if (this.admin) {
				TestData.this.accounts.makeAdmin(member.id());
			}
			if (this.credits > 0) {
				TestData.this.credits.grant(member.id(), this.credits, "test:" + UUID.randomUUID(), "test");
			}
			Duration joined = (this.age != null) ? this.age : (this.fresh ? null : ESTABLISHED_AGE);
			if (joined != null) {
				TestData.this.jdbc.update("update members set created_at = ? where id = ?",
						Timestamp.from(Instant.now().minus(joined)), member.id());
			}
			if (!this.fresh) {
				Timestamp vouched = Timestamp.from(Instant.now().minus(Duration.ofHours(1)));
				TestData.this.jdbc.update(
						"insert into credit_trust (member_id, vouched_at, established_at) values (?, ?, ?)",
						member.id(), vouched, vouched);
			}
			return member;
		}

	}

	public final class GroupBuilder {

		private final String prefix;

		private String name;

		private String description = "";

		private String rules = "";

		private Visibility visibility = Visibility.PUBLIC;

		private String campaign;

		private Integer maxOpenPerMember;

		private GroupView.PostingRule postingRule;

		private Integer boostSlots;

		private GroupBuilder(String prefix) {
			this.prefix = prefix;
			this.name = prefix;
		}

		public GroupBuilder named(String name) {
			this.name = name;
			return this;
		}

		public GroupBuilder describedAs(String description) {
			this.description = description;
			return this;
		}

		/** The group's rules, as its owner writes them for members. */
		public GroupBuilder withRulesText(String rules) {
			this.rules = rules;
			return this;
		}

		/** Private: open to its members and to its invite link only. */
		public GroupBuilder privately() {
			this.visibility = Visibility.PRIVATE;
			return this;
		}

		/** The campaign requests posted without one fall into. */
		public GroupBuilder withDefaultCampaign(String campaign) {
			this.campaign = campaign;
			return this;
		}

		public GroupBuilder limitingOpenRequestsTo(int maxOpenPerMember) {
			this.maxOpenPerMember = maxOpenPerMember;
			return this;
		}

		/** Help before you post: after {@code freePosts}, {@code helpsToPost} in 48 h. */
		public GroupBuilder withPostingRule(int freePosts, int helpsToPost) {
			this.postingRule = new GroupView.PostingRule(freePosts, helpsToPost, 48);
			return this;
		}

		/** No helps asked before posting, however much a member posts. */
		public GroupBuilder postingFreely() {
			return withPostingRule(0, 0);
		}

		/**
		 * This many requests pinned at once (no facade sets it: SQL on
		 * {@code topic_groups.boost_slots}).
		 */
		public GroupBuilder withBoostSlots(int slots) {
			this.boostSlots = slots;
			return this;
		}

		/** Creates the group, owned by {@code owner} (made a site admin to create it). */
		public String ownedBy(TestMember owner) {
			TestData.this.accounts.makeAdmin(owner.id());
			String slug = this.prefix + "-" + suffix(8);
			TestData.this.groups.create(owner.id(),
					new NewGroup(slug, this.name, this.description, this.rules, this.visibility, this.campaign));
			if (this.maxOpenPerMember != null) {
				TestData.this.groups.updateRules(slug, owner.id(), this.description, this.rules, this.maxOpenPerMember);
			}
			if (this.postingRule != null) {
				TestData.this.groups.updatePostingRule(slug, owner.id(), this.postingRule);
			}
			if (this.boostSlots != null) {
				TestData.this.jdbc.update("update topic_groups set boost_slots = ? where slug = ?", this.boostSlots,
						slug);
			}
			return slug;
		}

	}

	public final class RequestBuilder {

		private Long authorId;

		private String group;

		private int helpsNeeded = 1;

		private String campaign;

		private String words;

		private boolean temu;

		private RequestBuilder() {
		}

		public RequestBuilder by(TestMember author) {
			return by(author.id());
		}

		/** By a member made some other way (a browser test's sign-up, say). */
		public RequestBuilder by(long authorId) {
			this.authorId = authorId;
			return this;
		}

		public RequestBuilder in(String group) {
			this.group = group;
			return this;
		}

		public RequestBuilder needing(int helps) {
			this.helpsNeeded = helps;
			return this;
		}

		public RequestBuilder inCampaign(String campaign) {
			this.campaign = campaign;
			return this;
		}

		/** Share text before the link, as an app's share sheet writes it. */
		public RequestBuilder saying(String words) {
			this.words = words;
			return this;
		}

		/** A unique Temu link instead of a Pinduoduo one. */
		public RequestBuilder onTemu() {
			this.temu = true;
			return this;
		}

		/** Posts it through {@link Requests#post}, refusals thrown as they are. */
		public RequestView post() {
			if (this.authorId == null || this.group == null) {
				throw new IllegalStateException("a request needs by(author) and in(group)");
			}
			String link = this.temu ? "https://www.temu.com/a/" + suffix(13) : "https://p.pinduoduo.com/" + suffix(10);
			String input = (this.words != null) ? this.words + " " + link : link;
			return TestData.this.requests.post(this.authorId, this.group,
					new NewRequest(input, this.campaign, this.helpsNeeded, null, null), null);
		}

	}

}
