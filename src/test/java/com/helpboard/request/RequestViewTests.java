package com.helpboard.request;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestViewTests {

	private static RequestView request(String shareText, String note, String canonicalUrl) {
		Instant now = Instant.parse("2026-11-25T12:00:00Z");
		return new RequestView(1, 1, "kanjia", 1, "a", "PINDUODUO", "pdd-bargain", canonicalUrl, shareText, null, note,
				3, 0, RequestStatus.OPEN, now, now.plusSeconds(3600), null, Reciprocity.NONE);
	}

	@Test
	void aCardIsCalledByItsNoteThenItsWordsThenItsHost() {
		assertThat(request("https://p.pinduoduo.com/abc", "还差一刀", "https://p.pinduoduo.com/abc").title())
			.isEqualTo("还差一刀");
		assertThat(request("【拼多多】帮我砍一刀 https://mobile.yangkeduo.com/goods.html?goods_id=1&refer_x=2 复制此消息打开拼多多", null,
				"https://mobile.yangkeduo.com/goods.html?goods_id=1")
			.title()).isEqualTo("【拼多多】帮我砍一刀 复制此消息打开拼多多");
		assertThat(request("https://p.pinduoduo.com/abc", null, "https://p.pinduoduo.com/abc").title())
			.isEqualTo("p.pinduoduo.com");
		assertThat(request("temu.to/k/q1w2e3", null, "https://temu.to/k/q1w2e3").title()).isEqualTo("temu.to");
	}

}
