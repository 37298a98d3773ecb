package com.helpboard.link;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ProductPhraseTests {

	@Test
	void namesTheProductInBracketsAfterAToken() {
		assertThat(ProductPhrase.of("T:/⇥aB3dE9fG⇤ 复制并打开拼多多APP【家用收纳盒】")).isEqualTo("家用收纳盒");
	}

	@Test
	void namesWhatTheMemberHasHisEyeOn() {
		assertThat(ProductPhrase.of("我在拼多多看中了「小米空气炸锅 4L」，帮我砍一刀 https://p.pinduoduo.com/Id2XBFcQ 复制打开"))
			.isEqualTo("小米空气炸锅 4L");
		assertThat(ProductPhrase.of("我在拼多多看中了电动牙刷，快来帮我 https://p.pinduoduo.com/Id2XBFcQ")).isEqualTo("电动牙刷");
	}

	@Test
	void skipsThePlatformBracketForTheProductOne() {
		assertThat(ProductPhrase.of("【拼多多】我正在免费拿【儿童保温杯】，就差你了！https://p.pinduoduo.com/Zz9Kk1Qq")).isEqualTo("儿童保温杯");
	}

	@ParameterizedTest
	@ValueSource(strings = { "【拼多多】帮我砍一刀，就差你了！复制这条信息，打开拼多多 https://p.pinduoduo.com/Zz9Kk1Qq",
			"https://mobile.yangkeduo.com/goods.html?goods_id=123456789", "mobile.yangkeduo.com",
			"帮我砍一刀！👉 https://p.pinduoduo.com/Zz9Kk1Qq 👈 复制打开拼多多，谢谢～", "【】【】「」『』", "【【【【", "】】】「",
			"【https://mobile.yangkeduo.com/goods.html】", "「mobile.yangkeduo.com」", "【￥AbCdEf123￥】", "【⇥aB3dE9fG⇤】",
			"【帮我砍一刀，就差你了】", "【拼多多】", "【Temu】 Join me on Temu Farmland https://www.temu.com/a/ZyXwVuTsRqPoN", "【。，！】",
			"【🎁🎁🎁】", " ", "" })
	void namesNothingWhenTheTextIsOnlyTheAppsWordsALinkOrPunctuation(String text) {
		assertThat(ProductPhrase.of(text)).isNull();
	}

	@Test
	void nullIsNothing() {
		assertThat(ProductPhrase.of(null)).isNull();
	}

	@Test
	void everyAcceptedShareTextOfTheFixturesGivesAPhraseFreeOfHostsAndBoilerplate() throws IOException {
		try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/links.tsv"))) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.startsWith("#") || line.isBlank()) {
					continue;
				}
				String input = line.split("\t", 4)[3];
				String phrase = ProductPhrase.of(input);
				if (phrase != null) {
					assertThat(phrase).as(input)
						.doesNotContain("yangkeduo", "pinduoduo", "temu.com", "http", "复制", "砍一刀")
						.isNotEqualTo("拼多多");
				}
			}
		}
		assertThat(ProductPhrase.of("T:/⇥aB3dE9fG⇤ 复制并打开拼多多APP【家用收纳盒】")).isNotNull();
	}

	@Test
	void aVeryLongPhraseIsCutToFortyCharacters() {
		String phrase = ProductPhrase.of("【" + "超大容量保温杯".repeat(10) + "】");
		assertThat(phrase).endsWith("…");
		assertThat(phrase.codePointCount(0, phrase.length())).isEqualTo(ProductPhrase.MAX_LENGTH);
	}

	@Test
	void aVeryLongTextIsReadQuicklyAndOnlyAtItsStart() {
		String text = "【".repeat(100_000) + "x".repeat(100_000) + "【空气炸锅】";
		long started = System.nanoTime();
		assertThat(ProductPhrase.of(text)).isNull();
		assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
	}

	@Test
	void controlAndBidiCharactersAreDroppedAndEmojiKept() {
		assertThat(ProductPhrase.of("【空气\u202E炸锅\u0000\u0007】")).isEqualTo("空气炸锅");
		assertThat(ProductPhrase.of("【🍓 草莓 5 斤】")).isEqualTo("🍓 草莓 5 斤");
		assertThat(ProductPhrase.of("【空气\n\t炸锅】")).isEqualTo("空气 炸锅");
	}

	@Test
	void markupIsReturnedAsTextForThePageToEscape() {
		// the phrase is text: the card escapes it (RequestCardHtml), it is never markup
		assertThat(ProductPhrase.of("【<script>alert(1)</script>】")).isEqualTo("<script>alert(1)</script>");
	}

}
