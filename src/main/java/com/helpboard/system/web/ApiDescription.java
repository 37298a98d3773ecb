package com.helpboard.system.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The live description of the JSON API at {@code /v3/api-docs} (Swagger UI at
 * {@code /swagger-ui.html}, its assets served by this app): every call with the bearer
 * scheme (optional on the public reads, none on sign-up and token issue), its
 * {@code application/problem+json} refusals with an example each, and examples of the
 * main bodies. ApiDescriptionIntegrationTests holds the published calls to
 * ../shared/API.md both ways.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

	static final String BEARER = "bearer";

	static final String PROBLEM = "application/problem+json";

	/** Calls anyone may make: with a token they answer as its member, else as a guest. */
	static final Set<String> PUBLIC_READS = Set.of("GET /api/v1/groups", "GET /api/v1/groups/{slug}",
			"GET /api/v1/groups/{slug}/requests", "GET /api/v1/requests/{id}", "GET /api/v1/moderation/log",
			"GET /api/v1/stats", "GET /api/v1/groups/{slug}/stats");

	/** Calls made without a token. */
	static final Set<String> NO_TOKEN = Set.of("POST /api/v1/accounts", "POST /api/v1/tokens");

	/** Calls throttled (429 with Retry-After), as API.md lists them. */
	static final Set<String> THROTTLED = Set.of("POST /api/v1/accounts", "POST /api/v1/tokens",
			"POST /api/v1/groups/{slug}/requests", "POST /api/v1/groups/{slug}/requests/qr",
			"POST /api/v1/requests/{id}/claims", "POST /api/v1/requests/{id}/reports");

	/** Example bodies of the main answers, by call. */
	static final Map<String, String> EXAMPLES = Map.of("GET /api/v1/stats", """
			{"days":[{"day":"2026-12-02","posted":41,"helpsConfirmed":96,"fulfilled":25,"expired":9},
			 {"day":"2026-12-03","posted":37,"helpsConfirmed":88,"fulfilled":22,"expired":11}],
			 "campaigns":[{"campaign":"pdd-bargain","posted":52,"fulfilled":31,"completionRate":0.62,
			 "medianHoursToFulfil":3.5,"expired":19,"name":"砍价免费拿","nameEn":"Bargain to free"}]}""",
			"GET /api/v1/groups/{slug}/stats", """
					{"days":[{"day":"2026-12-03","posted":12,"helpsConfirmed":30,"fulfilled":7,"expired":2}],
					 "campaigns":[{"campaign":"pdd-bargain","posted":12,"fulfilled":7,"completionRate":0.78,
					 "medianHoursToFulfil":2.1,"expired":2,"name":"砍价免费拿","nameEn":"Bargain to free"}]}""",
			"GET /api/v1/requests/{id}", """
					{"id":7,"group":"kanjia","author":"小红","platform":"PINDUODUO","campaign":"pdd-bargain",
					 "canonicalUrl":"https://mobile.yangkeduo.com/bargain.html?id=abcdEF12",
					 "shareText":"帮我砍一刀 https://p.pinduoduo.com/abcdEF12","token":"abcdEF12","note":"谢谢！",
					 "helpsNeeded":3,"helpsConfirmed":1,"status":"OPEN","createdAt":"2026-12-03T02:00:00Z",
					 "expiresAt":"2026-12-04T02:00:00Z","boostedUntil":null,"authorHelpsGiven":5,
					 "authorHelpsReceived":2,"campaignCompletionRate":0.62}""", "POST /api/v1/tokens", """
					{"id":3,"token":"hb_2f1c…","name":"wechat-bot","createdAt":"2026-12-03T02:00:00Z"}""",
			"POST /api/v1/requests/{id}/claims", """
					{"id":11,"request":7,"helper":"小明","status":"CLAIMED","createdAt":"2026-12-03T02:05:00Z"}""");

	/** Example request bodies, by call. */
	static final Map<String, String> BODY_EXAMPLES = Map.of("POST /api/v1/groups/{slug}/requests", """
			{"input":"帮我砍一刀 https://p.pinduoduo.com/abcdEF12","campaign":"pdd-bargain","helpsNeeded":3,
			 "note":"谢谢！","expiresInHours":24}""", "POST /api/v1/tokens", """
			{"username":"xiaohong","password":"correct-horse-battery","name":"wechat-bot"}""", "POST /api/v1/accounts",
			"""
					{"username":"xiaohong","password":"correct-horse-battery"}""", "POST /api/v1/requests/{id}/boosts",
			"""
					{"hours":2}""");

	@Bean
	OpenAPI helpBoardApi() {
		return new OpenAPI()
			.info(new Info().title("HelpBoard API")
				.version("1")
				.description("The JSON API of HelpBoard (助力广场) for bots and scripts: see API.md for the "
						+ "contract. Errors are application/problem+json (RFC 9457)."))
			.components(new Components()
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("A personal access token (POST /api/v1/tokens, or the profile page)"))
				.addSchemas("Problem", problemSchema()))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	@Bean
	OpenApiCustomizer problemsAndExamples() {
		return (api) -> {
			if (api.getPaths() == null) {
				return;
			}
			api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				String call = method.name() + " " + path;
				describe(call, method, operation);
			}));
		};
	}

	private static void describe(String call, PathItem.HttpMethod method, Operation operation) {
		if (NO_TOKEN.contains(call)) {
			operation.setSecurity(List.of());
		}
		else if (PUBLIC_READS.contains(call)) {
			// the token is optional: members of a private group see it with theirs
			operation.setSecurity(List.of(new SecurityRequirement(), new SecurityRequirement().addList(BEARER)));
		}
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		Map<String, String> problems = new LinkedHashMap<>();
		problems.put("400", "Malformed or invalid: a parameter or field out of its bounds");
		if (!NO_TOKEN.contains(call) && !PUBLIC_READS.contains(call)) {
			problems.put("401", "No token, or a bad one");
			problems.put("403", "Not allowed to you");
		}
		if (call.contains("{")) {
			problems.put("404", "Unknown, or not visible to you (a private group's outsiders)");
		}
		if (method != PathItem.HttpMethod.GET) {
			problems.put("409", "Conflict: a duplicate, the state changed, or not enough credits");
		}
		if (THROTTLED.contains(call)) {
			problems.put("429", "Too many: try again after the Retry-After seconds");
		}
		problems.forEach((status, title) -> responses.addApiResponse(status, problem(Integer.parseInt(status), title)));
		operation.setResponses(responses);
		String example = EXAMPLES.get(call);
		if (example != null) {
			responses.entrySet()
				.stream()
				.filter((r) -> r.getKey().startsWith("2") && r.getValue().getContent() != null)
				.forEach((r) -> r.getValue().getContent().values().forEach((media) -> media.setExample(json(example))));
		}
		String body = BODY_EXAMPLES.get(call);
		if (body != null && operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
			operation.getRequestBody().getContent().values().forEach((media) -> media.setExample(json(body)));
		}
	}

	/**
	 * An example as JSON (a map), so the description shows it as an object, not a string.
	 */
	private static Object json(String example) {
		try {
			return io.swagger.v3.core.util.Json.mapper().readValue(example, Object.class);
		}
		catch (Exception ex) {
			throw new IllegalStateException("an example of the API description is not JSON: " + example, ex);
		}
	}

	private static ApiResponse problem(int status, String title) {
		Map<String, Object> example = new LinkedHashMap<>();
		example.put("type", "about:blank");
		example.put("title", title.split(":")[0]);
		example.put("status", status);
		example.put("detail", (status == 400) ? "days must be from 1 to 90." : title);
		example.put("instance", "/api/v1/…");
		if (status == 400) {
			example.put("errors", List.of(Map.of("field", "helpsNeeded", "message", "must be between 1 and 50")));
		}
		return new ApiResponse().description(title)
			.content(new Content().addMediaType(PROBLEM,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))
						.addExamples("problem", new Example().value(example))));
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema<?> problemSchema() {
		ObjectSchema error = new ObjectSchema();
		error.addProperty("field", new StringSchema());
		error.addProperty("message", new StringSchema());
		Schema problem = new ObjectSchema().description("RFC 9457 problem details");
		problem.addProperty("type", new StringSchema());
		problem.addProperty("title", new StringSchema());
		problem.addProperty("status", new IntegerSchema());
		problem.addProperty("detail", new StringSchema());
		problem.addProperty("instance", new StringSchema());
		problem.addProperty("errors", new ArraySchema().items(error).description("validation errors only"));
		problem.required(List.of("status", "title", "detail"));
		return problem;
	}

}
