package com.helpboard.account;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in member, on pages and on the API alike: controllers take it with
 * {@code @AuthenticationPrincipal MemberPrincipal me}.
 */
public record MemberPrincipal(long id, String username, String passwordHash, boolean admin) implements UserDetails {

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.admin ? List.of(new SimpleGrantedAuthority("ROLE_MEMBER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
				: List.of(new SimpleGrantedAuthority("ROLE_MEMBER"));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public String toString() {
		return "MemberPrincipal[id=" + this.id + ", username=" + this.username + "]";
	}

}
