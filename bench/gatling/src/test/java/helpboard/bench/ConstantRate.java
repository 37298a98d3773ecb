package helpboard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * A fixed offered load on one page, wrk2-style: {@code bench.rate} arrivals a second,
 * evenly spaced, each a new visitor (own connection) sending one GET. A warm-up phase at
 * the same rate comes first and is reported under its own name, so the percentiles of
 * "measured" cover the measured phase only. Settings (system properties): bench.baseUrl,
 * bench.path, bench.rate, bench.warmupSeconds, bench.seconds, bench.cookie (optional, a
 * Cookie header), bench.p99Millis (the target the assertion checks), bench.timesFile
 * (optional: each measured response appended as a line "end-epoch-ms response-ms", a
 * failed one with gatling.http.requestTimeout as its time,
 * written every second, so a script can take the percentiles of any stretch of the run,
 * e.g. exactly while a job worked, even if it stops Gatling early).
 */
public class ConstantRate extends Simulation {

	private final String baseUrl = System.getProperty("bench.baseUrl", "http://127.0.0.1:18080");

	private final String path = System.getProperty("bench.path", "/g/big");

	private final double rate = Double.parseDouble(System.getProperty("bench.rate", "200"));

	private final int warmupSeconds = Integer.getInteger("bench.warmupSeconds", 15);

	private final int seconds = Integer.getInteger("bench.seconds", 60);

	private final String cookie = System.getProperty("bench.cookie", "");

	private final int p99Millis = Integer.getInteger("bench.p99Millis", 100);

	private final HttpProtocolBuilder protocol = http.baseUrl(this.baseUrl)
		.acceptHeader("text/html,application/json")
		.acceptEncodingHeader("gzip")
		.disableCaching()
		.disableWarmUp()
		.disableFollowRedirect();

	private final String timesFile = System.getProperty("bench.timesFile", "");

	private final int timeoutMillis = Integer.getInteger("gatling.http.requestTimeout", 60_000);

	private final ConcurrentLinkedQueue<String> times = new ConcurrentLinkedQueue<>();

	private ScenarioBuilder visitor(String name) {
		var get = http(name).get(this.path).check(status().is(200), responseTimeInMillis().saveAs("rt"));
		ScenarioBuilder scenario = scenario(name).exec(this.cookie.isEmpty() ? get : get.header("Cookie", this.cookie));
		if (this.timesFile.isEmpty() || !name.equals("measured")) {
			return scenario;
		}
		// a response that failed its checks (or never came) is written with the request
		// timeout as its time, so it counts among the slowest
		return scenario.exec((session) -> {
			int millis = (!session.isFailed() && session.contains("rt")) ? session.getInt("rt") : this.timeoutMillis;
			this.times.add(System.currentTimeMillis() + " " + millis);
			return session;
		});
	}

	private void writeTimes() {
		List<String> lines = new ArrayList<>();
		for (String line = this.times.poll(); line != null; line = this.times.poll()) {
			lines.add(line);
		}
		try {
			Files.write(Path.of(this.timesFile), lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void before() {
		if (this.timesFile.isEmpty()) {
			return;
		}
		Thread writer = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException ex) {
					return;
				}
				writeTimes();
			}
		}, "times-writer");
		writer.setDaemon(true);
		writer.start();
	}

	@Override
	public void after() {
		if (!this.timesFile.isEmpty()) {
			writeTimes();
		}
	}

	{
		setUp(visitor("warm-up").injectOpen(constantUsersPerSec(this.rate).during(Duration.ofSeconds(this.warmupSeconds)))
			.andThen(visitor("measured").injectOpen(constantUsersPerSec(this.rate).during(Duration.ofSeconds(this.seconds)))))
			.protocols(this.protocol)
			.assertions(details("measured").responseTime().percentile(50.0).lte(this.p99Millis),
					details("measured").responseTime().percentile(90.0).lte(this.p99Millis),
					details("measured").responseTime().percentile(99.0).lte(this.p99Millis),
					details("measured").responseTime().max().lte(this.p99Millis),
					details("measured").successfulRequests().percent().is(100.0),
					details("measured").requestsPerSec().gte(this.rate * 0.95));
	}

}
