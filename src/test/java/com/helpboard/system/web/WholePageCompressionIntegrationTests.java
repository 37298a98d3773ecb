package com.helpboard.system.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Pages and the API's JSON are gzipped by the app (zlib level 1, WholePageView and
 * GzippingJsonConverter), not by Tomcat (level 6): through the real server, a client that
 * accepts gzip gets the answer compressed once, one that does not gets it plain, and
 * other JSON (the API's description, bytes from springdoc) is still compressed by Tomcat.
 */
@IntegrationTest
class WholePageCompressionIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@Autowired
	TestData data;

	private final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<byte[]> fetch(String path, String acceptEncoding) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (acceptEncoding != null) {
			request.header("Accept-Encoding", acceptEncoding);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String gunzip(byte[] body) throws Exception {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void aPageIsGzippedOnceForABrowserThatAcceptsIt() throws Exception {
		HttpResponse<byte[]> plain = fetch("/g", null);
		HttpResponse<byte[]> gzipped = fetch("/g", "gzip, deflate, br");
		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
		String page = new String(plain.body(), StandardCharsets.UTF_8);
		assertThat(page).startsWith("<!DOCTYPE html>").contains("</html>");
		assertThat(gzipped.statusCode()).isEqualTo(200);
		assertThat(gzipped.headers().allValues("Content-Encoding")).containsExactly("gzip");
		assertThat(gzipped.headers().firstValue("Vary").orElse("")).containsIgnoringCase("Accept-Encoding");
		// one gunzip gives the page (compressed twice, it would give gzip again)
		String unzipped = gunzip(gzipped.body());
		assertThat(unzipped).startsWith("<!DOCTYPE html>").contains("</html>");
		assertThat(gzipped.body().length).isLessThan(unzipped.getBytes(StandardCharsets.UTF_8).length / 2);
	}

	/** Without Tomcat (MockMvc): the app compressed it, not the server. */
	@Test
	void theAppCompressesThePageItself() throws Exception {
		org.springframework.mock.web.MockHttpServletResponse page = this.mvc
			.perform(get("/g").header("Accept-Encoding", "gzip"))
			.andReturn()
			.getResponse();
		assertThat(page.getHeader("Content-Encoding")).isEqualTo("gzip");
		assertThat(gunzip(page.getContentAsByteArray())).startsWith("<!DOCTYPE html>").contains("</html>");
		assertThat(this.mvc.perform(get("/g")).andReturn().getResponse().getHeader("Content-Encoding")).isNull();
	}

	@Test
	void aRefusedOrUnknownCodingGetsThePagePlain() throws Exception {
		for (String refusal : new String[] { "gzip;q=0", "br", "identity", "gzip; q=0.0, br" }) {
			HttpResponse<byte[]> page = fetch("/g", refusal);
			assertThat(page.headers().firstValue("Content-Encoding")).as(refusal).isEmpty();
			assertThat(new String(page.body(), StandardCharsets.UTF_8)).as(refusal).startsWith("<!DOCTYPE html>");
		}
	}

	/** A public group whose API answer is several KB (its rules, in Chinese). */
	private String groupWithLongRules() {
		return this.data.group("gzjson")
			.withRulesText("每天先助力别人再发自己的链接，不发广告，不催促。".repeat(40))
			.ownedBy(this.data.member("gzjson").create());
	}

	@Test
	void anApiAnswerIsGzippedOnceByTheApp() throws Exception {
		String path = "/api/v1/groups/" + groupWithLongRules();
		HttpResponse<byte[]> plain = fetch(path, null);
		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(plain.body().length).isGreaterThan(2048);
		assertThat(plain.headers().firstValueAsLong("Content-Length")).hasValue(plain.body().length);
		String json = new String(plain.body(), StandardCharsets.UTF_8);
		assertThat(json).startsWith("{").contains("每天先助力别人").endsWith("}");

		HttpResponse<byte[]> gzipped = fetch(path, "gzip, deflate, br");
		assertThat(gzipped.statusCode()).isEqualTo(200);
		assertThat(gzipped.headers().allValues("Content-Encoding")).containsExactly("gzip");
		assertThat(String.join(",", gzipped.headers().allValues("Vary"))).containsIgnoringCase("Accept-Encoding");
		assertThat(gzipped.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
		assertThat(gunzip(gzipped.body())).isEqualTo(json);
		assertThat(gzipped.body().length).isLessThan(plain.body().length / 2);

		// without Tomcat (MockMvc): the app compressed it, not the server
		org.springframework.mock.web.MockHttpServletResponse answer = this.mvc
			.perform(get(path).header("Accept-Encoding", "gzip"))
			.andReturn()
			.getResponse();
		assertThat(answer.getHeader("Content-Encoding")).isEqualTo("gzip");
		assertThat(gunzip(answer.getContentAsByteArray())).isEqualTo(json);

		for (String refusal : new String[] { "gzip;q=0", "br", "identity" }) {
			HttpResponse<byte[]> refused = fetch(path, refusal);
			assertThat(refused.headers().firstValue("Content-Encoding")).as(refusal).isEmpty();
			assertThat(new String(refused.body(), StandardCharsets.UTF_8)).as(refusal).isEqualTo(json);
		}
	}

	/**
	 * Under {@code server.compression.min-response-size} (2 KB) nothing is gzipped, by
	 * the app or by Tomcat: a problem answer, a short list.
	 */
	@Test
	void aShortApiAnswerIsSentPlainWithItsLength() throws Exception {
		HttpResponse<byte[]> problem = fetch("/api/v1/groups/no-such-group-at-all", "gzip");
		assertThat(problem.statusCode()).isEqualTo(404);
		assertThat(problem.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(problem.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(problem.headers().firstValueAsLong("Content-Length")).hasValue(problem.body().length);
		assertThat(new String(problem.body(), StandardCharsets.UTF_8)).contains("\"status\":404");

		HttpResponse<byte[]> list = fetch("/api/v1/groups?size=1", "gzip");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(new String(list.body(), StandardCharsets.UTF_8)).startsWith("{").contains("\"items\"");
	}

	/** JSON (here the API's description, tens of KB) is compressed by Tomcat, once. */
	@Test
	void jsonIsStillCompressedByTheServer() throws Exception {
		HttpResponse<byte[]> plain = fetch("/v3/api-docs", null);
		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(plain.body().length).isGreaterThan(2048);
		HttpResponse<byte[]> gzipped = fetch("/v3/api-docs", "gzip");
		assertThat(gzipped.headers().allValues("Content-Encoding")).containsExactly("gzip");
		assertThat(gunzip(gzipped.body())).isEqualTo(new String(plain.body(), StandardCharsets.UTF_8));
	}

	@Test
	void acceptEncodingIsReadAsTomcatReadsIt() {
		assertThat(accepts("gzip")).isTrue();
		assertThat(accepts("deflate, GZIP;q=0.5")).isTrue();
		assertThat(accepts("gzip;q=0")).isFalse();
		assertThat(accepts("gzip;q=nonsense")).isFalse();
		assertThat(accepts("x-gzip, br")).isFalse();
		assertThat(accepts(null)).isFalse();
	}

	private static boolean accepts(String header) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		if (header != null) {
			request.addHeader("Accept-Encoding", header);
		}
		return WholePageView.acceptsGzip(request);
	}

}
