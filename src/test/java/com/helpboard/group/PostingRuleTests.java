package com.helpboard.group;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostingRuleTests {

	private final GroupView.PostingRule rule = new GroupView.PostingRule(2, 3, 48);

	@Test
	void theFreePostsNeedNoHelp() {
		assertThat(this.rule.asksHelpAfter(0)).isFalse();
		assertThat(this.rule.asksHelpAfter(1)).isFalse();
		assertThat(this.rule.asksHelpAfter(2)).isTrue();
	}

	@Test
	void aGroupAskingNoHelpNeverRefuses() {
		assertThat(new GroupView.PostingRule(0, 0, 48).asksHelpAfter(100)).isFalse();
	}

	@Test
	void countsTheHelpsStillMissingInItsWindow() {
		assertThat(this.rule.window()).isEqualTo(Duration.ofHours(48));
		assertThat(this.rule.helpsMissing(1)).isEqualTo(2);
		assertThat(this.rule.helpsMissing(3)).isZero();
		assertThat(this.rule.helpsMissing(7)).isZero();
	}

}
