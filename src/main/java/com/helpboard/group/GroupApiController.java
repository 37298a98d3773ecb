package com.helpboard.group;

import com.helpboard.account.MemberPrincipal;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Joining and leaving; the group listings, with their open-request counts, are the
 * request module's.
 */
@RestController
@RequestMapping("/api/v1/groups")
class GroupApiController {

	private final Groups groups;

	GroupApiController(Groups groups) {
		this.groups = groups;
	}

	record Membership(String inviteCode) {
	}

	@PutMapping("/{slug}/membership")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void join(@PathVariable String slug, @RequestBody(required = false) Membership body,
			@AuthenticationPrincipal MemberPrincipal me) {
		this.groups.join(slug, me.id(), (body != null) ? body.inviteCode() : null);
	}

	@DeleteMapping("/{slug}/membership")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void leave(@PathVariable String slug, @AuthenticationPrincipal MemberPrincipal me) {
		this.groups.leave(slug, me.id());
	}

}
