package com.helpboard.account;

import java.io.Serial;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import com.helpboard.system.MemberIdentity;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in member, on pages and on the API alike: controllers take it with
 * {@code @AuthenticationPrincipal MemberPrincipal me}. The password hash is here only
 * while a login is checked; Spring Security erases it before the session keeps this.
 */
public final class MemberPrincipal implements UserDetails, CredentialsContainer, MemberIdentity {

	@Serial
	private static final long serialVersionUID = 2L;

	private final long id;

	private final String username;

	private String passwordHash;

	private final boolean admin;

	private final Instant joinedAt;

	private final boolean suspended;

	public MemberPrincipal(long id, String username, String passwordHash, boolean admin) {
		this(id, username, passwordHash, admin, null, false);
	}

	public MemberPrincipal(long id, String username, String passwordHash, boolean admin, Instant joinedAt) {
		this(id, username, passwordHash, admin, joinedAt, false);
	}

	public MemberPrincipal(long id, String username, String passwordHash, boolean admin, Instant joinedAt,
			boolean suspended) {
		this.id = id;
		this.username = username;
		this.passwordHash = passwordHash;
		this.admin = admin;
		this.joinedAt = joinedAt;
		this.suspended = suspended;
	}

	public long id() {
		return this.id;
	}

	public String username() {
		return this.username;
	}

	public boolean admin() {
		return this.admin;
	}

	@Override
	public long memberId() {
		return this.id;
	}

	@Override
	public Instant joinedAt() {
		return this.joinedAt;
	}

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

	/** A suspended account is locked: form login and remember-me refuse it. */
	@Override
	public boolean isAccountNonLocked() {
		return !this.suspended;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof MemberPrincipal that && this.id == that.id && this.username.equals(that.username)
				&& this.admin == that.admin;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.id, this.username, this.admin);
	}

	@Override
	public String toString() {
		return "MemberPrincipal[id=" + this.id + ", username=" + this.username + "]";
	}

}
