package com.helpboard.system.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.helpboard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The live OpenAPI description and API.md (copied from ../shared into
 * src/test/resources/api, so the build needs nothing outside the repository) list the
 * same calls, both ways, so neither can drift from the other; each call has its
 * problem+json refusals, and the bearer scheme is declared.
 */
@IntegrationTest
class ApiDescriptionIntegrationTests {

	/**
	 * Calls the app publishes beyond API.md's tables (the README's "Beyond the contract"
	 * lists them): a member's claims, help payments and credit summary, and site admins'
	 * suspensions. Each must stay published and out of API.md, so the list cannot go
	 * stale.
	 */
	static final Set<String> BEYOND_API_MD = Set.of("GET /api/v1/me/claims", "GET /api/v1/me/credits",
			"GET /api/v1/me/help-payments", "PUT /api/v1/admin/suspensions/{}", "DELETE /api/v1/admin/suspensions/{}",
			"POST /api/v1/claims/{}/answer", "PUT /api/v1/me/nickname");

	/** A table row's call: {@code | `GET /api/v1/…` |}. */
	private static final Pattern ROW = Pattern.compile("^\\|\\s*`(GET|POST|PUT|PATCH|DELETE) (/api/\\S+)`\\s*\\|(.*)$",
			Pattern.MULTILINE);

	/** Another method on the row's path, named in its answer: "`DELETE` removes". */
	private static final Pattern OTHER_METHOD = Pattern.compile("`(GET|POST|PUT|PATCH|DELETE)`");

	@Autowired
	MockMvc mvc;

	@Test
	void thePublishedCallsAreExactlyApiMds() throws Exception {
		Set<String> documented = documentedCalls();
		Set<String> published = publishedCalls(description());
		assertThat(documented).as("calls read from API.md").hasSizeGreaterThan(30);

		Set<String> missing = new TreeSet<>(documented);
		missing.removeAll(published);
		assertThat(missing).as("calls API.md lists that /v3/api-docs does not publish").isEmpty();

		Set<String> undocumented = new TreeSet<>(published);
		undocumented.removeAll(documented);
		undocumented.removeAll(BEYOND_API_MD);
		assertThat(undocumented).as("calls /v3/api-docs publishes that API.md does not list").isEmpty();

		assertThat(published).as("BEYOND_API_MD names published calls only").containsAll(BEYOND_API_MD);
		assertThat(documented).as("BEYOND_API_MD names calls API.md does not list")
			.doesNotContainAnyElementsOf(BEYOND_API_MD);
	}

	@Test
	void everyCallHasItsProblemResponsesAndTheBearerScheme() throws Exception {
		JsonNode api = description();
		assertThat(api.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
		assertThat(api.at("/components/securitySchemes/bearer/type").asString()).isEqualTo("http");
		assertThat(api.at("/security/0/bearer").isArray()).isTrue();
		api.get("paths").properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			String call = operation.getKey().toUpperCase() + " " + path.getKey();
			JsonNode responses = operation.getValue().get("responses");
			assertThat(responses.has("400")).as(call + " answers 400").isTrue();
			assertThat(responses.at("/400/content/application~1problem+json/schema/$ref").asString())
				.as(call + "'s 400 is problem+json")
				.isEqualTo("#/components/schemas/Problem");
			assertThat(responses.at("/400/content/application~1problem+json/examples/problem/value/status").asInt())
				.isEqualTo(400);
		}));
		// a public read takes a token or none; sign-up takes none; the rest need one
		assertThat(api.at("/paths/~1api~1v1~1stats/get/security").size()).isEqualTo(2);
		assertThat(api.at("/paths/~1api~1v1~1accounts/post/security").size()).isZero();
		assertThat(api.at("/paths/~1api~1v1~1me/get/security").isMissingNode()).isTrue();
		assertThat(api.at("/paths/~1api~1v1~1me/get/responses/401").isMissingNode()).isFalse();
		// examples of the main answers
		assertThat(api.at("/paths/~1api~1v1~1stats/get/responses/200/content/*~1*/example/campaigns/0/completionRate")
			.asDouble()).isEqualTo(0.62);
	}

	/**
	 * Where ../shared is beside the repository (a developer's machine, CI), the copy is
	 * current.
	 */
	@Test
	void theCopyOfApiMdIsTheSharedOne() throws IOException {
		java.nio.file.Path shared = java.nio.file.Path.of("..", "shared", "API.md");
		org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isReadable(shared), "no ../shared here");
		try (InputStream in = ApiDescriptionIntegrationTests.class.getResourceAsStream("/api/API.md")) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
				.as("src/test/resources/api/API.md is a copy of ../shared/API.md: copy it again")
				.isEqualTo(java.nio.file.Files.readString(shared));
		}
	}

	@Test
	void swaggerUiIsServedFromThisApp() throws Exception {
		this.mvc.perform(get("/swagger-ui/index.html"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("swagger-ui")));
	}

	private JsonNode description() throws Exception {
		String json = this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return JsonMapper.builder().build().readTree(json);
	}

	private static Set<String> publishedCalls(JsonNode api) {
		Set<String> calls = new TreeSet<>();
		api.get("paths")
			.properties()
			.forEach((path) -> path.getValue()
				.properties()
				.forEach((operation) -> calls.add(operation.getKey().toUpperCase() + " " + normalized(path.getKey()))));
		return calls;
	}

	static Set<String> documentedCalls() throws IOException {
		String markdown;
		try (InputStream in = ApiDescriptionIntegrationTests.class.getResourceAsStream("/api/API.md")) {
			assertThat(in).as("src/test/resources/api/API.md").isNotNull();
			markdown = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Set<String> calls = new TreeSet<>();
		Matcher row = ROW.matcher(markdown);
		while (row.find()) {
			String path = normalized(row.group(2));
			calls.add(row.group(1) + " " + path);
			Matcher other = OTHER_METHOD.matcher(row.group(3));
			while (other.find()) {
				calls.add(other.group(1) + " " + path);
			}
		}
		return calls;
	}

	/** Path variables by place, not name: {@code /api/v1/requests/{}}. */
	private static String normalized(String path) {
		return path.replaceAll("\\{[^}]*}", "{}");
	}

}
