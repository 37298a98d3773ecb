package com.helpboard.link;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LinkParserTests {

	private final LinkParser parser = new LinkParser();

	private ParsedLink accepted(String input) {
		ParseResult result = this.parser.parse(input);
		assertThat(result).as("parse(%s)", input).isInstanceOf(ParsedLink.class);
		return (ParsedLink) result;
	}

	private Reason rejected(String input) {
		ParseResult result = this.parser.parse(input);
		assertThat(result).as("parse(%s)", input).isInstanceOf(Rejection.class);
		return ((Rejection) result).reason();
	}

	@Nested
	class Canonicalisation {

		@Test
		void dropsTrackingKeepsIdentifyingAndSorts() {
			ParsedLink link = accepted("https://mobile.yangkeduo.com/goods.html?uin=Q&refer_page_name=index"
					+ "&_oak_rcto=YWJj&goods_id=123&utm_source=wx&share_uid=9&_x_sessn_id=a&_wv=1&_wvx=2"
					+ "&__rp_name=x&sc=EF&_t=1&timestamp=170&activity_id=77&share_code=S1&pid=1_2&cpsSign=abc");
			assertThat(link.canonicalUrl())
				.isEqualTo("https://mobile.yangkeduo.com/goods.html?activity_id=77&goods_id=123&share_code=S1");
			assertThat(link.dedupeKey()).isEqualTo("goods_id=123");
		}

		@Test
		void keepsUnknownParamsInSortedOrder() {
			assertThat(accepted("https://mobile.yangkeduo.com/x.html?b=2&a=1&a=0").canonicalUrl())
				.isEqualTo("https://mobile.yangkeduo.com/x.html?a=0&a=1&b=2");
		}

		@Test
		void upgradesHttpLowercasesHostDropsFragmentAndDefaultPort() {
			ParsedLink link = accepted("http://MOBILE.YangKeDuo.COM:80/Goods.html?goods_id=5#comments");
			assertThat(link.canonicalUrl()).isEqualTo("https://mobile.yangkeduo.com/Goods.html?goods_id=5");
			assertThat(accepted("https://temu.com:443/a/AbCdEfGh").canonicalUrl())
				.isEqualTo("https://temu.com/a/AbCdEfGh");
		}

		@Test
		void schemeLessIsHttps() {
			assertThat(accepted("p.pinduoduo.com/Id2XBFcQ?sc=EFAC").canonicalUrl())
				.isEqualTo("https://p.pinduoduo.com/Id2XBFcQ");
			assertThat(accepted("temu.to/k/q1w2e3").canonicalUrl()).isEqualTo("https://temu.to/k/q1w2e3");
		}

		@Test
		void normalisesPercentEncodingAndDotSegments() {
			ParsedLink link = accepted("https://mobile.yangkeduo.com/a/./b/../%7euser/%e4%b8%ad/\u00e9?q=a%2fb&x=%41");
			assertThat(link.canonicalUrl())
				.isEqualTo("https://mobile.yangkeduo.com/a/~user/%E4%B8%AD/%C3%A9?q=a%2Fb&x=A");
		}

		@Test
		void strayPercentAndPlusAreStable() {
			assertThat(accepted("https://mobile.yangkeduo.com/x?q=100%&p=a+b&r=%2B").canonicalUrl())
				.isEqualTo("https://mobile.yangkeduo.com/x?p=a+b&q=100%25&r=%2B");
		}

		@Test
		void trailingSentencePunctuationIsNotPartOfTheLink() {
			assertThat(accepted("看这个 https://p.pinduoduo.com/Id2XBFcQ. 谢谢").dedupeKey()).isEqualTo("short=Id2XBFcQ");
			assertThat(accepted("(https://temu.com/a/AbCdEfGh)").dedupeKey()).isEqualTo("invite=AbCdEfGh");
			assertThat(accepted("https://p.pinduoduo.com/Id2XBFcQ!").dedupeKey()).isEqualTo("short=Id2XBFcQ");
		}

		@Test
		void otherAllowedUrlsDedupeOnCanonicalUrl() {
			assertThat(accepted("https://m.temu.com/kuiper/page.html?_x_ads=1&z=9").dedupeKey())
				.isEqualTo("url=https://m.temu.com/kuiper/page.html?z=9");
		}

		@Test
		void groupOrderWinsOverGoods() {
			assertThat(
					accepted("https://mobile.yangkeduo.com/pincard_ask.html?goods_id=1&group_order_id=22").dedupeKey())
				.isEqualTo("group_order_id=22");
		}

		@Test
		void trueSubdomainsAndTrailingDotAreAllowed() {
			assertThat(accepted("https://a.b.yangkeduo.com./x").canonicalUrl())
				.isEqualTo("https://a.b.yangkeduo.com/x");
			assertThat(accepted("https://pinduoduo.com").canonicalUrl()).isEqualTo("https://pinduoduo.com/");
		}

	}

	@Nested
	class ShareTexts {

		@Test
		void linkAndTokenKeepsBoth() {
			ParsedLink link = accepted("拼多多 T:/⇥aB3dE9fG⇤ 或打开 https://p.pinduoduo.com/Id2XBFcQ");
			assertThat(link.canonicalUrl()).isEqualTo("https://p.pinduoduo.com/Id2XBFcQ");
			assertThat(link.token()).isEqualTo("aB3dE9fG");
			assertThat(link.dedupeKey()).isEqualTo("short=Id2XBFcQ");
		}

		@Test
		void urlEndsAtCjkAndFullWidthPunctuation() {
			assertThat(accepted("【拼多多】👉https://p.pinduoduo.com/Zz9Kk1Qq，复制打开").canonicalUrl())
				.isEqualTo("https://p.pinduoduo.com/Zz9Kk1Qq");
			assertThat(accepted("链接:https://p.pinduoduo.com/Zz9Kk1Qq复制打开").canonicalUrl())
				.isEqualTo("https://p.pinduoduo.com/Zz9Kk1Qq");
		}

		@Test
		void scheme_lessLinkInText() {
			assertThat(accepted("快帮我 p.pinduoduo.com/Id2XBFcQ 谢谢").dedupeKey()).isEqualTo("short=Id2XBFcQ");
		}

		@Test
		void bareHostMentionIsNotALinkButMustBeAllowed() {
			// a bare foreign host is copied along with
			// the text and auto-linked by chat apps
			assertThat(rejected("去 taobao.com 看看吧")).isEqualTo(Reason.HOST_NOT_ALLOWED);
			assertThat(accepted("打开 pinduoduo.com T:/⇥aB3dE9fG⇤").dedupeKey()).isEqualTo("token=aB3dE9fG");
		}

		@Test
		void otherHostInTextIsRefusedEvenWithAnAllowedLink() {
			assertThat(rejected("帮我砍一刀 https://t.cn/abc")).isEqualTo(Reason.HOST_NOT_ALLOWED);
			assertThat(rejected("https://p.pinduoduo.com/Id2XBFcQ 或 https://evil.cn/x"))
				.isEqualTo(Reason.HOST_NOT_ALLOWED);
			assertThat(rejected("see evil.cn/?u=https://mobile.yangkeduo.com/goods.html"))
				.isEqualTo(Reason.HOST_NOT_ALLOWED);
		}

	}

	@Nested
	class Tokens {

		@ParameterizedTest
		@ValueSource(strings = { "T:/⇥aB3dE9fG⇤ 复制此段打开", "拼多多 ￥aB3dE9fG￥", "拼多多 ¥aB3dE9fG¥", "拼多多 $aB3dE9fG$",
				"拼多多 €aB3dE9fG€", "拼多多 (aB3dE9fG)", "拼多多（aB3dE9fG）", "复制₤aB3dE9fG₤打开拼多多" })
		void pinduoduoTokenShapes(String text) {
			ParsedLink link = accepted(text);
			assertThat(link.platform()).isEqualTo(Platform.PINDUODUO);
			assertThat(link.token()).isEqualTo("aB3dE9fG");
			assertThat(link.dedupeKey()).isEqualTo("token=aB3dE9fG");
			assertThat(link.canonicalUrl()).isNull();
		}

		@Test
		void temuToken() {
			ParsedLink link = accepted("Open Temu and paste €Qw3Rt5Yu€");
			assertThat(link.platform()).isEqualTo(Platform.TEMU);
			assertThat(link.dedupeKey()).isEqualTo("token=Qw3Rt5Yu");
		}

		@ParameterizedTest
		@ValueSource(strings = { "￥aB3dE9fG￥ 打开淘宝", "拼多多 ⇥abc⇤", "拼多多 (Farmland)",
				"拼多多 ⇥aB3dE9fGaB3dE9fGaB3dE9fGaB3dE9fGaB3dE9fG⇤", "just words (hello1)" })
		void notTokens(String text) {
			assertThat(rejected(text)).isEqualTo(Reason.NO_LINK_OR_TOKEN);
		}

	}

	@Nested
	class Campaigns {

		@ParameterizedTest
		@CsvSource(delimiter = '|', textBlock = """
				帮我砍一刀 https://p.pinduoduo.com/Aa11Bb22                         | pdd-bargain
				砍价免费拿 T:/⇥aB3dE9fG⇤                                             | pdd-bargain
				天天领现金，帮我点一下 https://p.pinduoduo.com/Aa11Bb22              | pdd-cash-wheel
				现金大转盘 https://p.pinduoduo.com/Aa11Bb22                         | pdd-cash-wheel
				帮我助力提现 https://p.pinduoduo.com/Aa11Bb22                       | pdd-cash-wheel
				多多果园帮我浇水 https://p.pinduoduo.com/Aa11Bb22                   | pdd-orchard
				https://mobile.yangkeduo.com/pincard_ask.html?group_order_id=1     | pdd-group-buy
				一起拼团 https://mobile.yangkeduo.com/goods.html?goods_id=1        | pdd-group-buy
				新人专享 https://p.pinduoduo.com/Aa11Bb22                           | pdd-new-user
				助力免单 https://p.pinduoduo.com/Aa11Bb22                           | pdd-free-order
				签到领红包 https://p.pinduoduo.com/Aa11Bb22                         | pdd-checkin
				Join me on Temu Farmland https://temu.com/a/AbCdEfGh                | temu-farmland
				Temu Fishland! https://temu.com/a/AbCdEfGh                          | temu-fishland
				Get a free gift on Temu https://temu.com/a/AbCdEfGh                 | temu-free-gift
				https://temu.com/a/AbCdEfGh                                         | temu-invite
				""")
		void guesses(String text, String campaign) {
			assertThat(accepted(text).campaignGuess()).isEqualTo(campaign);
		}

		@Test
		void unsureIsNull() {
			assertThat(accepted("https://p.pinduoduo.com/Id2XBFcQ").campaignGuess()).isNull();
			assertThat(accepted("https://share.temu.com/Xy7Gh2KlmN0").campaignGuess()).isNull();
		}

	}

	@Nested
	class Hostile {

		@Test
		void scriptTags() {
			assertThat(rejected("<script>alert(1)</script>")).isEqualTo(Reason.NO_LINK_OR_TOKEN);
			assertThat(rejected("javascript:alert(document.cookie)")).isEqualTo(Reason.SCHEME_NOT_ALLOWED);
			ParsedLink link = accepted("<script>x</script> https://temu.com/a/AbCdEfGh\"><img src=x>");
			assertThat(link.canonicalUrl()).isEqualTo("https://temu.com/a/AbCdEfGh");
		}

		@Test
		void homoglyphHostIsNotAllowed() {
			// Cyrillic 'а' (U+0430) instead of Latin 'a'
			assertThat(rejected("https://mobile.y\u0430ngkeduo.com/goods.html?goods_id=1"))
				.isEqualTo(Reason.HOST_NOT_ALLOWED);
			assertThat(rejected("y\u0430ngkeduo.com/goods.html")).isEqualTo(Reason.HOST_NOT_ALLOWED);
			assertThat(rejected("https://xn--yangkeduo-abc.com/")).isEqualTo(Reason.HOST_NOT_ALLOWED);
		}

		@Test
		void tooLong() {
			assertThat(rejected("a".repeat(10_000))).isEqualTo(Reason.TOO_LONG);
			assertThat(rejected("砍".repeat(1001))).isEqualTo(Reason.TOO_LONG);
			assertThat(rejected("https://p.pinduoduo.com/" + "a".repeat(2100))).isEqualTo(Reason.TOO_LONG);
			// a lone URL may be longer than a share text
			assertThat(accepted("https://mobile.yangkeduo.com/goods.html?goods_id=1&x=" + "a".repeat(1500)).dedupeKey())
				.isEqualTo("goods_id=1");
		}

		@Test
		void nonDefaultPortIsHostNotAllowed() {
			assertThat(rejected("https://mobile.yangkeduo.com:8443/")).isEqualTo(Reason.HOST_NOT_ALLOWED);
			assertThat(rejected("https://mobile.yangkeduo.com:80/")).isEqualTo(Reason.HOST_NOT_ALLOWED);
			assertThat(rejected("mobile.yangkeduo.com:8080/goods.html")).isEqualTo(Reason.HOST_NOT_ALLOWED);
			assertThat(rejected("https://mobile.yangkeduo.com:99999999/")).isEqualTo(Reason.MALFORMED_URL);
		}

		@ParameterizedTest
		@ValueSource(strings = { "https://[::1]/", "https://127.0.0.1/goods.html", "http://[::ffff:7f00:1]:80/" })
		void ipLiterals(String input) {
			assertThat(rejected(input)).isEqualTo(Reason.HOST_NOT_ALLOWED);
		}

		@ParameterizedTest
		@ValueSource(strings = { "HTTPS://user@temu.com", "https://a:b@temu.com/a/x", "https://temu.com@evil.cn/",
				"https://mobile.yangkeduo.com:443@evil.cn/" })
		void credentials(String input) {
			assertThat(rejected(input)).isEqualTo(Reason.CREDENTIALS_IN_URL);
		}

		@ParameterizedTest
		@ValueSource(strings = { "file:///etc/passwd", "FILE://mobile.yangkeduo.com/x", "vbscript:msgbox(1)",
				"pinduoduo://com.xunmeng.pinduoduo/goods.html", "ws://temu.com/a/x", "mailto:a@temu.com" })
		void otherSchemes(String input) {
			assertThat(rejected(input)).isEqualTo(Reason.SCHEME_NOT_ALLOWED);
		}

		@ParameterizedTest
		@ValueSource(strings = { "https://mobile.yangkeduo.com\\@evil.cn/", "https:///mobile.yangkeduo.com/",
				"https://mobile..yangkeduo.com/", "https://-x.yangkeduo.com/", "https:mobile.yangkeduo.com/x" })
		void malformed(String input) {
			assertThat(rejected(input)).isEqualTo(Reason.MALFORMED_URL);
		}

		@Test
		void nullsControlsAndSurrogates() {
			assertThat(rejected(null)).isEqualTo(Reason.EMPTY);
			assertThat(rejected("\u200B\uFEFF\t\u3000 \n")).isEqualTo(Reason.EMPTY);
			assertThat(rejected("\u0000\u0001\uD800\uDFFF")).isEqualTo(Reason.NO_LINK_OR_TOKEN);
			ParsedLink link = accepted("\uD800拼多多\u0000 https://p.pinduoduo.com/Id2XBFcQ\uDC00");
			assertThat(link.dedupeKey()).isEqualTo("short=Id2XBFcQ");
			assertThat(link.rawText()).isEqualTo("\uFFFD拼多多 https://p.pinduoduo.com/Id2XBFcQ\uFFFD");
		}

		@Test
		void credentialsAreNotEchoedInTheDetail() {
			Rejection rejection = (Rejection) LinkParserTests.this.parser.parse("https://bob:s3cret@temu.com/a/x");
			assertThat(rejection.detail()).doesNotContain("s3cret").contains("temu.com");
		}

		@Test
		void rejectionDetailIsShortAndSingleLine() {
			Rejection rejection = (Rejection) LinkParserTests.this.parser
				.parse("https://" + "x.".repeat(100) + "cn/\n");
			assertThat(rejection.reason()).isEqualTo(Reason.HOST_NOT_ALLOWED);
			assertThat(rejection.detail()).doesNotContain("\n").hasSizeLessThanOrEqualTo(161);
		}

	}

	@Test
	void messageKeys() {
		assertThat(Reason.HOST_NOT_ALLOWED.messageKey()).isEqualTo("link.rejected.host-not-allowed");
		assertThat(Reason.NO_QR_CODE.messageKey()).isEqualTo("link.rejected.no-qr-code");
		assertThat(Platform.TEMU.code()).isEqualTo("temu");
	}

}
