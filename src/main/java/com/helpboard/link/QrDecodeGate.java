package com.helpboard.link;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.helpboard.link.QrImageReader.Decoded;

/**
 * Runs QR decodes under {@link QrDecodeLimits}: a semaphore bounds how many run at once,
 * a small pool of daemon threads runs them, and the caller waits for the result at most
 * the time limit.
 *
 * <p>
 * A decode's permit is released by the decode itself when it really ends, not when the
 * caller gives up: ZXing ignores interrupts, so a stuck decode still holds a thread and a
 * CPU and must keep counting against the limit.
 */
final class QrDecodeGate {

	private static final ConcurrentMap<QrDecodeLimits, QrDecodeGate> SHARED = new ConcurrentHashMap<>();

	private static final AtomicInteger POOLS = new AtomicInteger();

	private final QrDecodeLimits limits;

	private final Function<byte[], Decoded> decoder;

	private final Semaphore permits;

	private final ThreadPoolExecutor executor;

	/**
	 * A gate with its own permits and threads.
	 * @param limits the limits
	 * @param decoder the decode to run, normally {@link QrImageReader#decodePixels}
	 */
	QrDecodeGate(QrDecodeLimits limits, Function<byte[], Decoded> decoder) {
		this.limits = limits;
		this.decoder = decoder;
		int n = limits.maxConcurrentDecodes();
		this.permits = new Semaphore(n, true);
		this.executor = new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				daemonThreads("qr-decode-" + POOLS.incrementAndGet() + "-"));
		this.executor.allowCoreThreadTimeOut(true);
	}

	/**
	 * The JVM-wide gate for these limits: parsers built with equal limits share it.
	 * @param limits the limits
	 * @return the shared gate
	 */
	static QrDecodeGate shared(QrDecodeLimits limits) {
		return SHARED.computeIfAbsent(limits, (l) -> new QrDecodeGate(l, QrImageReader::decodePixels));
	}

	QrDecodeLimits limits() {
		return this.limits;
	}

	/**
	 * Decode within the limits.
	 * @param image image bytes, header already checked
	 * @return the decoded text or a rejection
	 */
	Decoded decode(byte[] image) {
		try {
			if (!this.permits.tryAcquire(this.limits.permitWait().toNanos(), TimeUnit.NANOSECONDS)) {
				return busy();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return busy();
		}
		// whoever sets this first owns the permit's release: the task when it starts, or
		// the caller giving up on a task that never started
		AtomicBoolean claimed = new AtomicBoolean();
		Future<Decoded> future;
		try {
			future = this.executor.submit(() -> {
				if (!claimed.compareAndSet(false, true)) {
					return null;
				}
				try {
					return this.decoder.apply(image);
				}
				finally {
					this.permits.release();
				}
			});
		}
		catch (RejectedExecutionException ex) {
			this.permits.release();
			return busy();
		}
		try {
			Decoded decoded = future.get(this.limits.decodeTimeout().toNanos(), TimeUnit.NANOSECONDS);
			return (decoded != null) ? decoded : tooComplex();
		}
		catch (TimeoutException ex) {
			giveUp(future, claimed);
			return tooComplex();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			giveUp(future, claimed);
			return busy();
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			return new Decoded(null, new Rejection(Reason.IMAGE_UNREADABLE,
					"could not read image: " + cause.getClass().getSimpleName()));
		}
	}

	/**
	 * Wait until no decode runs, e.g. after abandoned ones; for tests.
	 * @param timeoutMillis how long to wait
	 * @return true when idle
	 * @throws InterruptedException if interrupted while waiting
	 */
	boolean awaitIdle(long timeoutMillis) throws InterruptedException {
		int n = this.limits.maxConcurrentDecodes();
		if (this.permits.tryAcquire(n, timeoutMillis, TimeUnit.MILLISECONDS)) {
			this.permits.release(n);
			return true;
		}
		return false;
	}

	private void giveUp(Future<Decoded> future, AtomicBoolean claimed) {
		if (claimed.compareAndSet(false, true)) {
			// never started and now never will: its permit is ours to return
			this.permits.release();
		}
		// a running decode goes on; it releases its permit when it ends
		future.cancel(true);
	}

	private Decoded busy() {
		return new Decoded(null, new Rejection(Reason.IMAGE_BUSY, "all " + this.limits.maxConcurrentDecodes()
				+ " QR decoders busy for " + this.limits.permitWait().toMillis() + " ms"));
	}

	private Decoded tooComplex() {
		return new Decoded(null, new Rejection(Reason.IMAGE_TOO_COMPLEX,
				"QR decoding took longer than " + this.limits.decodeTimeout().toMillis() + " ms"));
	}

	private static ThreadFactory daemonThreads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
