package com.helpboard.profile;

import com.helpboard.account.MemberPrincipal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProfileApiController {

	private final Profiles profiles;

	ProfileApiController(Profiles profiles) {
		this.profiles = profiles;
	}

	@GetMapping("/api/v1/me")
	Profile me(@AuthenticationPrincipal MemberPrincipal me) {
		return this.profiles.of(me.id());
	}

}
