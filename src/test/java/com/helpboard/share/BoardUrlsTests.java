package com.helpboard.share;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class BoardUrlsTests {

	@Test
	void aConfiguredPublicAddressIsUsedWithoutItsTrailingSlash() {
		BoardUrls urls = new BoardUrls("https://board.example.com/");
		assertThat(urls.request(42)).isEqualTo("https://board.example.com/r/42");
		assertThat(urls.poster(42)).isEqualTo("https://board.example.com/r/42/poster.png");
		assertThat(new BoardUrls("https://example.com/board").request(1)).isEqualTo("https://example.com/board/r/1");
	}

	@Test
	void onlyAnHttpAddressIsAPublicAddress() {
		for (String bad : new String[] { "javascript:alert(1)", "board.example.com", "ftp://board.example.com",
				"https://board.example.com/?x=1", "https://board.example.com/#top" }) {
			assertThatIllegalStateException().as(bad).isThrownBy(() -> new BoardUrls(bad));
		}
	}

}
