package com.helpboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.helpboard.support.EmbeddedDatabaseTest;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newcomer's path: the app as `./mvnw spring-boot:run` starts it, on embedded H2 with
 * the sample data, answers the home page. Uses an in-memory H2 so runs stay independent.
 */
@EmbeddedDatabaseTest
class EmbeddedDefaultSmokeTests {

	@LocalServerPort
	int port;

	@Test
	void homePageRendersOnTheEmbeddedDatabase() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/"))
				.header("Accept-Language", "zh-CN")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("助力广场");
	}

}
