package com.helpboard.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.microsoft.playwright.impl.driver.Driver;

/**
 * Which Chromium the browser tests drive: the one named by {@code HELPBOARD_CHROMIUM},
 * else a system one (at a usual path or on the {@code PATH}), else Playwright's own,
 * downloaded once into its cache ({@code ~/.cache/ms-playwright}) where the network
 * allows. When none can be had the tests fail, with a message that says what to install.
 */
final class Chromium {

	/** Where a system Chromium is looked for first. */
	static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
			"/usr/bin/google-chrome");

	/** The names looked for on the {@code PATH} next. */
	static final List<String> COMMANDS = List.of("chromium", "chromium-browser", "google-chrome",
			"google-chrome-stable");

	static final String INSTALL_HINT = "install Chromium (apt-get install -y chromium), "
			+ "or set HELPBOARD_CHROMIUM to a Chrome/Chromium executable";

	private static final long DOWNLOAD_MINUTES = 10;

	/** Why the one download attempt per JVM failed; null if it worked or is untried. */
	private static String downloadFailure;

	private static boolean downloadTried;

	private Chromium() {
	}

	/**
	 * {@code HELPBOARD_CHROMIUM} if set (and it must be an executable), else the first
	 * system Chromium found; empty when there is none.
	 */
	static Optional<Path> systemExecutable() {
		String configured = System.getenv("HELPBOARD_CHROMIUM");
		if (configured != null && !configured.isBlank()) {
			Path path = Paths.get(configured);
			if (!Files.isExecutable(path)) {
				throw new IllegalStateException(
						"HELPBOARD_CHROMIUM=" + configured + " is not an executable file; " + INSTALL_HINT);
			}
			return Optional.of(path);
		}
		Stream<Path> onPath = Arrays.stream(pathEntries())
			.filter((dir) -> !dir.isBlank())
			.flatMap((dir) -> COMMANDS.stream().map((command) -> Paths.get(dir, command)));
		return Stream.concat(CANDIDATES.stream().map(Paths::get), onPath).filter(Files::isExecutable).findFirst();
	}

	private static String[] pathEntries() {
		String path = System.getenv("PATH");
		return (path != null) ? path.split(java.io.File.pathSeparator) : new String[0];
	}

	/**
	 * Makes sure Playwright's own Chromium is in its cache, downloading it (only
	 * Chromium, not every browser) on the first call; the download is tried once per JVM.
	 * @throws IllegalStateException saying what to install when it cannot be had
	 */
	static synchronized void ensurePlaywrightChromium() {
		if (!downloadTried) {
			downloadTried = true;
			downloadFailure = download();
		}
		if (downloadFailure != null) {
			throw new IllegalStateException(noChromium(downloadFailure));
		}
	}

	/** The message for when no Chromium could be had; browser tests fail, not skip. */
	static String noChromium(String why) {
		return String.join(System.lineSeparator(), "",
				"No Chromium for the browser tests (they fail rather than skip).", "  HELPBOARD_CHROMIUM: not set",
				"  system Chromium: none at " + CANDIDATES + " nor on the PATH as " + COMMANDS,
				"  Playwright's own Chromium: " + why, "To fix it, " + INSTALL_HINT + ".");
	}

	/** Runs Playwright's {@code install chromium}; the reason it failed, or null. */
	private static String download() {
		if (System.getenv("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD") != null) {
			return "not downloaded, since PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set";
		}
		try {
			Driver driver = Driver.ensureDriverInstalled(Collections.emptyMap(), false);
			ProcessBuilder install = driver.createProcessBuilder();
			install.command().addAll(List.of("install", "chromium"));
			install.environment().remove("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD");
			install.redirectErrorStream(true);
			Process process = install.start();
			CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
			if (!process.waitFor(DOWNLOAD_MINUTES, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				return "the download took longer than " + DOWNLOAD_MINUTES + " minutes";
			}
			if (process.exitValue() != 0) {
				return "the download failed (no network to Playwright's CDN?): " + lastLines(output.join(), 5);
			}
			return null;
		}
		catch (IOException | RuntimeException ex) {
			return "the download failed: " + ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "the download was interrupted";
		}
	}

	private static String read(InputStream in) {
		try (in) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			in.transferTo(out);
			return out.toString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String lastLines(String text, int count) {
		List<String> lines = text.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
		// without the stack frames
		List<String> errors = lines.stream().filter((line) -> !line.startsWith("at ")).toList();
		return String.join(" | ", errors.subList(Math.max(0, errors.size() - count), errors.size()));
	}

}
