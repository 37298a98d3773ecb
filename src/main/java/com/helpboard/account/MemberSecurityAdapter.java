package com.helpboard.account;

import java.util.Optional;

import com.helpboard.system.ApiTokenAuthenticator;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Plugs members into Spring Security: form login and remember-me, and API tokens. */
@Component
class MemberSecurityAdapter implements UserDetailsService, ApiTokenAuthenticator {

	private final Accounts accounts;

	MemberSecurityAdapter(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.accounts.principal(username).orElseThrow(() -> new UsernameNotFoundException("unknown"));
	}

	@Override
	public Optional<Authentication> authenticate(String rawToken) {
		return this.accounts.authenticateToken(rawToken).map((principal) -> {
			principal.eraseCredentials();
			return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
		});
	}

}
