package com.helpboard.system;

import com.helpboard.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Real HTTP, so the container's error dispatch runs as in production. */
@IntegrationTest
class ErrorPagesIntegrationTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<String> get(String path, String accept, String language) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", accept)
			.header("Accept-Language", language)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void unknownPageIsAFriendly404InBothLanguages() throws Exception {
		HttpResponse<String> chinese = get("/no/such/page", "text/html", "zh-CN,zh;q=0.9");
		assertThat(chinese.statusCode()).isEqualTo(404);
		assertThat(chinese.body()).contains("页面不存在").doesNotContain("Exception");
		HttpResponse<String> english = get("/no/such/page", "text/html", "en-US,en;q=0.9");
		assertThat(english.body()).contains("Page not found");
	}

	@Test
	void unknownApiPathIsProblemJson() throws Exception {
		HttpResponse<String> response = get("/api/v1/nothing-here", "application/json", "en");
		assertThat(response.statusCode()).isIn(401, 404);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void defaultLanguageIsChineseAndTheSwitcherRemembersEnglish() throws Exception {
		assertThat(get("/", "text/html", "").body()).contains("助力广场");
		HttpResponse<String> switched = get("/?lang=en", "text/html", "zh-CN");
		assertThat(switched.body()).contains("HelpBoard");
		assertThat(switched.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("helpboard-lang=en"));
	}

	@Test
	void healthIsPublicAndOtherActuatorEndpointsAreNot() throws Exception {
		assertThat(get("/actuator/health", "application/json", "en").statusCode()).isEqualTo(200);
		HttpResponse<String> metrics = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/metrics")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(metrics.statusCode()).isNotEqualTo(200);
	}

	@Test
	void theApiIsDescribedByOpenApi() throws Exception {
		HttpResponse<String> docs = get("/v3/api-docs", "application/json", "en");
		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/v1/groups/{slug}/requests", "/api/v1/tokens", "/api/v1/queue/next",
				"/api/v1/requests/{id}/boosts");
	}

}
