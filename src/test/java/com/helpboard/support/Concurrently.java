package com.helpboard.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs one task on many threads released together by a latch, as racing clicks would. */
public final class Concurrently {

	private Concurrently() {
	}

	/** Each thread's result, or the exception it ended with, in thread order. */
	public static List<Object> run(int threads, Callable<?> task) throws InterruptedException {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<Object> results = new ArrayList<>();
			for (Future<?> future : futures) {
				try {
					results.add(future.get(120, TimeUnit.SECONDS));
				}
				catch (ExecutionException ex) {
					results.add(ex.getCause());
				}
				catch (java.util.concurrent.TimeoutException ex) {
					throw new AssertionError("a racing thread did not finish in time", ex);
				}
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
