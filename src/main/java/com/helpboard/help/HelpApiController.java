package com.helpboard.help;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.helpboard.account.MemberPrincipal;
import com.helpboard.group.GroupView;
import com.helpboard.group.Groups;
import com.helpboard.request.RequestView;
import com.helpboard.system.FieldRejection;
import com.helpboard.system.HelpBoardException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class HelpApiController {

	private final Helps helps;

	private final Groups groups;

	private final HelpQueue helpQueue;

	HelpApiController(Helps helps, Groups groups, HelpQueue helpQueue) {
		this.helps = helps;
		this.helpQueue = helpQueue;
		this.groups = groups;
	}

	record ClaimJson(long id, long request, String helper, String status, Instant createdAt, Instant decidedAt,
			boolean autoConfirmed, boolean rejectable, @Nullable String rejectReason, @Nullable String answer,
			@Nullable String helperNickname) {

		static ClaimJson of(ClaimView claim) {
			return new ClaimJson(claim.id(), claim.requestId(), claim.helper(), claim.status().name(),
					claim.createdAt(), claim.decidedAt(), claim.autoConfirmed(), claim.rejectable(),
					(claim.rejectReason() != null) ? claim.rejectReason().name() : null, claim.answer(),
					claim.helperNickname());
		}

	}

	/** Why the author rejects: one of {@link RejectReason}'s names; optional. */
	record RejectBody(@Nullable String reason) {

	}

	/** The helper's one answer to a rejection. */
	record AnswerBody(@Nullable String text) {

	}

	@PostMapping("/requests/{id}/claims")
	ResponseEntity<ClaimJson> claim(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me) {
		ClaimView claim = this.helps.claim(me.id(), id);
		return ResponseEntity.created(URI.create("/api/v1/claims/" + claim.id())).body(ClaimJson.of(claim));
	}

	@GetMapping("/requests/{id}/claims")
	List<ClaimJson> claims(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me) {
		return this.helps.claimsOn(id, me.id()).stream().map(ClaimJson::of).toList();
	}

	@PostMapping("/claims/{id}/confirm")
	ClaimJson confirm(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me) {
		return ClaimJson.of(this.helps.confirm(me.id(), id));
	}

	@PostMapping("/claims/{id}/reject")
	ClaimJson reject(@PathVariable long id, @RequestBody(required = false) @Nullable RejectBody body,
			@AuthenticationPrincipal MemberPrincipal me) {
		RejectReason reason = null;
		if (body != null && body.reason() != null) {
			reason = RejectReason.parse(body.reason())
				.orElseThrow(() -> new FieldRejection("reason", "help.rejectReason.invalid"));
		}
		return ClaimJson.of(this.helps.reject(me.id(), id, reason));
	}

	@PostMapping("/claims/{id}/answer")
	ClaimJson answer(@PathVariable long id, @RequestBody AnswerBody body, @AuthenticationPrincipal MemberPrincipal me) {
		return ClaimJson.of(this.helps.answer(me.id(), id, body.text()));
	}

	record QueueItem(long id, String group, String author, String platform, String campaign, String canonicalUrl,
			String shareText, String token, String note, int helpsNeeded, int helpsConfirmed, String status,
			Instant createdAt, Instant expiresAt, Instant boostedUntil) {

		static QueueItem of(RequestView r) {
			return new QueueItem(r.id(), r.group(), r.author(), r.platform(), r.campaign(), r.canonicalUrl(),
					r.shareText(), r.token(), r.note(), r.helpsNeeded(), r.helpsConfirmed(), r.status().name(),
					r.createdAt(), r.expiresAt(), r.boostedUntil());
		}

	}

	@GetMapping("/queue/next")
	ResponseEntity<QueueItem> next(@RequestParam(required = false) String group,
			@AuthenticationPrincipal MemberPrincipal me) {
		List<Long> groupIds = (group != null && !group.isBlank()) ? List.of(memberGroup(group, me.id()).id())
				: this.groups.groupIdsForView(me.id());
		return Optional.ofNullable(this.helpQueue.view(me.id(), groupIds, List.of()).next())
			.map((request) -> ResponseEntity.ok(QueueItem.of(request)))
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	/**
	 * One of the member's groups; any other answers as an unknown one, so the queue tells
	 * nobody whether a group they are not in has open requests.
	 */
	private GroupView memberGroup(String slug, long memberId) {
		GroupView group = this.groups.get(slug);
		if (!this.groups.isMember(group.id(), memberId)) {
			throw HelpBoardException.notFound("group.not-found");
		}
		return group;
	}

}
