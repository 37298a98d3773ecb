package com.helpboard.link;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Share texts that try to smuggle a foreign host or IP address past the parser: bare
 * hosts, look-alike dots, zero-width and bidi characters, full-width letters. Each is
 * refused as a whole; ordinary share texts keep working.
 */
class ShareTextDeceptionTests {

	private final LinkParser parser = new LinkParser();

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = {
			// bare foreign hosts, with and without a path
			"pdd-help.cn", "bit.ly/abc", "bit.ly/x", "帮我砍一刀 pdd-help.cn 谢谢", "p.pinduoduo.com/Id2X 另见 pdd-help.cn",
			"https://p.pinduoduo.com/Id2XBFcQ 另见 pdd-help.cn", "https://p.pinduoduo.com/Id2XBFcQ 或 bit.ly/x",
			"拼多多 T:/⇥aB3dE9fG⇤ 详情 pdd-help.cn", "拼多多 T:/⇥aB3dE9fG⇤ 详情 www.pdd-help.cn/x",
			"客服 kefu@pdd-help.cn https://p.pinduoduo.com/Id2XBFcQ", "打开 taobao.com 看看 https://p.pinduoduo.com/Id2XBFcQ",
			"砍一刀,pdd-help.cn,谢谢", "x,evil.cn/y", "temu.com@evil.cn/x", "https://temu.com/a/AbCdEfGh (evil.cn)",
			"Join me on Temu! Free gifts at temu-gift.shop",
			// ideographic, full-width and half-width full stops
			"mobile.yangkeduo.com。evil。cn", "evil。cn/x", "evil．cn/x", "evil｡cn/x", "帮我砍一刀 evil。cn 谢谢",
			"https://p.pinduoduo.com/Id2XBFcQ 另见 pdd-help。cn", "evil\u2024cn/x", "evil\uFE52cn",
			// zero-width characters splitting a host
			"e\u200Bvil.cn", "yangkeduo\u200B.com.evil.cn", "evil\u200C.cn/x", "evil.\u200Dcn", "ev\u2060il.cn",
			"ev\uFEFFil.cn/x", "evil\u180E.cn", "e\u00ADvil.cn", "evil\uFE0F.cn/x",
			"p.pinduoduo.com\u200B.evil.cn/Id2XBFcQ", "https://p.pinduoduo.com/Id2XBFcQ 见 e\u200Bvil\u200B.\u200Bcn",
			// full-width and other compatibility letters
			"\uFF45\uFF56\uFF49\uFF4C\uFF0E\uFF43\uFF4E", "\uFF45\uFF56\uFF49\uFF4C.cn/x",
			"帮我 \uFF45\uFF56\uFF49\uFF4C\uFF0E\uFF43\uFF4E 谢谢",
			"\uFF48\uFF54\uFF54\uFF50\uFF53\uFF1A\uFF0F\uFF0F\uFF45\uFF56\uFF49\uFF4C\uFF0E\uFF43\uFF4E\uFF0F\uFF58",
			"\u24D4\u24E5\u24D8\u24DB.cn", "\uD835\uDC1E\uD835\uDC2F\uD835\uDC22\uD835\uDC25.cn",
			// IP addresses
			"http://1.2.3.4/x", "1.2.3.4/goods", "1.2.3.4", "看 1.2.3.4 谢谢", "1.2.3.4:8080/x", "https://127.0.0.1/",
			"p.pinduoduo.com/Id2XBFcQ 或 192.168.1.1/x", "１.２.３.４/x", "[::1]/x", "[::1]", "去 [2001:db8::1]/x 看",
			"http://[::ffff:7f00:1]/", "https://p.pinduoduo.com/Id2XBFcQ [::1]",
			// bidi controls
			"\u202Enc.live\u202C", "\u202Enc.live\u202C/x", "看 \u202Enc.live\u202C https://p.pinduoduo.com/Id2XBFcQ",
			"\u2067evil.cn\u2069", "evil\u200F.cn", "\u200Eevil.cn", "ev\u061Cil.cn",
			// a foreign link embedded in an allowed link
			"https://p.pinduoduo.com/x?u=https://evil.cn/y", "mobile.yangkeduo.com/goods.html?u=http://evil.cn",
			// other hosts after allowed ones in the same run
			"p.pinduoduo.com,evil.cn", "temu.com;evil.cn", "https://temu.com/a/AbCdEfGh evil.cn.", "temu.com:8080," })
	void refused(String input) {
		ParseResult result = this.parser.parse(input);
		assertThat(result).as("parse(%s)", input).isInstanceOf(Rejection.class);
		assertThat(((Rejection) result).reason()).as("parse(%s)", input).isEqualTo(Reason.HOST_NOT_ALLOWED);
		assertThat(((Rejection) result).detail()).as("the detail says why").containsAnyOf("host", "port");
	}

	@Test
	void refusalNamesTheHost() {
		assertThat(((Rejection) this.parser.parse("p.pinduoduo.com/Id2X 另见 pdd-help.cn")).detail())
			.contains("pdd-help.cn");
		assertThat(((Rejection) this.parser.parse("mobile.yangkeduo.com。evil。cn")).detail())
			.contains("mobile.yangkeduo.com.evil.cn");
		assertThat(((Rejection) this.parser.parse("1.2.3.4/goods")).detail()).contains("IP address");
	}

	static List<Arguments> accepted() {
		return List.of(Arguments.of("【拼多多】9.9包邮 好物推荐 https://p.pinduoduo.com/Id2XBFcQ", "short=Id2XBFcQ"),
				Arguments.of("拼多多 v1.2.3 版本 19.99元 3.5折 https://p.pinduoduo.com/Id2XBFcQ", "short=Id2XBFcQ"),
				Arguments.of("拼多多 T:/⇥aB3dE9fG⇤ 9.9元 👍🎉", "token=aB3dE9fG"),
				Arguments.of("打开 pinduoduo.com 或 temu.com，复制 T:/⇥aB3dE9fG⇤", "token=aB3dE9fG"),
				Arguments.of("复制打开拼多多APP。谢谢！https://p.pinduoduo.com/Id2XBFcQ。", "short=Id2XBFcQ"),
				Arguments.of("https://p.pinduoduo.com/Id2XBFcQ（复制打开）", "short=Id2XBFcQ"),
				Arguments.of("https://p.pinduoduo.com/Id2XBFcQ～谢谢", "short=Id2XBFcQ"),
				Arguments.of("Get it on Temu.com! https://temu.com/a/AbCdEfGh", "invite=AbCdEfGh"),
				Arguments.of("p。pinduoduo。com/Id2XBFcQ", "short=Id2XBFcQ"),
				Arguments.of("\uFF50.\uFF50\uFF49\uFF4E\uFF44\uFF55\uFF4F\uFF44\uFF55\uFF4F.com/Id2XBFcQ",
						"short=Id2XBFcQ"),
				Arguments.of("时间 [12:30:00] https://p.pinduoduo.com/Id2XBFcQ", "short=Id2XBFcQ"),
				Arguments.of("https://mobile.yangkeduo.com/goods.html?goods_id=1&u=https://mobile.yangkeduo.com/x",
						"goods_id=1"));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("accepted")
	void ordinaryShareTextsStillWork(String input, String dedupeKey) {
		ParseResult result = this.parser.parse(input);
		assertThat(result).as("parse(%s)", input).isInstanceOf(ParsedLink.class);
		assertThat(((ParsedLink) result).dedupeKey()).isEqualTo(dedupeKey);
	}

	@ParameterizedTest(name = "{0} {2}: {3}")
	@MethodSource("com.helpboard.link.LinkParserFixtureTests#samples")
	void fixtureAcceptsSurviveInvisibleCharacters(String verdict, String platform, String identifies, String input)
			throws IOException {
		if (!verdict.equals("accept")) {
			return;
		}
		// a zero-width space and a bidi mark after every space change nothing
		String noisy = input.replace(" ", " \u200B\u200E");
		ParseResult result = this.parser.parse(noisy);
		assertThat(result).isInstanceOf(ParsedLink.class);
		assertThat(((ParsedLink) result).dedupeKey()).isEqualTo(identifies);
		assertThat(((ParsedLink) result).rawText()).isEqualTo(input.strip());
	}

	@Test
	void zeroWidthSpaceInsideAnAllowedUrlIsRemoved() {
		String input = "帮我砍一刀 https://p.pinduoduo.com/Id2\u200BXBFcQ 复制打开拼多多";
		ParsedLink link = (ParsedLink) this.parser.parse(input);
		assertThat(link.canonicalUrl()).isEqualTo("https://p.pinduoduo.com/Id2XBFcQ");
		assertThat(link.dedupeKey()).isEqualTo("short=Id2XBFcQ");
		assertThat(link.rawText()).isEqualTo("帮我砍一刀 https://p.pinduoduo.com/Id2XBFcQ 复制打开拼多多");
	}

	@Test
	void storedTextHasNoInvisibleCharacters() {
		String input = "\u202A拼多多\u202C\u200B T:/⇥aB3d\u2060E9fG⇤ \uFEFF\u00AD\u2066复制\u2069\u200F\u061C\u180E打开";
		ParsedLink link = (ParsedLink) this.parser.parse(input);
		assertThat(link.token()).isEqualTo("aB3dE9fG");
		assertThat(link.rawText()).isEqualTo("拼多多 T:/⇥aB3dE9fG⇤ 复制打开");
		assertThat(link.rawText().codePoints()).noneMatch(TextCleaner::isInvisible);
	}

	@Test
	void emojiSequencesSurviveInTheStoredText() {
		// family (ZWJ sequence), rainbow flag (VS16 + ZWJ), Scotland (tag sequence)
		String emoji = "👨\u200D👩\u200D👧 🏳\uFE0F\u200D🌈 🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F";
		ParsedLink link = (ParsedLink) this.parser.parse(emoji + " https://p.pinduoduo.com/Id2XBFcQ");
		assertThat(link.rawText()).isEqualTo(emoji + " https://p.pinduoduo.com/Id2XBFcQ");
	}

	@Test
	void fullWidthPunctuationStillEndsTheLink() {
		assertThat(((ParsedLink) this.parser.parse("【拼多多】👉https://p.pinduoduo.com/Zz9Kk1Qq，复制打开")).canonicalUrl())
			.isEqualTo("https://p.pinduoduo.com/Zz9Kk1Qq");
		assertThat(((ParsedLink) this.parser.parse("链接：https://p.pinduoduo.com/Zz9Kk1Qq＼x")).canonicalUrl())
			.isEqualTo("https://p.pinduoduo.com/Zz9Kk1Qq");
	}

	@Test
	void normalisedScanText() {
		assertThat(TextCleaner.forScanning("ｅｖｉｌ．ｃｎ｡x。y")).isEqualTo("evil.cn.x.y");
		assertThat(TextCleaner.forScanning("9.9包邮，谢谢～")).isEqualTo("9.9包邮，谢谢～");
		assertThat(TextCleaner.clean("e\u200Bv\u202Ei\u2066l")).isEqualTo("evil");
		assertThat(ShareTextScanner.isHost("evil.cn")).isTrue();
		assertThat(ShareTextScanner.isHost("1.2.3.4")).isTrue();
		assertThat(ShareTextScanner.isHost("9.9")).isFalse();
		assertThat(ShareTextScanner.isHost("v1.2.3")).isFalse();
		assertThat(ShareTextScanner.isHost("1.2.3.256")).isFalse();
		assertThat(ShareTextScanner.isHost("a.b")).isFalse();
	}

}
