package com.helpboard.link;

import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

import static org.assertj.core.api.Assertions.assertThat;

class LinkParserPropertiesTests {

	private final LinkParser parser = new LinkParser();

	@Property(tries = 1000)
	void parseNeverThrowsOnArbitraryStrings(@ForAll @StringLength(max = 3000) String input) {
		assertThat(this.parser.parse(input)).isNotNull();
	}

	@Property(tries = 500)
	void parseNeverThrowsOnUrlishNoise(@ForAll("urlishNoise") String input) {
		assertThat(this.parser.parse(input)).isNotNull();
	}

	@Property(tries = 1000)
	void canonicalUrlReparsesToItself(@ForAll("linksAndNoise") String input) {
		if (this.parser.parse(input) instanceof ParsedLink link && link.canonicalUrl() != null) {
			ParseResult again = this.parser.parse(link.canonicalUrl());
			assertThat(again).isInstanceOf(ParsedLink.class);
			ParsedLink second = (ParsedLink) again;
			assertThat(second.canonicalUrl()).isEqualTo(link.canonicalUrl());
			assertThat(second.dedupeKey()).isEqualTo(link.dedupeKey());
			assertThat(second.platform()).isEqualTo(link.platform());
		}
	}

	@Property(tries = 300)
	void generatedAllowedUrlsAreAccepted(@ForAll("allowedUrls") String url) {
		assertThat(this.parser.parse(url)).isInstanceOf(ParsedLink.class);
	}

	@Property(tries = 300)
	void parseQrNeverThrows(@ForAll @Size(max = 4096) byte[] bytes) {
		assertThat(this.parser.parseQr(bytes)).isNotNull();
	}

	@Property(tries = 200)
	void parseQrNeverThrowsOnCorruptedImages(@ForAll("corruptedPng") byte[] bytes) {
		assertThat(this.parser.parseQr(bytes)).isNotNull();
	}

	@Provide
	Arbitrary<String> linksAndNoise() {
		return Arbitraries.frequencyOf(Tuple.of(5, allowedUrls()), Tuple.of(2, sharedText()),
				Tuple.of(2, urlishNoise()), Tuple.of(1, Arbitraries.strings().ofMaxLength(200)));
	}

	@Provide
	Arbitrary<String> allowedUrls() {
		Arbitrary<String> scheme = Arbitraries.of("https://", "http://", "HTTPS://", "", "hTTp://");
		Arbitrary<String> host = Arbitraries.of("mobile.yangkeduo.com", "p.pinduoduo.com", "pinduoduo.com",
				"MOBILE.YANGKEDUO.COM", "temu.com", "www.temu.com", "share.temu.com", "m.temu.com", "temu.to",
				"a-b.c.yangkeduo.com", "temu.com.", "mobile.yangkeduo.com:443");
		Arbitrary<String> segment = Arbitraries.oneOf(
				Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(14),
				Arbitraries.of(".", "..", "a", "goods.html", "%7E", "%2f", "%zz", "\u00e9", "x.", "(x)", "a'", "b*",
						"%E4%B8%AD", "~", "a+b", "a;b", "@", ":"));
		Arbitrary<String> path = segment.list().ofMaxSize(4).map((segments) -> "/" + String.join("/", segments));
		Arbitrary<String> name = Arbitraries.oneOf(
				Arbitraries.of("goods_id", "group_order_id", "refer_page_name", "_oak_rcto", "uin", "sc", "share_code",
						"share_uid", "utm_source", "_x_sessn_id", "activity_id", "a", "Z", "x%20y", "", "q"),
				Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6));
		Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(12),
				Arbitraries.strings().withChars("aZ09-._~%!$'()*+,;=:@/?").ofMaxLength(8));
		Arbitrary<String> param = Combinators.combine(name, value, Arbitraries.of("=", ""))
			.as((n, v, eq) -> eq.isEmpty() ? n : n + eq + v);
		Arbitrary<String> query = param.list()
			.ofMaxSize(5)
			.map((params) -> params.isEmpty() ? "" : "?" + String.join("&", params));
		Arbitrary<String> fragment = Arbitraries.of("", "#top", "#", "#a?b=c");
		return Combinators.combine(scheme, host, path, query, fragment)
			.as((s, h, p, q, f) -> s + h + p + q + f)
			// port 443 is only the default for https
			// (and scheme-less input, read as https)
			.filter((url) -> !(url.toLowerCase(Locale.ROOT).startsWith("http://") && url.contains(":443")));
	}

	@Provide
	Arbitrary<String> sharedText() {
		Arbitrary<String> words = Arbitraries.of("【拼多多】", "帮我砍一刀！👉 ", " 👈 复制打开拼多多", "Join me on Temu Farmland ",
				"，谢谢～", " T:/⇥aB3dE9fG⇤ ", "(", ")", ".", " ", "\u3000", "链接:", "");
		return Combinators.combine(words, allowedUrls(), words).as((a, url, b) -> a + url + b);
	}

	@Provide
	Arbitrary<String> urlishNoise() {
		return Arbitraries.strings()
			.withChars("htps:/.?#&=%@[]\\-_~yangkeduotemu.comp拼多⇥⇤￥ \u0430\uD800")
			.ofMaxLength(120);
	}

	@Provide
	Arbitrary<byte[]> corruptedPng() {
		byte[] png = QrCodeImages.png("https://p.pinduoduo.com/Id2XBFcQ", 64);
		return Arbitraries.integers().between(0, png.length - 1).list().ofMinSize(1).ofMaxSize(8).map((positions) -> {
			byte[] copy = png.clone();
			for (int position : positions) {
				copy[position] = (byte) (copy[position] ^ 0x5A);
			}
			return copy;
		});
	}

}
