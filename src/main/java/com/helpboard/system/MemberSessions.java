package com.helpboard.system;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Signing in and out outside the login form, for the account module: the sign-in that
 * follows registration, and ending a member's other logins when the password changes.
 */
public interface MemberSessions {

	/**
	 * Signs the member in on this request as the login form would: checks the password,
	 * gives the browser a new session id and a new CSRF token, and keeps the login in the
	 * session.
	 * @return false when the name and password do not match
	 */
	boolean signIn(HttpServletRequest request, HttpServletResponse response, String username, String password);

	/**
	 * Ends every session of the member except the one of this request (if any), and every
	 * remember-me login, on all instances.
	 */
	void endOtherSessions(HttpServletRequest request, long memberId, String username);

	/**
	 * The page this browser was sent to log in from (a same-site path, see
	 * {@link ReturnTarget}), forgotten once taken; empty when there is none.
	 */
	Optional<String> takeSavedPage(HttpServletRequest request, HttpServletResponse response);

}
