package com.helpboard.system.security;

import java.net.URI;
import java.util.Optional;

import com.helpboard.system.MemberSessions;
import com.helpboard.system.ReturnTarget;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/** {@link MemberSessions} on Spring Security and Spring Session JDBC. */
@Component
class SignIns implements MemberSessions {

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	private final AuthenticationManager authentication;

	private final SessionAuthenticationStrategy onLogin;

	private final SecurityContextRepository contexts;

	private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

	private final RememberMeLogins rememberMe;

	SignIns(AuthenticationManager authentication, SessionAuthenticationStrategy onLogin,
			SecurityContextRepository contexts, ObjectProvider<FindByIndexNameSessionRepository<?>> sessions,
			RememberMeLogins rememberMe) {
		this.authentication = authentication;
		this.onLogin = onLogin;
		this.contexts = contexts;
		this.sessions = sessions;
		this.rememberMe = rememberMe;
	}

	@Override
	public boolean signIn(HttpServletRequest request, HttpServletResponse response, String username, String password) {
		Authentication result;
		try {
			result = this.authentication
				.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
		}
		catch (AuthenticationException ex) {
			return false;
		}
		// a new session id and CSRF token, as after the login form (no session fixation)
		this.onLogin.onAuthentication(result, request, response);
		SecurityContext context = this.holder.createEmptyContext();
		context.setAuthentication(result);
		this.holder.setContext(context);
		this.contexts.saveContext(context, request, response);
		return true;
	}

	@Override
	public Optional<String> takeSavedPage(HttpServletRequest request, HttpServletResponse response) {
		CookieRequestCache cache = SecurityConfiguration.returnAfterLogin();
		SavedRequest saved = cache.getRequest(request, response);
		if (saved == null) {
			return Optional.empty();
		}
		cache.removeRequest(request, response);
		try {
			URI uri = URI.create(saved.getRedirectUrl());
			String path = uri.getRawPath();
			String query = uri.getRawQuery();
			return ReturnTarget.of((query != null) ? path + "?" + query : path);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	@Override
	public void endOtherSessions(HttpServletRequest request, long memberId, String username) {
		HttpSession current = request.getSession(false);
		String keep = (current != null) ? current.getId() : null;
		FindByIndexNameSessionRepository<?> repository = this.sessions.getIfAvailable();
		if (repository != null) {
			repository.findByPrincipalName(username)
				.keySet()
				.stream()
				.filter((id) -> !id.equals(keep))
				.forEach(repository::deleteById);
		}
		this.rememberMe.endAll(username);
	}

}
