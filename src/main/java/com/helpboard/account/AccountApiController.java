package com.helpboard.account;

import java.net.URI;
import java.time.Instant;

import java.util.List;

import com.helpboard.system.HelpBoardException;
import com.helpboard.system.MemberSessions;
import com.helpboard.system.PlainText;
import com.helpboard.system.Unauthenticated;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class AccountApiController {

	private final Accounts accounts;

	private final MemberSessions memberSessions;

	AccountApiController(Accounts accounts, MemberSessions memberSessions) {
		this.accounts = accounts;
		this.memberSessions = memberSessions;
	}

	/** The password is checked by the password rules, exactly as sent. */
	record NewAccount(@NotNull @Size(max = 64) @PlainText String username,
			@NotNull @Size(max = AccountController.PASSWORD_INPUT_MAX) String password) {
	}

	record AccountCreated(long id, String username) {
	}

	@PostMapping("/accounts")
	ResponseEntity<AccountCreated> register(@Valid @RequestBody NewAccount body) {
		MemberSummary member = this.accounts.register(body.username(), body.password());
		return ResponseEntity.created(URI.create("/api/v1/me"))
			.body(new AccountCreated(member.id(), member.username()));
	}

	record NewToken(@NotNull @Size(max = 64) @PlainText String username,
			@NotNull @Size(max = AccountController.PASSWORD_INPUT_MAX) String password,
			@Size(max = 64) @PlainText String name) {
	}

	record TokenCreated(long id, String token, String name, Instant createdAt) {
	}

	@PostMapping("/tokens")
	ResponseEntity<TokenCreated> issueToken(@Valid @RequestBody NewToken body) {
		MemberSummary member = this.accounts.verify(body.username(), body.password())
			.orElseThrow(() -> new Unauthenticated("account.login.failed"));
		if (member.suspended()) {
			throw HelpBoardException.forbidden("account.suspended");
		}
		IssuedToken token = this.accounts.issueToken(member.id(), body.name());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new TokenCreated(token.id(), token.token(), token.name(), token.createdAt()));
	}

	@DeleteMapping("/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revokeToken(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me) {
		this.accounts.revokeToken(me.id(), id);
	}

	@GetMapping("/me/tokens")
	List<Accounts.TokenView> tokens(@AuthenticationPrincipal MemberPrincipal me) {
		return this.accounts.tokens(me.id());
	}

	record PasswordChange(@NotNull @Size(max = AccountController.PASSWORD_INPUT_MAX) String currentPassword,
			@NotNull @Size(max = AccountController.PASSWORD_INPUT_MAX) String newPassword) {
	}

	/**
	 * Changes the password and ends every browser session and remember-me login of the
	 * member (API tokens stay until revoked).
	 */
	@PutMapping("/me/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void changePassword(@Valid @RequestBody PasswordChange body, @AuthenticationPrincipal MemberPrincipal me,
			HttpServletRequest request) {
		this.accounts.changePassword(me.id(), body.currentPassword(), body.newPassword());
		// the API has no session of its own: a session cookie sent along is ended too
		this.memberSessions.endOtherSessions(withoutSession(request), me.id(), me.username());
	}

	private static HttpServletRequest withoutSession(HttpServletRequest request) {
		return new HttpServletRequestWrapper(request) {

			@Override
			public HttpSession getSession(boolean create) {
				return null;
			}

			@Override
			public HttpSession getSession() {
				return null;
			}

		};
	}

}
