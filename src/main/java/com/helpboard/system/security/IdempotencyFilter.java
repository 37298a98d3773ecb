package com.helpboard.system.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on the API's POSTs, so a client may retry safely after a lost
 * answer: the first request with a key runs; a retry with the same key and body gets the
 * first answer again (status, body, Location) and changes nothing; the same key with
 * another body is 409. A retry that arrives while the first is still running waits for
 * its answer. Keys are per member; anonymous calls (sign-up, tokens) are not stored,
 * since their answers carry secrets. Keys are purged after a day
 * ({@link SecurityHousekeeping}).
 */
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	private static final int MAX_KEY = 64;

	private static final int MAX_BODY = 1024 * 1024;

	private static final int MAX_STORED = 65_000;

	private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(30);

	private final JdbcTemplate jdbc;

	private final ProblemResponses problems;

	private final Clock clock;

	IdempotencyFilter(JdbcTemplate jdbc, ProblemResponses problems, Clock clock) {
		this.jdbc = jdbc;
		this.problems = problems;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// anonymous calls (sign-up, token) answer with secrets, which are never stored;
		// and with no member there is no key space of a caller's own
		return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null || scope() == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER).strip();
		if (key.isEmpty() || key.length() > MAX_KEY) {
			this.problems.write(request, response, HttpStatus.BAD_REQUEST,
					"Idempotency-Key must be 1 to " + MAX_KEY + " characters.");
			return;
		}
		HttpServletRequest body = request;
		String hash;
		if (request.getContentType() != null && request.getContentType().startsWith("multipart/")) {
			try {
				hash = hash(request, partsDigest(request));
			}
			catch (IllegalStateException | ServletException ex) {
				// the container refused the upload as too large (or malformed)
				this.problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "The upload is too large.");
				return;
			}
		}
		else {
			byte[] bytes = request.getInputStream().readNBytes(MAX_BODY + 1);
			if (bytes.length > MAX_BODY) {
				this.problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "The request body is too large.");
				return;
			}
			body = new CachedBodyRequest(request, bytes);
			hash = hash(request, bytes);
		}
		String scope = scope();
		try {
			this.jdbc.update(
					"insert into idempotency_keys (scope, idem_key, request_hash, state, created_at) values (?, ?, ?, 'IN_PROGRESS', ?)",
					scope, key, hash, Timestamp.from(this.clock.instant()));
		}
		catch (DuplicateKeyException ex) {
			replay(request, response, scope, key, hash);
			return;
		}
		ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
		boolean stored = false;
		try {
			chain.doFilter(new IdentityAnswer(body), recorded);
			byte[] content = recorded.getContentAsByteArray();
			if (recorded.getStatus() < 500 && content.length <= MAX_STORED) {
				this.jdbc.update(
						"update idempotency_keys set state = 'DONE', response_status = ?, response_type = ?, response_location = ?, response_body = ? where scope = ? and idem_key = ?",
						recorded.getStatus(), recorded.getContentType(), recorded.getHeader(HttpHeaders.LOCATION),
						new String(content, StandardCharsets.UTF_8), scope, key);
				stored = true;
			}
		}
		finally {
			if (!stored) {
				// a failure on our side (or an answer
				// too big to keep): let the client retry
				this.jdbc.update("delete from idempotency_keys where scope = ? and idem_key = ?", scope, key);
			}
			recorded.copyBodyToResponse();
		}
	}

	private void replay(HttpServletRequest request, HttpServletResponse response, String scope, String key, String hash)
			throws IOException {
		long deadline = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
		while (true) {
			List<Stored> rows = this.jdbc.query(
					"select request_hash, state, response_status, response_type, response_location, response_body from idempotency_keys where scope = ? and idem_key = ?",
					(rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
							rs.getString(5), rs.getString(6)),
					scope, key);
			if (rows.isEmpty()) {
				this.problems.write(request, response, HttpStatus.CONFLICT,
						"The first request with this Idempotency-Key failed; retry with the same key.");
				return;
			}
			Stored stored = rows.get(0);
			if (!stored.hash().equals(hash)) {
				this.problems.write(request, response, HttpStatus.CONFLICT,
						"This Idempotency-Key was used for a different request.");
				return;
			}
			if ("DONE".equals(stored.state())) {
				response.setStatus(stored.status());
				if (stored.type() != null) {
					response.setContentType(stored.type());
				}
				if (stored.location() != null) {
					response.setHeader(HttpHeaders.LOCATION, stored.location());
				}
				response.setHeader("Idempotent-Replayed", "true");
				response.setCharacterEncoding("UTF-8");
				if (stored.body() != null) {
					response.getOutputStream().write(stored.body().getBytes(StandardCharsets.UTF_8));
				}
				return;
			}
			if (System.nanoTime() > deadline) {
				this.problems.write(request, response, HttpStatus.CONFLICT,
						"A request with this Idempotency-Key is still being processed.");
				return;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private record Stored(String hash, String state, int status, String type, String location, String body) {
	}

	private static String scope() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return null;
		}
		String name = authentication.getName();
		return (name.length() > 64) ? name.substring(0, 64) : name;
	}

	private static byte[] partsDigest(HttpServletRequest request) throws IOException, ServletException {
		MessageDigest digest = sha256();
		for (Part part : request.getParts()) {
			digest.update(part.getName().getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(part.getInputStream().readAllBytes());
			digest.update((byte) 0);
		}
		return digest.digest();
	}

	private static String hash(HttpServletRequest request, byte[] body) {
		MessageDigest digest = sha256();
		digest.update((request.getMethod() + " " + request.getRequestURI() + "?"
				+ ((request.getQueryString() != null) ? request.getQueryString() : "") + "\n")
			.getBytes(StandardCharsets.UTF_8));
		digest.update(body);
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The request as if it accepted no content coding: the answer recorded is kept and
	 * replayed as text, so it must not be gzipped by the app (pages and JSON are, for a
	 * client that accepts gzip). Tomcat may still compress what leaves this filter.
	 */
	static final class IdentityAnswer extends HttpServletRequestWrapper {

		IdentityAnswer(HttpServletRequest request) {
			super(request);
		}

		private static boolean hidden(String name) {
			return HttpHeaders.ACCEPT_ENCODING.equalsIgnoreCase(name);
		}

		@Override
		public @Nullable String getHeader(String name) {
			return hidden(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			return Collections.enumeration(
					Collections.list(super.getHeaderNames()).stream().filter((name) -> !hidden(name)).toList());
		}

	}

}
