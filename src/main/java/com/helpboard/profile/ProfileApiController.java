package com.helpboard.profile;

import com.helpboard.account.Accounts;
import com.helpboard.account.MemberPrincipal;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProfileApiController {

	private final Profiles profiles;

	private final Accounts accounts;

	ProfileApiController(Profiles profiles, Accounts accounts) {
		this.profiles = profiles;
		this.accounts = accounts;
	}

	@GetMapping("/api/v1/me")
	Profile me(@AuthenticationPrincipal MemberPrincipal me) {
		return this.profiles.of(me.id());
	}

	/** The nickname to show on the member's claims; null or blank clears it. */
	record NicknameJson(@Nullable String nickname) {

	}

	/**
	 * Sets or clears the member's Pinduoduo / WeChat nickname; answers what is stored
	 * (400 when it breaks the rules: 1–32 visible characters).
	 */
	@PutMapping("/api/v1/me/nickname")
	NicknameJson nickname(@RequestBody NicknameJson body, @AuthenticationPrincipal MemberPrincipal me) {
		return new NicknameJson(this.accounts.changeNickname(me.id(), body.nickname()).orElse(null));
	}

}
