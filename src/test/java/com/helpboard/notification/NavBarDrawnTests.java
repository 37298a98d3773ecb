package com.helpboard.notification;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** A kept top bar is cut at its CSRF token's place and joined with each page's token. */
class NavBarDrawnTests {

	@Test
	void theTokenTakesThePlaceholdersPlace() {
		String html = "<nav>我的 <form><input name=\"_csrf\" value=\"" + NavBar.CSRF_PLACEHOLDER + "\"></form> 退出</nav>";
		NavBar.Drawn drawn = NavBar.Drawn.cut(html);
		assertThat(drawn.with("tok-1")).isEqualTo(html.replace(NavBar.CSRF_PLACEHOLDER, "tok-1"));
		assertThat(drawn.with("")).isEqualTo(html.replace(NavBar.CSRF_PLACEHOLDER, ""));
	}

	@Test
	void aBarWithoutAFormIsKeptWhole() {
		assertThat(NavBar.Drawn.cut("<nav>助力</nav>").with("tok")).isEqualTo("<nav>助力</nav>");
	}

	@Test
	void aSecondPlaceholderIsRefusedRatherThanLeftInThePage() {
		assertThatIllegalStateException()
			.isThrownBy(() -> NavBar.Drawn.cut(NavBar.CSRF_PLACEHOLDER + "<p>" + NavBar.CSRF_PLACEHOLDER));
	}

}
