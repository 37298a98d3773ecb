package com.helpboard.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.helpboard.support.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a phone and a chat app fetch besides the page: the favicon, the web app manifest
 * with its icons, and the share tags every page carries. All public, no session.
 */
@IntegrationTest
class SiteIconsIntegrationTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<byte[]> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void theFaviconIsAnIconFileAnonymousVisitorsGet() throws Exception {
		HttpResponse<byte[]> icon = get("/favicon.ico");
		assertThat(icon.statusCode()).isEqualTo(200);
		// an ICO directory: reserved 0, type 1
		assertThat(icon.body()).startsWith(0, 0, 1, 0);
		assertThat(icon.headers().firstValue("Set-Cookie")).isEmpty();
	}

	@Test
	void theManifestNamesTheBoardAndItsIconsResolve() throws Exception {
		HttpResponse<byte[]> manifest = get("/manifest.webmanifest");
		assertThat(manifest.statusCode()).isEqualTo(200);
		String json = new String(manifest.body(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(JsonPath.<String>read(json, "$.short_name")).isEqualTo("助力广场");
		for (String src : JsonPath.<java.util.List<String>>read(json, "$.icons[*].src")) {
			HttpResponse<byte[]> png = get(src);
			assertThat(png.statusCode()).as(src).isEqualTo(200);
			assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
		}
	}

	@Test
	void everyPageLinksTheIconsAndCarriesShareTags() throws Exception {
		String home = new String(get("/").body(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(home).contains("rel=\"icon\"", "rel=\"manifest\"", "rel=\"apple-touch-icon\"")
			.contains("property=\"og:title\" content=\"助力广场\"")
			.contains("property=\"og:image\" content=\"/img/icon-512.png\"");
	}

}
