package com.helpboard.system;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a login may send a member back to: this site's pages, nothing else. */
class ReturnTargetTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "/r/42|/r/42", "/g/kanjia?campaign=pdd-bargain|/g/kanjia?campaign=pdd-bargain",
					"/me/helped|/me/helped", "/queue?group=kanjia|/queue?group=kanjia", "/r/42#claim|/r/42",
					// an encoded Chinese search term stays as it was sent
					"/g?q=%E7%A0%8D%E4%BB%B7|/g?q=%E7%A0%8D%E4%BB%B7", "/post|/post" })
	void sameSitePathsAreKept(String raw, String kept) {
		assertThat(ReturnTarget.of(raw)).as(raw).contains(kept);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "r/42", "https://evil.cn/r/42", "http://localhost/r/42", "//evil.cn", "///evil.cn",
			"//evil.cn/r/42", "/\\evil.cn", "\\\\evil.cn", "/\\/evil.cn", "javascript:alert(1)", "data:text/html,x",
			" /r/42", "/\t/evil.cn", "/\n/evil.cn", "/\r\n/evil.cn", "/r/42\u0000",
			// encoded slashes, backslashes and whitespace: what a browser or proxy
			// decodes
			"/%2Fevil.cn", "/%2fevil.cn", "%2F%2Fevil.cn", "/%5Cevil.cn", "/%5cevil.cn", "/%09/evil.cn", "/%0A/evil.cn",
			"/%252F/evil.cn", "/%25252F%25252Fevil.cn", "/%E2%80%AE/r/42", "/%",
			// a non-ASCII raw target cannot go into a Location header as it is
			"/r/四十二", "/r/42\u202E",
			// no loops back to the forms
			"/login", "/login?error", "/register", "/register?next=/r/1", "/logout", "/error" })
	void everythingElseIsRefused(String raw) {
		assertThat(ReturnTarget.of(raw)).as(raw).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(ints = { 2048, 2049, 10_000 })
	void overLongTargetsAreRefused(int length) {
		String raw = "/r/" + "1".repeat(length);
		assertThat(ReturnTarget.of(raw)).isEmpty();
	}

	@org.junit.jupiter.api.Test
	void nothingIsNothing() {
		assertThat(ReturnTarget.of(null)).isEmpty();
	}

}
