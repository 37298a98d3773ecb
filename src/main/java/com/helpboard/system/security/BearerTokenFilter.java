package com.helpboard.system.security;

import java.io.IOException;
import java.util.Optional;

import com.helpboard.system.ApiTokenAuthenticator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <token>}. A token that is present but unknown or
 * revoked is answered 401 at once, even on public reads, so a bot learns its token is
 * dead.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final String PREFIX = "Bearer ";

	private final ApiTokenAuthenticator tokens;

	private final ProblemResponses problems;

	BearerTokenFilter(ApiTokenAuthenticator tokens, ProblemResponses problems) {
		this.tokens = tokens;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || header.isBlank()) {
			chain.doFilter(request, response);
			return;
		}
		Optional<Authentication> authentication = header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
				? this.tokens.authenticate(header.substring(PREFIX.length()).trim()) : Optional.empty();
		if (authentication.isEmpty()) {
			this.problems.unauthorized(request, response, null);
			return;
		}
		SecurityContextHolder.getContext().setAuthentication(authentication.get());
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
