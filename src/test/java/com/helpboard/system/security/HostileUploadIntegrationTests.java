package com.helpboard.system.security;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.helpboard.link.LinkParser;
import com.helpboard.support.HostileImages;
import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers.TestMember;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload attack against the running server: many small, expensive images at once.
 * Every upload gets an answer that is not a server error, nothing is posted, and the rest
 * of the site keeps answering meanwhile (docs/security.md, "take the board down with
 * images").
 */
@IntegrationTest
class HostileUploadIntegrationTests {

	@Autowired
	TestData testData;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${local.server.port}")
	int port;

	@Test
	void expensiveImagesAtOnceNeitherFailTheSiteNorPostAnything() throws Exception {
		byte[] huge = HostileImages.stripes(4096, 4096);
		byte[] underTheCap = HostileImages.stripes(2800, 2800);
		byte[] deep = HostileImages.rgba16(1400, 1400);
		assertThat(List.of(huge.length, underTheCap.length, deep.length))
			.allSatisfy((size) -> assertThat(size).isLessThan(LinkParser.MAX_IMAGE_BYTES));
		List<TestMember> attackers = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			attackers.add(this.testData.member("upl").joining("kanjia"));
		}
		long postsBefore = this.jdbc.queryForObject("select count(*) from help_requests", Long.class);
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		List<CompletableFuture<HttpResponse<String>>> uploads = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			byte[] image = (i % 3 == 0) ? huge : (i % 3 == 1) ? underTheCap : deep;
			uploads.add(http.sendAsync(upload(attackers.get(i % attackers.size()), image),
					HttpResponse.BodyHandlers.ofString()));
		}
		// meanwhile, visitors read the board
		List<Integer> pages = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			HttpResponse<String> page = http.send(
					HttpRequest.newBuilder(URI.create(base() + "/g/kanjia")).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
			pages.add(page.statusCode());
		}
		assertThat(pages).containsOnly(200);
		for (CompletableFuture<HttpResponse<String>> upload : uploads) {
			HttpResponse<String> response = upload.get(60, TimeUnit.SECONDS);
			// refused for pixels (413), unreadable or no QR code (422), or the decoders
			// are busy (503, try again): never a 500
			assertThat(response.statusCode()).as(response.body()).isIn(413, 422, 503);
			assertThat(response.body()).contains("\"status\"");
		}
		assertThat(this.jdbc.queryForObject("select count(*) from help_requests", Long.class)).isEqualTo(postsBefore);
		HttpResponse<String> after = http.send(HttpRequest.newBuilder(URI.create(base() + "/g/kanjia")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(after.statusCode()).isEqualTo(200);
	}

	private HttpRequest upload(TestMember member, byte[] image) {
		String boundary = "hb" + UUID.randomUUID().toString().replace("-", "");
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"qr.png\"\r\n"
				+ "Content-Type: image/png\r\n\r\n";
		body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(image);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create(base() + "/api/v1/groups/kanjia/requests/qr"))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", member.bearer())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
