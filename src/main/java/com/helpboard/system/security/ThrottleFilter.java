package com.helpboard.system.security;

import java.io.IOException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import com.helpboard.system.MemberIdentity;
import com.helpboard.system.security.Throttle.Key;
import com.helpboard.system.security.ThrottleSettings.Limit;
import com.helpboard.system.security.ThrottleSettings.Rule;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import com.helpboard.system.web.ErrorPageAttributes;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Rate limits on the actions a script would hammer: login (form and API tokens, by client
 * address and by username), registration (by address), posting, claiming, uploads and
 * reports (by address and by member, lower for new accounts). Past a limit the API
 * answers 429 with {@code Retry-After}; pages say when to try again.
 */
class ThrottleFilter extends OncePerRequestFilter {

	private static final int MAX_JSON = 8 * 1024;

	private final Throttle throttle;

	private final ThrottleSettings settings;

	private final ProblemResponses problems;

	private final ObjectMapper json;

	private final Clock clock;

	private final boolean login;

	/**
	 * @param login whether this instance guards the login form only (it runs before the
	 * login filter) or everything else (after authorization, so it knows the member)
	 */
	ThrottleFilter(Throttle throttle, ThrottleSettings settings, ProblemResponses problems, ObjectMapper json,
			Clock clock, boolean login) {
		this.throttle = throttle;
		this.settings = settings;
		this.problems = problems;
		this.json = json;
		this.clock = clock;
		this.login = login;
	}

	@Override
	protected String getAlreadyFilteredAttributeName() {
		// two of these run in one chain (login, and the rest): each needs its own mark
		return super.getAlreadyFilteredAttributeName() + (this.login ? ".login" : ".actions");
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.settings.enabled() || !"POST".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String address = request.getRemoteAddr();
		List<Key> keys = new ArrayList<>();
		HttpServletRequest forward = request;
		if (this.login) {
			if (path.equals("/login")) {
				addLogin(keys, address, request.getParameter("username"));
			}
		}
		else if (path.equals("/api/v1/tokens")) {
			byte[] body = request.getInputStream().readNBytes(MAX_JSON + 1);
			forward = new CachedBodyRequest(request, body);
			addLogin(keys, address, (body.length <= MAX_JSON) ? usernameIn(body) : null);
		}
		else if (path.equals("/register") || path.equals("/api/v1/accounts")) {
			add(keys, "register", "addr", address, this.settings.registration().perAddress());
		}
		else if (path.matches("/g/[^/]+/post|/api/v1/groups/[^/]+/requests(/qr)?")) {
			addMember(keys, "post", this.settings.posting(), address);
			if (hasUpload(request)) {
				addMember(keys, "upload", this.settings.uploads(), address);
			}
		}
		else if (path.matches("/r/[^/]+/claim|/api/v1/requests/[^/]+/claims")) {
			addMember(keys, "claim", this.settings.claiming(), address);
		}
		else if (path.matches("/r/[^/]+/report|/api/v1/requests/[^/]+/reports")) {
			addMember(keys, "report", this.settings.reporting(), address);
		}
		Optional<Duration> wait = keys.isEmpty() ? Optional.empty() : this.throttle.take(keys);
		if (wait.isPresent()) {
			refuse(request, response, path, wait.get());
			return;
		}
		chain.doFilter(forward, response);
	}

	private void addLogin(List<Key> keys, String address, String username) {
		Rule rule = this.settings.login();
		add(keys, "login", "addr", address, rule.perAddress());
		if (username != null && !username.isBlank()) {
			// the same name however it is typed (case, width),
			// as the account module compares names
			String name = Normalizer.normalize(username.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
			add(keys, "login", "user", (name.length() > 64) ? name.substring(0, 64) : name, rule.perAccount());
		}
	}

	private void addMember(List<Key> keys, String action, Rule rule, String address) {
		add(keys, action, "addr", address, rule.perAddress());
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof MemberIdentity member) {
			Instant joined = member.joinedAt();
			boolean isNew = joined != null && joined.isAfter(this.clock.instant().minus(this.settings.newAccountAge()));
			Limit limit = (isNew && rule.perNewAccount() != null) ? rule.perNewAccount() : rule.perAccount();
			add(keys, action, "member", Long.toString(member.memberId()), limit);
		}
	}

	private static void add(List<Key> keys, String action, String kind, String who, Limit limit) {
		if (limit != null) {
			keys.add(Key.of(action, kind, who, limit));
		}
	}

	private String usernameIn(byte[] body) {
		try {
			JsonNode node = this.json.readTree(body);
			JsonNode username = (node != null) ? node.get("username") : null;
			return (username != null && username.isString()) ? username.asString() : null;
		}
		catch (RuntimeException ex) {
			// malformed: the controller answers 400, the address bucket still counts
			return null;
		}
	}

	private static boolean hasUpload(HttpServletRequest request) {
		String type = request.getContentType();
		if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
			return false;
		}
		MultipartHttpServletRequest resolved = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
		if (resolved != null) {
			return resolved.getFile("image") != null && !resolved.getFile("image").isEmpty();
		}
		try {
			Part image = request.getPart("image");
			return image != null && image.getSize() > 0;
		}
		catch (IOException | ServletException | IllegalStateException ex) {
			// too large or malformed: the upload is refused later, and counts
			return true;
		}
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, String path, Duration wait)
			throws IOException {
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		if (path.startsWith("/api/")) {
			this.problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
					"Too many attempts. Try again in " + seconds + " seconds.", seconds);
		}
		else if (path.equals("/login")) {
			// the form keeps where the member was going
			String next = com.helpboard.system.ReturnTarget.of(request.getParameter("next"))
				.map((target) -> "&next=" + java.net.URLEncoder.encode(target, java.nio.charset.StandardCharsets.UTF_8))
				.orElse("");
			response.sendRedirect(request.getContextPath() + "/login?throttled=" + seconds + next);
		}
		else {
			request.setAttribute(ErrorPageAttributes.RETRY_AFTER, seconds);
			response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
		}
	}

}
