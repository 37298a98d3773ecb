package com.helpboard.share;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.helpboard.group.Groups;
import com.helpboard.request.Campaigns;
import com.helpboard.request.NewRequest;
import com.helpboard.request.RequestView;
import com.helpboard.request.Requests;
import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers.TestMember;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sharing a request back into the chats: the poster and the share QR open the board's
 * request page (not the raw Pinduoduo link), hostile titles are drawn and escaped,
 * private groups' requests stay private, request pages carry their own share tags and the
 * author gets a ready text.
 */
@IntegrationTest
class ShareIntegrationTests {

	/** MockMvc's requests come to http://localhost. */
	static final String BOARD = "http://localhost";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData testData;

	@Autowired
	Requests requests;

	@Autowired
	Groups groups;

	@Autowired
	Campaigns campaigns;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private RequestView postIn(String slug, TestMember author, String note) {
		return this.requests.post(author.id(), slug, new NewRequest(
				"https://mobile.yangkeduo.com/goods.html?goods_id=" + System.nanoTime(), null, 3, note, null), null);
	}

	private byte[] png(String path, TestMember viewer) throws Exception {
		MvcResult result = this.mvc.perform((viewer != null) ? get(path).with(viewer.session()) : get(path))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/png"))
			.andReturn();
		return result.getResponse().getContentAsByteArray();
	}

	/**
	 * A page's HTML, read with the few helpers below (tags by attribute, their values
	 * unescaped).
	 */
	record Html(String source) {

		/** Every start tag with {@code name="value"} among its attributes. */
		java.util.List<String> tags(String name, String value) {
			Matcher matcher = Pattern.compile("<[a-z]+\\b[^>]*\\b" + name + "=\"" + Pattern.quote(value) + "\"[^>]*>")
				.matcher(this.source);
			java.util.List<String> found = new java.util.ArrayList<>();
			while (matcher.find()) {
				found.add(matcher.group());
			}
			return found;
		}

		/**
		 * The attribute of the first tag with {@code name="value"}, unescaped; "" if
		 * none.
		 */
		String attr(String name, String value, String attribute) {
			java.util.List<String> tags = tags(name, value);
			if (tags.isEmpty()) {
				return "";
			}
			Matcher matcher = Pattern.compile("\\s" + attribute + "=\"([^\"]*)\"").matcher(tags.get(0));
			return matcher.find() ? HtmlUtils.htmlUnescape(matcher.group(1)) : "";
		}

		boolean has(String id) {
			return !tags("id", id).isEmpty();
		}

		/** The unescaped text of the textarea with this id. */
		String textarea(String id) {
			Matcher matcher = Pattern.compile("<textarea[^>]*id=\"" + id + "\"[^>]*>([^<]*)</textarea>")
				.matcher(this.source);
			return matcher.find() ? HtmlUtils.htmlUnescape(matcher.group(1)) : "";
		}

	}

	private Html page(String path, TestMember viewer) throws Exception {
		String html = this.mvc
			.perform((viewer != null) ? get(path).with(viewer.session()).locale(java.util.Locale.SIMPLIFIED_CHINESE)
					: get(path).locale(java.util.Locale.SIMPLIFIED_CHINESE))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return new Html(html);
	}

	private static String og(Html page, String property) {
		return page.attr("property", property, "content");
	}

	@Test
	void thePosterIsAPngOfFixedSizeWhoseQrOpensTheRequestOnThisBoard() throws Exception {
		TestMember alice = this.testData.member("alice").joining("kanjia");
		RequestView request = postIn("kanjia", alice, "空气炸锅 还差3刀");
		String path = "/r/" + request.id() + "/poster.png";

		// over real HTTP, anonymously: the board's own address, port and all
		HttpResponse<byte[]> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("private", "max-age");
		BufferedImage poster = QrDecoding.image(response.body());
		assertThat(poster.getWidth()).isEqualTo(PosterPainter.WIDTH);
		assertThat(poster.getHeight()).isEqualTo(PosterPainter.HEIGHT);
		assertThat(QrDecoding.qrText(poster)).isEqualTo("http://localhost:" + this.port + "/r/" + request.id())
			.doesNotContain("yangkeduo");
		Files.createDirectories(Path.of("target", "screenshots"));
		Files.write(Path.of("target", "screenshots", "poster-integration.png"), response.body());

		// the same poster again: its tag says nothing changed
		String etag = response.headers().firstValue("ETag").orElseThrow();
		HttpResponse<byte[]> again = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("If-None-Match", etag)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(again.statusCode()).isEqualTo(304);

		// the author, too, over MockMvc
		assertThat(QrDecoding.qrText(png(path, alice))).isEqualTo(BOARD + "/r/" + request.id());
	}

	@Test
	void theShareQrOpensTheRequestOnThisBoardNotThePinduoduoLink() throws Exception {
		TestMember alice = this.testData.member("alice").joining("kanjia");
		RequestView request = postIn("kanjia", alice, "纸巾 还差两刀");
		assertThat(QrDecoding.qrText(png("/r/" + request.id() + "/share-qr.png", null)))
			.isEqualTo(BOARD + "/r/" + request.id());
		assertThat(QrDecoding.qrText(png("/r/" + request.id() + "/share-qr.png", alice)))
			.isEqualTo(BOARD + "/r/" + request.id());
	}

	@Test
	void behindATlsProxyTheLinksUseTheProxysAddress() throws Exception {
		TestMember alice = this.testData.member("alice").joining("kanjia");
		RequestView request = postIn("kanjia", alice, "behind a proxy");
		HttpResponse<String> page = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/r/" + request.id()))
				.header("X-Forwarded-Proto", "https")
				.header("X-Forwarded-Host", "board.example.com")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		Html html = new Html(page.body());
		assertThat(og(html, "og:url")).isEqualTo("https://board.example.com/r/" + request.id());
		assertThat(og(html, "og:image")).isEqualTo("https://board.example.com/r/" + request.id() + "/poster.png");
	}

