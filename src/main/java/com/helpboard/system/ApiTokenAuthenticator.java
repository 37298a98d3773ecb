package com.helpboard.system;

import java.util.Optional;

import org.springframework.security.core.Authentication;

/**
 * Turns a bearer token of the API into an authentication; implemented by the account
 * module so security here needs no knowledge of members.
 */
public interface ApiTokenAuthenticator {

	Optional<Authentication> authenticate(String rawToken);

}
