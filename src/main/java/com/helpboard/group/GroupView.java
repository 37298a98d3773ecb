package com.helpboard.group;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.helpboard.system.LocalizedText;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;

/** A topic group as other modules and pages see it. */
public record GroupView(long id, String slug, LocalizedText name, LocalizedText description, LocalizedText rules,
		Visibility visibility, @Nullable Long ownerId, @Nullable String defaultCampaign, int maxOpenPerMember,
		PostingRule postingRule, long memberCount, BoostRule boostRule) {

	/** The same group with another member count. */
	public GroupView withMemberCount(long members) {
		return (members == this.memberCount) ? this
				: new GroupView(this.id, this.slug, this.name, this.description, this.rules, this.visibility,
						this.ownerId, this.defaultCampaign, this.maxOpenPerMember, this.postingRule, members,
						this.boostRule);
	}

	/**
	 * Help before you post: the first {@code freePosts} requests are free; after that,
	 * {@code helpsToPost} helps given in the last {@code windowHours} hours.
	 */
	public record PostingRule(@Range(min = 0, max = 100, message = "{group.posting-rule.invalid}") int freePosts,
			@Range(min = 0, max = 50, message = "{group.posting-rule.invalid}") int helpsToPost,
			@Range(min = 1, max = 720, message = "{group.posting-rule.invalid}") int windowHours) {

		/**
		 * Whether a member who already posted {@code posted} requests here must help
		 * first.
		 */
		public boolean asksHelpAfter(long posted) {
			return this.helpsToPost > 0 && posted >= this.freePosts;
		}

		/** The helps counted are those confirmed in this window up to now. */
		public Duration window() {
			return Duration.ofHours(this.windowHours);
		}

		/** How many more helps are needed, given those confirmed in the window. */
		public long helpsMissing(long helpedInWindow) {
			return Math.max(0, this.helpsToPost - helpedInWindow);
		}

	}

	/**
	 * Boosts here: at most {@code slots} requests pinned at once, {@code pricePerHour}
	 * credits an hour, for one of {@code hourChoices} hours.
	 */
	public record BoostRule(int slots, int pricePerHour, List<Integer> hourChoices) {

		public BoostRule {
			hourChoices = List.copyOf(hourChoices);
		}

		/**
		 * Reads the stored list, hours apart by commas; the database has checked its
		 * shape.
		 */
		static BoostRule of(int slots, int pricePerHour, String hourChoices) {
			return new BoostRule(slots, pricePerHour,
					Arrays.stream(hourChoices.split(",")).map(String::strip).map(Integer::valueOf).toList());
		}

		public boolean offers(int hours) {
			return this.hourChoices.contains(hours);
		}

		public long cost(int hours) {
			return (long) hours * this.pricePerHour;
		}

	}

	public boolean isPrivate() {
		return this.visibility == Visibility.PRIVATE;
	}

}
