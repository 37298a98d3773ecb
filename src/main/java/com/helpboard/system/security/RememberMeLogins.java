package com.helpboard.system.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.RememberMeAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.rememberme.AbstractRememberMeServices;
import org.springframework.security.web.authentication.rememberme.InvalidCookieException;
import org.springframework.security.web.authentication.rememberme.RememberMeAuthenticationException;

/**
 * Remember-me logins kept on the server: the cookie carries a random series and secret,
 * the table keeps the secret's SHA-256, so a logout or a password change ends the login
 * for good (a signed cookie would stay valid until it expires) and a stolen database
 * yields no usable cookie.
 */
class RememberMeLogins extends AbstractRememberMeServices {

	static final Duration VALIDITY = Duration.ofDays(30);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcTemplate jdbc;

	private final Clock clock;

	RememberMeLogins(String key, UserDetailsService members, JdbcTemplate jdbc, Clock clock) {
		super(key, members);
		this.jdbc = jdbc;
		this.clock = clock;
		setTokenValiditySeconds((int) VALIDITY.toSeconds());
	}

	@Override
	protected void onLoginSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) {
		String series = random(18);
		String secret = random(32);
		Instant now = this.clock.instant();
		this.jdbc.update(
				"insert into remember_me_logins (series, username, token_hash, created_at, expires_at) values (?, ?, ?, ?, ?)",
				series, authentication.getName(), sha256(secret), Timestamp.from(now),
				Timestamp.from(now.plus(VALIDITY)));
		setCookie(new String[] { series, secret }, getTokenValiditySeconds(), request, response);
	}

	@Override
	protected UserDetails processAutoLoginCookie(String[] cookieTokens, HttpServletRequest request,
			HttpServletResponse response) {
		if (cookieTokens.length != 2 || cookieTokens[0].length() > 64) {
			throw new InvalidCookieException("Not a remember-me cookie of this site");
		}
		List<String[]> rows = this.jdbc.query(
				"select username, token_hash from remember_me_logins where series = ? and expires_at > ?",
				(rs, n) -> new String[] { rs.getString(1), rs.getString(2) }, cookieTokens[0],
				Timestamp.from(this.clock.instant()));
		if (rows.isEmpty()) {
			throw new RememberMeAuthenticationException("This remember-me login has ended");
		}
		String[] row = rows.get(0);
		if (!MessageDigest.isEqual(row[1].getBytes(StandardCharsets.US_ASCII),
				sha256(cookieTokens[1]).getBytes(StandardCharsets.US_ASCII))) {
			throw new RememberMeAuthenticationException("Wrong remember-me secret");
		}
		return getUserDetailsService().loadUserByUsername(row[0]);
	}

	@Override
	protected Authentication createSuccessfulAuthentication(HttpServletRequest request, UserDetails user) {
		RememberMeAuthenticationToken authentication = (RememberMeAuthenticationToken) super.createSuccessfulAuthentication(
				request, user);
		// the session keeps the principal: it must not carry the password hash
		if (authentication.getPrincipal() instanceof CredentialsContainer credentials) {
			credentials.eraseCredentials();
		}
		return authentication;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		String cookie = extractRememberMeCookie(request);
		if (cookie != null && !cookie.isEmpty()) {
			try {
				String[] tokens = decodeCookie(cookie);
				if (tokens.length == 2) {
					this.jdbc.update("delete from remember_me_logins where series = ?", tokens[0]);
				}
			}
			catch (InvalidCookieException ex) {
				// nothing of ours to end
			}
		}
		super.logout(request, response, authentication);
	}

	/** Ends every remember-me login of the member (password changed). */
	void endAll(String username) {
		this.jdbc.update("delete from remember_me_logins where username = ?", username);
	}

	/** Deletes logins past their time; returns how many. */
	int purgeExpired() {
		return this.jdbc.update("delete from remember_me_logins where expires_at <= ?",
				Timestamp.from(this.clock.instant()));
	}

	@Override
	protected void setCookie(String[] tokens, int maxAge, HttpServletRequest request, HttpServletResponse response) {
		Cookie cookie = new Cookie(getCookieName(), encodeCookie(tokens));
		cookie.setMaxAge(maxAge);
		cookie.setPath(cookiePath(request));
		cookie.setSecure(request.isSecure());
		cookie.setHttpOnly(true);
		cookie.setAttribute("SameSite", "Lax");
		response.addCookie(cookie);
	}

	@Override
	protected void cancelCookie(HttpServletRequest request, HttpServletResponse response) {
		setCookie(new String[] { "", "" }, 0, request, response);
	}

	private static String cookiePath(HttpServletRequest request) {
		String path = request.getContextPath();
		return (path.length() > 0) ? path : "/";
	}

	private static String random(int bytes) {
		byte[] value = new byte[bytes];
		RANDOM.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

	static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
