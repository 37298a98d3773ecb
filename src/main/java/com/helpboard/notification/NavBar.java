package com.helpboard.notification;

import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.util.HtmlUtils;

/**
 * The signed-in member's part of the top bar (fragments/nav.html: links, counts, the "我的"
 * menu), for every page a controller draws. It is the same for every member with the same
 * language and counts, so it is drawn once per language and pair of counts and kept; a
 * page then only puts its own CSRF token into the logout form. Drawing it on every page
 * was a third of what a signed-in group page costs more than a visitor's
 * (docs/performance.md).
 * <p>
 * The counts come from {@link MemberCounts} (as
 * {@link Notifications#navCounts(Authentication)} answers them) on every page as before,
 * so a page shows the member's counts of the moment.
 */
@ControllerAdvice(annotations = Controller.class)
class NavBar {

	/** Stands for the page's CSRF token in a kept drawing; no message contains it. */
	static final String CSRF_PLACEHOLDER = "nav-csrf-token-placeholder-4f1d";

	/**
	 * Asked for when a page draws its bar: a slice of the app without them draws none.
	 */
	private final ObjectProvider<Notifications> notifications;

	/**
	 * The counts themselves, kept a few seconds: asked directly, not through the facade's
	 * transactional proxy (a few µs a page for an answer from memory). A web slice
	 * without them asks the facade. Found once: asking the provider resolves the
	 * dependency anew each time (~9 µs a signed-in page in a profile).
	 */
	private final SingletonSupplier<MemberCounts> counts;

	private final ObjectProvider<ITemplateEngine> templates;

	/**
	 * Drawings by language, context path and counts; a few hundred at most in practice.
	 */
	private final Cache<Key, Drawn> drawn = Caffeine.newBuilder().maximumSize(2_000).build();

	private volatile @Nullable JakartaServletWebApplication application;

	NavBar(ObjectProvider<Notifications> notifications, ObjectProvider<MemberCounts> counts,
			ObjectProvider<ITemplateEngine> templates) {
		this.notifications = notifications;
		this.counts = SingletonSupplier.of(counts::getIfAvailable);
		this.templates = templates;
	}

	/** For the layout; nothing is drawn unless the page shows a signed-in top bar. */
	@ModelAttribute("navBar")
	@Nullable Drawing navBar(@Nullable Principal principal, HttpServletRequest request, HttpServletResponse response,
			Locale locale) {
		return (principal instanceof Authentication authentication)
				? new Drawing(authentication, request, response, locale) : null;
	}

	private record Key(Locale locale, String contextPath, long waiting, long unread) {
	}

	/**
	 * A kept drawing cut where the CSRF token goes, so a page joins three strings instead
	 * of searching and replacing in a few KB of mostly Chinese text (a tenth of a
	 * signed-in page's drawing in a profile).
	 */
	record Drawn(String before, @Nullable String after) {

		static Drawn cut(String html) {
			int at = html.indexOf(CSRF_PLACEHOLDER);
			if (at < 0) {
				return new Drawn(html, null); // no logout form: nothing to put in
			}
			if (html.indexOf(CSRF_PLACEHOLDER, at + 1) >= 0) {
				throw new IllegalStateException("the top bar holds the CSRF token in one place only");
			}
			return new Drawn(html.substring(0, at), html.substring(at + CSRF_PLACEHOLDER.length()));
		}

		String with(String token) {
			return (this.after != null) ? this.before.concat(token).concat(this.after) : this.before;
		}

	}

	/** The top bar of one page. */
	public final class Drawing {

		private final Authentication authentication;

		private final HttpServletRequest request;

		private final HttpServletResponse response;

		private final Locale locale;

		Drawing(Authentication authentication, HttpServletRequest request, HttpServletResponse response,
				Locale locale) {
			this.authentication = authentication;
			this.request = request;
			this.response = response;
			this.locale = locale;
		}

		/** The HTML, with this page's CSRF token in the logout form. */
		public String html() {
			MemberCounts memberCounts = NavBar.this.counts.get();
			NavCounts counts = (memberCounts != null) ? memberCounts.of(this.authentication)
					: NavBar.this.notifications.getObject().navCounts(this.authentication);
			Key key = new Key(this.locale, this.request.getContextPath(), counts.waiting(), counts.unread());
			Drawn kept = NavBar.this.drawn.get(key, (k) -> Drawn.cut(draw(counts)));
			CsrfToken token = (CsrfToken) this.request.getAttribute(CsrfToken.class.getName());
			return kept.with((token != null) ? HtmlUtils.htmlEscape(token.getToken()) : "");
		}

		private String draw(NavCounts counts) {
			JakartaServletWebApplication web = application(this.request.getServletContext());
			WebContext context = new WebContext(web.buildExchange(this.request, this.response), this.locale,
					Map.of("navCounts", counts, "navPollSeconds",
							NavBar.this.notifications.getObject().pollEvery().toSeconds(), "navCsrfPlaceholder",
							CSRF_PLACEHOLDER));
			return NavBar.this.templates.getObject().process("fragments/nav", Set.of("signed-in"), context);
		}

	}

	private JakartaServletWebApplication application(ServletContext servletContext) {
		JakartaServletWebApplication web = this.application;
		if (web == null) {
			web = JakartaServletWebApplication.buildApplication(servletContext);
			this.application = web;
		}
		return web;
	}

}
