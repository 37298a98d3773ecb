package com.helpboard.account;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import com.helpboard.system.HelpBoardException;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class AccountApiController {

	private final Accounts accounts;

	AccountApiController(Accounts accounts) {
		this.accounts = accounts;
	}

	record NewAccount(@NotNull @Size(max = 64) String username, @NotNull @Size(max = 200) String password) {
	}

	record AccountCreated(long id, String username) {
	}

	@PostMapping("/accounts")
	ResponseEntity<AccountCreated> register(@Valid @RequestBody NewAccount body) {
		MemberSummary member = this.accounts.register(body.username(), body.password());
		return ResponseEntity.created(URI.create("/api/v1/me"))
			.body(new AccountCreated(member.id(), member.username()));
	}

	record NewToken(@NotNull @Size(max = 64) String username, @NotNull @Size(max = 200) String password,
			@Size(max = 64) String name) {
	}

	record TokenCreated(long id, String token, String name, Instant createdAt) {
	}

	@PostMapping("/tokens")
	ResponseEntity<TokenCreated> issueToken(@Valid @RequestBody NewToken body) {
		MemberSummary member = this.accounts.verify(body.username(), body.password())
			.orElseThrow(() -> new HelpBoardException(HttpStatus.UNAUTHORIZED, "account.login.failed"));
		IssuedToken token = this.accounts.issueToken(member.id(), body.name());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new TokenCreated(token.id(), token.token(), token.name(), token.createdAt()));
	}

	@DeleteMapping("/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revokeToken(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me) {
		this.accounts.revokeToken(me.id(), id);
	}

	@GetMapping("/me")
	Map<String, Object> me(@AuthenticationPrincipal MemberPrincipal me) {
		return this.accounts.profile(me.id());
	}

}
