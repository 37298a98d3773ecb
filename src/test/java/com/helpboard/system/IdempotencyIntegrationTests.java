package com.helpboard.system;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.helpboard.support.IntegrationTest;
import com.helpboard.support.TestData;
import com.helpboard.support.TestMembers.TestMember;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@IntegrationTest
class IdempotencyIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData testData;

	@Autowired
	JdbcTemplate jdbc;

	private MockHttpServletResponse postRequest(TestMember member, String key, String link) throws Exception {
		return this.mvc
			.perform(post("/api/v1/groups/kanjia/requests").header("Authorization", member.bearer())
				.header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"input\":\"" + link + "\",\"helpsNeeded\":2}"))
			.andReturn()
			.getResponse();
	}

	private long requestsBy(TestMember member) {
		return this.jdbc.queryForObject("select count(*) from help_requests where author_id = ?", Long.class,
				member.id());
	}

	private static String link() {
		return "https://p.pinduoduo.com/" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void aRetryWithTheSameKeyGetsTheFirstAnswerAndChangesNothing() throws Exception {
		TestMember member = this.testData.member("idem").joining("kanjia");
		String link = link();
		MockHttpServletResponse first = postRequest(member, "retry-1", link);
		MockHttpServletResponse second = postRequest(member, "retry-1", link);
		assertThat(first.getStatus()).isEqualTo(201);
		assertThat(second.getStatus()).isEqualTo(201);
		assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString());
		assertThat(second.getHeader("Location")).isEqualTo(first.getHeader("Location"));
		assertThat(second.getHeader("Idempotent-Replayed")).isEqualTo("true");
		assertThat(requestsBy(member)).isEqualTo(1);
		// without the key the same post is a duplicate, as it should be
		assertThat(this.mvc
			.perform(post("/api/v1/groups/kanjia/requests").header("Authorization", member.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"input\":\"" + link + "\",\"helpsNeeded\":2}"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(409);
	}

	/**
	 * An answer long enough to be gzipped for a client that accepts gzip is recorded and
	 * replayed as JSON text, not as the gzip bytes the app would have sent.
	 */
	@Test
	void aLongAnswerIsRecordedAndReplayedAsText() throws Exception {
		TestMember member = this.testData.member("idemgz").joining("kanjia");
		String note = "帮我砍一刀，谢谢大家！".repeat(25);
		// a whole share text around the link, kept as the request's share text
		String shareText = "我正在参加砍价免费拿，快来帮我砍一刀！".repeat(45) + " " + link();
		String content = "{\"input\":\"" + shareText + "\",\"helpsNeeded\":2,\"note\":\"" + note + "\"}";
		MockHttpServletResponse[] answers = new MockHttpServletResponse[2];
		for (int i = 0; i < 2; i++) {
			answers[i] = this.mvc
				.perform(post("/api/v1/groups/kanjia/requests").header("Authorization", member.bearer())
					.header("Idempotency-Key", "long-1")
					.header("Accept-Encoding", "gzip")
					.contentType(MediaType.APPLICATION_JSON)
					.content(content))
				.andReturn()
				.getResponse();
		}
		assertThat(answers[0].getStatus()).isEqualTo(201);
		assertThat(answers[0].getContentAsByteArray().length).as("long enough to be gzipped").isGreaterThan(2048);
		assertThat(answers[0].getHeader("Content-Encoding")).isNull();
		assertThat(answers[0].getContentAsString()).startsWith("{").contains(note);
		assertThat(answers[1].getHeader("Idempotent-Replayed")).isEqualTo("true");
		assertThat(answers[1].getHeader("Content-Encoding")).isNull();
		assertThat(answers[1].getContentAsString()).isEqualTo(answers[0].getContentAsString());
		assertThat(requestsBy(member)).isEqualTo(1);
	}

	@Test
	void concurrentRetriesWithOneKeyCreateOnceAndAllSeeTheFirstAnswer() throws Exception {
		TestMember member = this.testData.member("idem").joining("kanjia");
		String link = link();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(10);
		List<Future<MockHttpServletResponse>> futures = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			futures.add(pool.submit(() -> {
				start.await();
				return postRequest(member, "race-1", link);
			}));
		}
		start.countDown();
		List<MockHttpServletResponse> answers = new ArrayList<>();
		for (Future<MockHttpServletResponse> future : futures) {
			answers.add(future.get(60, TimeUnit.SECONDS));
		}
		pool.shutdown();
		assertThat(answers).allSatisfy((answer) -> assertThat(answer.getStatus()).isEqualTo(201));
		assertThat(answers).extracting(MockHttpServletResponse::getContentAsString)
			.containsOnly(answers.get(0).getContentAsString());
		assertThat(requestsBy(member)).isEqualTo(1);
	}

	@Test
	void theSameKeyWithAnotherBodyIsAConflictAndBadKeysAreRefused() throws Exception {
		TestMember member = this.testData.member("idem").joining("kanjia");
		assertThat(postRequest(member, "other-body", link()).getStatus()).isEqualTo(201);
		MockHttpServletResponse reused = postRequest(member, "other-body", link());
		assertThat(reused.getStatus()).isEqualTo(409);
		assertThat(reused.getContentType()).startsWith("application/problem+json");
		assertThat(postRequest(member, "k".repeat(65), link()).getStatus()).isEqualTo(400);
		assertThat(requestsBy(member)).isEqualTo(1);
		// keys belong to their member: another member's same key is a fresh request
		TestMember other = this.testData.member("idem").joining("kanjia");
		assertThat(postRequest(other, "other-body", link()).getStatus()).isEqualTo(201);
	}

	@Test
	void aRefusalIsRememberedToo() throws Exception {
		TestMember member = this.testData.member("idem").create();
		MockHttpServletResponse first = postRequest(member, "refused", link());
		MockHttpServletResponse again = postRequest(member, "refused", link().substring(0, 10) + "xx");
		assertThat(first.getStatus()).isEqualTo(403);
		assertThat(again.getStatus()).isEqualTo(409);
	}

}