	@Test
	void aHostileTitleIsDrawnAndEscapedInTheShareTags() throws Exception {
		TestMember mallory = this.testData.member("mallory").joining("kanjia");
		String hostile = "\"><script>alert('og')</script><meta property=\"og:title\" content=\"x\">" + "长".repeat(180);
		RequestView request = postIn("kanjia", mallory, hostile);

		byte[] poster = png("/r/" + request.id() + "/poster.png", mallory);
		assertThat(QrDecoding.qrText(poster)).isEqualTo(BOARD + "/r/" + request.id());

		String html = this.mvc.perform(get("/r/" + request.id()).with(mallory.session()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).doesNotContain("<script>alert").doesNotContain("content=\"x\"");
		Html page = new Html(html);
		assertThat(page.tags("property", "og:title")).hasSize(1);
		String title = og(page, "og:title");
		assertThat(title).startsWith("\"><script>alert('og')").contains("…");
		assertThat(title.codePointCount(0, title.length())).isLessThan(100);
		// the ready text, too, is text in a field, not markup
		assertThat(page.textarea("share-ready-text")).contains("<script>alert");
	}

	@Test
	void aPrivateGroupsPosterIsRefusedToOutsidersAsItsPageIs() throws Exception {
		TestMember owner = this.testData.member("owner").create();
		String slug = this.testData.group("secret").named("秘密砍价群").privately().ownedBy(owner);
		TestMember member = this.testData.member("member")
			.joiningWithCode(slug, this.groups.inviteCode(slug, owner.id()));
		TestMember outsider = this.testData.member("outsider").create();
		RequestView request = postIn(slug, member, "秘密的空气炸锅");
		String page = "/r/" + request.id();

		for (String path : new String[] { page, page + "/poster.png", page + "/share-qr.png" }) {
			this.mvc.perform(get(path).with(outsider.session()))
				.andExpect(status().isNotFound())
				.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("秘密"))));
			this.mvc.perform(get(path)).andExpect(status().isNotFound());
		}
		assertThat(QrDecoding.qrText(png(page + "/poster.png", member))).isEqualTo(BOARD + page);
		assertThat(QrDecoding.qrText(png(page + "/poster.png", owner))).isEqualTo(BOARD + page);
	}

	@Test
	void anUnknownRequestHasNoPosterNorQr() throws Exception {
		TestMember alice = this.testData.member("alice").create();
		for (String path : new String[] { "/r/999999999/poster.png", "/r/999999999/share-qr.png" }) {
			this.mvc.perform(get(path)).andExpect(status().isNotFound());
			this.mvc.perform(get(path).with(alice.session())).andExpect(status().isNotFound());
		}
		this.mvc.perform(get("/r/not-a-number/poster.png")).andExpect(status().is4xxClientError());
	}

	@Test
	void aRequestPageCarriesItsOwnShareTagsAndOtherPagesTheSites() throws Exception {
		TestMember alice = this.testData.member("alice").joining("kanjia");
		RequestView request = postIn("kanjia", alice, "空气炸锅");
		String campaign = this.campaigns.byCode().get(request.campaign()).name().zh();
		String group = this.groups.get("kanjia").name().zh();

		Html page = page("/r/" + request.id(), null);
		assertThat(og(page, "og:title")).isEqualTo("空气炸锅 · " + campaign);
		assertThat(og(page, "og:description")).isEqualTo("还差 3 次助力 · " + group);
		assertThat(og(page, "og:image")).isEqualTo(BOARD + "/r/" + request.id() + "/poster.png");
		assertThat(og(page, "og:url")).isEqualTo(BOARD + "/r/" + request.id());
		assertThat(page.tags("property", "og:title")).hasSize(1);

		for (String path : new String[] { "/", "/g/kanjia", "/g" }) {
			Html other = page(path, alice);
			assertThat(og(other, "og:title")).as(path).isEqualTo("助力广场");
			assertThat(og(other, "og:image")).as(path).isEqualTo("/img/icon-512.png");
			assertThat(other.tags("property", "og:url")).as(path).isEmpty();
		}
	}

	@Test
	void theAuthorGetsAReadyTextPointingAtThisBoardOthersGetNoPanel() throws Exception {
		TestMember alice = this.testData.member("alice").joining("kanjia");
		TestMember bob = this.testData.member("bob").joining("kanjia");
		RequestView request = postIn("kanjia", alice, "空气炸锅");
		String url = BOARD + "/r/" + request.id();

		Html mine = page("/r/" + request.id(), alice);
		String text = mine.textarea("share-ready-text");
		assertThat(text).isEqualTo("帮我助力「空气炸锅」还差 3 次，点开就能帮：" + url).doesNotContain("yangkeduo");
		assertThat(mine.tags("id", "share-ready-text").get(0)).contains("readonly");
		assertThat(mine.attr("id", "share-button", "data-share-url")).isEqualTo(url);
		assertThat(mine.attr("id", "share-qr", "src")).isEqualTo("/r/" + request.id() + "/share-qr.png");
		assertThat(mine.attr("id", "poster-link", "href")).isEqualTo("/r/" + request.id() + "/poster.png");
		assertThat(mine.tags("src", "/js/share.js")).hasSize(1);

		assertThat(page("/r/" + request.id(), bob).has("share-panel")).isFalse();
		assertThat(page("/r/" + request.id(), null).has("share-panel")).isFalse();

		// a closed request is not shared any more
		this.requests.withdraw(request.id(), alice.id());
		assertThat(page("/r/" + request.id(), alice).has("share-panel")).isFalse();
	}

}
