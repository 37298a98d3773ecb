package com.helpboard.browser;

import org.junit.jupiter.api.Tag;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Base class for real-browser tests: one Playwright and one headless system Chromium per
 * test class (reused by every test in it), a fresh {@link BrowserContext} per helper call
 * (closed after each test), and helpers that drive the real forms.
 * <p>
 * Subclasses add {@code @IntegrationTest}, so the app runs on a random port against real
 * PostgreSQL. Chromium is the executable named by {@code HELPBOARD_CHROMIUM}, else the
 * system one ({@code apt-get install -y chromium}), else Playwright's own, downloaded
 * once where the network allows (see {@link Chromium}); when there is none the test
 * <em>fails</em> rather than skipping, so CI cannot silently lose its browser tests.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserSupport {

	static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
			"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
			"--disable-sync");

	/** The width of the phone viewport; pages must not scroll sideways at it. */
	public static final int PHONE_WIDTH = 390;

	static final String PHONE_USER_AGENT = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36";

	static final Path SCREENSHOTS = Paths.get("target", "screenshots");

	@LocalServerPort
	protected int port;

	private Playwright playwright;

	private Browser browser;

	private final List<BrowserContext> contexts = new ArrayList<>();

	private final Map<BrowserContext, Set<String>> hosts = new ConcurrentHashMap<>();

	@BeforeAll
	void launchChromium() {
		Optional<Path> system;
		try {
			system = Chromium.systemExecutable();
			if (system.isEmpty()) {
				Chromium.ensurePlaywrightChromium();
			}
		}
		catch (IllegalStateException ex) {
			fail(ex.getMessage());
			return;
		}
		// the download, where needed, was done above: never let create() fetch every
		// browser
		this.playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true).setArgs(CHROMIUM_ARGS);
		if (system.isPresent()) {
			this.browser = this.playwright.chromium().launch(options.setExecutablePath(system.get()));
			return;
		}
		try {
			this.browser = this.playwright.chromium().launch(options);
		}
		catch (PlaywrightException ex) {
			fail(Chromium
				.noChromium("downloaded, but it did not start: " + ex.getMessage().lines().findFirst().orElse("")), ex);
		}
	}

	@AfterEach
	void closeContexts() {
		this.contexts.forEach(BrowserContext::close);
		this.contexts.clear();
		this.hosts.clear();
	}

	@AfterAll
	void closeChromium() {
		if (this.browser != null) {
			this.browser.close();
		}
		if (this.playwright != null) {
			this.playwright.close();
		}
	}

	// ---- contexts and pages

	/** A phone: 390x844 at 2x, touch, a mobile user agent, Chinese. */
	protected Page phone() {
		return open(new Browser.NewContextOptions().setViewportSize(PHONE_WIDTH, 844)
			.setDeviceScaleFactor(2)
			.setIsMobile(true)
			.setHasTouch(true)
			.setUserAgent(PHONE_USER_AGENT)
			.setLocale("zh-CN"));
	}

	/** A desktop browser at 1280x800 preferring {@code locale} ("en" or "zh-CN"). */
	protected Page desktop(String locale) {
		return open(new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale(locale));
	}

	/**
	 * A page in a new context with these options; every request it makes is recorded (see
	 * {@link #requestedHosts(Page)}).
	 */
	protected Page open(Browser.NewContextOptions options) {
		BrowserContext context = this.browser.newContext(options);
		context.setDefaultTimeout(10_000);
		this.contexts.add(context);
		Set<String> seen = ConcurrentHashMap.newKeySet();
		this.hosts.put(context, seen);
		context.onRequest((request) -> {
			URI uri = URI.create(request.url());
			if ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()) || "ws".equals(uri.getScheme())
					|| "wss".equals(uri.getScheme())) {
				seen.add(uri.getHost());
			}
		});
		return context.newPage();
	}

	/** The hosts of every network request made in this page's context so far. */
	protected Set<String> requestedHosts(Page page) {
		return Set.copyOf(this.hosts.get(page.context()));
	}

	/** The "no CDN" rule: everything the pages loaded came from the app itself. */
	protected void assertOnlyLocalRequests(Page page) {
		assertThat(requestedHosts(page)).as("hosts requested (no CDN, no third parties)").containsOnly("localhost");
	}

	protected String baseUrl() {
		return "http://localhost:" + this.port;
	}

	protected String url(String path) {
		return baseUrl() + path;
	}

	protected void navigate(Page page, String path) {
		page.navigate(url(path));
	}

	/** The page's path (without query), e.g. {@code /me}. */
	protected static String path(Page page) {
		return URI.create(page.url()).getPath();
	}

	// ---- what a user sees

	/** Full-page PNG at {@code target/screenshots/<name>.png}. */
	protected static Path screenshot(Page page, String name) {
		Path file = SCREENSHOTS.resolve(name + ".png");
		page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
		return file;
	}

	/**
	 * The document's scroll width; at most the viewport width means no sideways scroll.
	 */
	protected static int scrollWidth(Page page) {
		return ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
	}

	protected static void assertNoHorizontalScroll(Page page) {
		int viewport = page.viewportSize().width;
		assertThat(scrollWidth(page)).as("scrollWidth of %s at %d px", page.url(), viewport)
			.isLessThanOrEqualTo(viewport);
	}

	// ---- accessibility

	/** Where the axe-core webjar (test scope) keeps its script. */
	static final String AXE_SCRIPT = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

	private static String axeSource;

	/**
	 * A page whose context ignores the app's Content-Security-Policy, so that a test can
	 * inject axe-core as an inline script (the app never serves it).
	 */
	protected Page openForAudit(Browser.NewContextOptions options) {
		return open(options.setBypassCSP(true));
	}

	/** The phone of {@link #phone()} for an audit, in {@code locale}. */
	protected Page phoneForAudit(String locale) {
		return openForAudit(new Browser.NewContextOptions().setViewportSize(PHONE_WIDTH, 844)
			.setDeviceScaleFactor(2)
			.setIsMobile(true)
			.setHasTouch(true)
			.setUserAgent(PHONE_USER_AGENT)
			.setLocale(locale));
	}

	/** The desktop of {@link #desktop(String)} for an audit. */
	protected Page desktopForAudit(String locale) {
		return openForAudit(new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale(locale));
	}

	private static synchronized String axeSource() {
		if (axeSource == null) {
			try (java.io.InputStream in = BrowserSupport.class.getClassLoader().getResourceAsStream(AXE_SCRIPT)) {
				assertThat(in).as("axe-core on the test class path (%s)", AXE_SCRIPT).isNotNull();
				axeSource = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}
		return axeSource;
	}

	/** One rule axe-core found broken on a page, with the elements that break it. */
	protected record AxeViolation(String rule, String impact, String help, List<String> targets) {

		boolean isSeriousOrWorse() {
			return "serious".equals(this.impact) || "critical".equals(this.impact);
		}

		@Override
		public String toString() {
			return "[" + this.impact + "] " + this.rule + ": " + this.help + "\n        "
					+ String.join("\n        ", this.targets);
		}

	}

	/**
	 * Runs axe-core (WCAG 2.1 A and AA rules and its best practices) on the page as it is
	 * now; every violation, of any impact.
	 */
	@SuppressWarnings("unchecked")
	protected static List<AxeViolation> axe(Page page) {
		if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
			page.addScriptTag(new Page.AddScriptTagOptions().setContent(axeSource()));
		}
		List<Map<String, Object>> found = (List<Map<String, Object>>) page.evaluate("""
				async () => {
				  const result = await axe.run(document, { resultTypes: ['violations'] });
				  return result.violations.map((v) => ({ rule: v.id, impact: v.impact || 'minor', help: v.help,
				    targets: v.nodes.slice(0, 8).map((n) => n.target.join(' ') + '  ' + (n.failureSummary || '')
				      .replace(/\\s+/g, ' ').slice(0, 240)) }));
				}""");
		List<AxeViolation> violations = new ArrayList<>();
		for (Map<String, Object> v : found) {
			violations.add(new AxeViolation((String) v.get("rule"), (String) v.get("impact"), (String) v.get("help"),
					(List<String>) v.get("targets")));
		}
		return violations;
	}

	/** One visible control smaller than a finger (44 px tall at the phone's width). */
	protected record SmallTarget(String element, String text, double width, double height) {

		@Override
		public String toString() {
			return String.format("%s \"%s\" %.0fx%.0f px", this.element, this.text, this.width, this.height);
		}

	}

	/**
	 * Every visible tap target on the page shorter than {@code min} CSS pixels: links,
	 * buttons, inputs, selects, text areas, summaries; a checkbox or radio button is
	 * measured by the label that wraps it (the label is what a thumb taps). Exempt, as
	 * WCAG 2.5.8 exempts them: links inside running text, that is an inline link in a
	 * block that has text of its own beside the link (a sentence such as "已有账号？登录").
	 */
	@SuppressWarnings("unchecked")
	protected static List<SmallTarget> tapTargetsBelow(Page page, int min) {
		List<Map<String, Object>> found = (List<Map<String, Object>>) page.evaluate(
				"""
						(min) => {
						  const visible = (el) => {
						    const r = el.getBoundingClientRect();
						    if (r.width < 1 || r.height < 1) return false;
						    if (el.closest('details:not([open]) > :not(summary)')) return false;
						    const style = getComputedStyle(el);
						    return style.visibility !== 'hidden' && style.display !== 'none'
						      && (typeof el.checkVisibility !== 'function' || el.checkVisibility());
						  };
						  const blockOf = (el) => {
						    let p = el.parentElement;
						    while (p && getComputedStyle(p).display.startsWith('inline')) p = p.parentElement;
						    return p;
						  };
						  const inRunningText = (el) => {
						    if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
						    const block = blockOf(el);
						    if (!block) return false;
						    const own = (el.textContent || '').trim().length;
						    return (block.textContent || '').replace(/\\s+/g, '').length > own;
						  };
						  const seen = new Set();
						  const small = [];
						  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
						  for (const raw of document.querySelectorAll(selector)) {
						    let el = raw;
						    if (raw.matches('input[type=checkbox], input[type=radio]')) {
						      el = raw.closest('label') || raw;
						    }
						    if (seen.has(el) || !visible(el) || inRunningText(el)) continue;
						    seen.add(el);
						    const r = el.getBoundingClientRect();
						    if (r.height < min - 0.5) {
						      const id = el.id ? '#' + el.id : '';
						      const cls = el.classList.length ? '.' + [...el.classList].join('.') : '';
						      small.push({ element: el.tagName.toLowerCase() + id + cls,
						        text: (el.textContent || el.value || el.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' ').slice(0, 40),
						        width: r.width, height: r.height });
						    }
						  }
						  return small;
						}""",
				min);
		List<SmallTarget> small = new ArrayList<>();
		for (Map<String, Object> t : found) {
			small.add(new SmallTarget((String) t.get("element"), (String) t.get("text"),
					((Number) t.get("width")).doubleValue(), ((Number) t.get("height")).doubleValue()));
		}
		return small;
	}

	// ---- journeys through the real forms

	/** A name nobody has registered yet: {@code prefix} plus 8 random hex digits. */
	protected static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
	}

	/** Opens /register, fills the form and submits it (success or not). */
	protected void register(Page page, String username, String password) {
		register(page, username, password, password);
	}

	protected void register(Page page, String username, String password, String passwordAgain) {
		if (!"/register".equals(path(page))) {
			navigate(page, "/register");
		}
		page.locator("#username").fill(username);
		page.locator("#password").fill(password);
		page.locator("#passwordAgain").fill(passwordAgain);
		submit(page);
	}

	/** Opens /login, fills the form and submits it (success or not). */
	protected void login(Page page, String username, String password) {
		login(page, username, password, false);
	}

	protected void login(Page page, String username, String password, boolean rememberMe) {
		if (!"/login".equals(path(page))) {
			navigate(page, "/login");
		}
		page.locator("#username").fill(username);
		page.locator("#password").fill(password);
		page.locator("#remember-me").setChecked(rememberMe);
		submit(page);
	}

	/**
	 * Registers a new member and leaves the page signed in on /me/todo (where a new
	 * member with nowhere to return to lands).
	 */
	protected String registerNew(Page page, String prefix, String password) {
		String username = unique(prefix);
		register(page, username, password);
		assertThat(path(page)).as("after registering %s", username).isEqualTo("/me/todo");
		return username;
	}

	/** Opens the top bar's "我的" menu and presses its log-out button. */
	protected void logout(Page page) {
		openMeMenu(page);
		page.waitForNavigation(() -> page.locator("#nav-menu form[action='/logout'] button").click());
	}

	/** Opens the top bar's "我的" menu (a {@code <details>}), if it is not open. */
	protected static void openMeMenu(Page page) {
		if (page.locator("#nav-menu[open]").count() == 0) {
			page.locator("#nav-menu > summary").click();
		}
	}

	/**
	 * The top bar's height: one line of 44 px targets plus its padding, so anything above
	 * {@value #ONE_LINE_HEADER} px means the nav wrapped.
	 */
	protected static double headerHeight(Page page) {
		return ((Number) page.evaluate("() => document.querySelector('header.topbar').getBoundingClientRect().height"))
			.doubleValue();
	}

	/**
	 * The most a one-line top bar may be tall (52 px as built; a wrapped one is ~100).
	 */
	protected static final int ONE_LINE_HEADER = 60;

	/** Clicks the form's submit button and waits for the next page. */
	protected static void submit(Page page) {
		page.waitForNavigation(() -> page.locator("main form button[type=submit]").first().click());
	}

	/** At phone width, the page must not scroll sideways. */
	protected void assertFitsTheScreen(Page page) {
		if (page.viewportSize().width == PHONE_WIDTH) {
			assertNoHorizontalScroll(page);
		}
	}

	/**
	 * Reloads until {@code selector} reads {@code text}, for what an asynchronous event
	 * writes (credits), failing after {@code millis}.
	 */
	protected static void awaitText(Page page, String selector, String text, long millis) {
		long deadline = System.currentTimeMillis() + millis;
		while (!text.equals(page.locator(selector).textContent().trim())) {
			if (System.currentTimeMillis() > deadline) {
				assertThat(page.locator(selector).textContent().trim())
					.as("%s on %s after %d ms", selector, page.url(), millis)
					.isEqualTo(text);
			}
			page.waitForTimeout(500);
			page.reload();
		}
	}

}
