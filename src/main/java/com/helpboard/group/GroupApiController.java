package com.helpboard.group;

import java.util.List;

import com.helpboard.account.MemberPrincipal;
import com.helpboard.system.HelpBoardException;
import com.helpboard.system.PageResponse;
import com.helpboard.system.Paging;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/groups")
class GroupApiController {

	private final Groups groups;

	GroupApiController(Groups groups) {
		this.groups = groups;
	}

	record GroupJson(String slug, String name, String nameEn, String description, String descriptionEn,
			String visibility, long memberCount, long openRequests) {

		static GroupJson of(GroupView group) {
			return new GroupJson(group.slug(), group.name().zh(), group.name().en(), group.description().zh(),
					group.description().en(), group.visibility().name(), group.memberCount(), group.openRequests());
		}

	}

	record GroupDetailJson(String slug, String name, String nameEn, String description, String descriptionEn,
			String visibility, long memberCount, long openRequests, String rules, String rulesEn, int maxOpenPerMember,
			String defaultCampaign) {
	}

	@GetMapping
	PageResponse<GroupJson> list(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal MemberPrincipal me) {
		Paging.of(page, size);
		List<GroupView> all = this.groups.listVisibleTo((me != null) ? me.id() : null);
		int from = (int) Math.min((long) page * size, all.size());
		int to = Math.min(from + size, all.size());
		return new PageResponse<>(all.subList(from, to).stream().map(GroupJson::of).toList(), page, size,
				to < all.size());
	}

	@GetMapping("/{slug}")
	GroupDetailJson get(@PathVariable String slug, @AuthenticationPrincipal MemberPrincipal me) {
		GroupView group = this.groups.get(slug);
		if (!this.groups.canRead(group, (me != null) ? me.id() : null)) {
			// a private group is not there for outsiders:
			// the same answer as an unknown one
			throw HelpBoardException.notFound("group.not-found");
		}
		return new GroupDetailJson(group.slug(), group.name().zh(), group.name().en(), group.description().zh(),
				group.description().en(), group.visibility().name(), group.memberCount(), group.openRequests(),
				group.rules().zh(), group.rules().en(), group.maxOpenPerMember(), group.defaultCampaign());
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
