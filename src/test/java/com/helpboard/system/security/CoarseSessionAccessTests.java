package com.helpboard.system.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * A session's last-access time is moved by one request per minute and instance, however
 * many of its requests are in flight: before, each of them moved it, and as many UPDATEs
 * of the one row queued on its lock holding the pool's connections.
 */
class CoarseSessionAccessTests {

	@Test
	void twentyConcurrentRequestsOfAnOldSessionMoveItOnce() throws Exception {
		Instant stored = Instant.now().minus(Duration.ofMinutes(5));
		List<MapSession> rows = new CopyOnWriteArrayList<>();
		@SuppressWarnings("unchecked")
		FindByIndexNameSessionRepository<MapSession> repository = mock(FindByIndexNameSessionRepository.class);
		// each request reads its own copy of the stored row, as Spring Session JDBC does
		given(repository.findById(anyString())).willAnswer((invocation) -> {
			MapSession row = new MapSession("s1");
			row.setLastAccessedTime(stored);
			rows.add(row);
			return row;
		});
		CoarseSessionAccess<MapSession> sessions = new CoarseSessionAccess<>(repository, Duration.ofMinutes(1));
		List<CoarseSessionAccess.CoarseSession<MapSession>> read = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			read.add(sessions.findById("s1"));
		}

		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> done = new ArrayList<>();
			Instant now = Instant.now();
			for (CoarseSessionAccess.CoarseSession<MapSession> session : read) {
				done.add(pool.submit(() -> {
					start.await();
					session.setLastAccessedTime(now);
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(rows.stream().filter((row) -> !row.getLastAccessedTime().equals(stored)))
			.as("sessions whose last access was moved (one UPDATE each)")
			.hasSize(1);

		// a minute after that move, the next request moves it again
		rows.clear();
		sessions.findById("s1").setLastAccessedTime(Instant.now().plus(Duration.ofSeconds(61)));
		assertThat(rows).singleElement().satisfies((row) -> assertThat(row.getLastAccessedTime()).isNotEqualTo(stored));
	}

}
