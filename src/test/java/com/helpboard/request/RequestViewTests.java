package com.helpboard.request;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestViewTests {

	private static RequestView request(String shareText, String note, String title) {
		Instant now = Instant.parse("2026-11-25T12:00:00Z");
		return new RequestView(12, 1, "kanjia", 1, "a", "PINDUODUO", "pdd-bargain", "https://p.pinduoduo.com/abc",
				shareText, null, note, title, 3, 0, RequestStatus.OPEN, now, now.plusSeconds(3600), null,
				Reciprocity.NONE);
	}

	@Test
	void whatItIsIsWhatTheMemberSaidElseTheProductOfTheShareText() {
		assertThat(request("我在拼多多看中了「空气炸锅」 https://p.pinduoduo.com/abc", null, "空气炸锅 还差3刀").what())
			.isEqualTo("空气炸锅 还差3刀");
		assertThat(request("我在拼多多看中了「空气炸锅」 https://p.pinduoduo.com/abc", null, null).what()).isEqualTo("空气炸锅");
		assertThat(request("我在拼多多看中了「空气炸锅」 https://p.pinduoduo.com/abc", null, "  ").what()).isEqualTo("空气炸锅");
	}

	@Test
	void aRequestIsNeverCalledByItsHostOrTheAppsBoilerplate() {
		RequestView boilerplate = request("【拼多多】帮我砍一刀，就差你了！复制这条信息，打开拼多多 https://p.pinduoduo.com/abc", null, null);
		assertThat(boilerplate.what()).isNull();
		assertThat(boilerplate.title()).isEqualTo("#12");
		assertThat(request("https://p.pinduoduo.com/abc", null, null).title()).isEqualTo("#12");
		assertThat(request("https://p.pinduoduo.com/abc", "还差一刀", null).title()).isEqualTo("还差一刀");
	}

}
