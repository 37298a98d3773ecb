package com.helpboard.moderation;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import com.helpboard.account.MemberPrincipal;
import com.helpboard.request.RequestView;
import com.helpboard.system.MemberSessions;
import com.helpboard.system.PageResponse;
import com.helpboard.system.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Slice;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The moderation calls of the JSON API (API.md "Moderation"). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Moderation", description = "Reports, the moderation queue, hide/restore, bans and the public log")
class ModerationApiController {

	private final Moderation moderation;

	private final MemberSessions sessions;

	ModerationApiController(Moderation moderation, MemberSessions sessions) {
		this.moderation = moderation;
		this.sessions = sessions;
	}

	record ReportBody(@Nullable ReportReason reason, @Nullable String detail) {
	}

	record ReportJson(long id, long request, String reason, @Nullable String detail, Instant createdAt,
			boolean hidden) {
	}

	@PostMapping("/requests/{id}/reports")
	@Operation(summary = "Report a request",
			description = "reason one of DEAD_LINK, NOT_A_HELP_LINK, SPAM, PHISHING, WRONG_GROUP, OTHER; detail ≤ 280. "
					+ "201; 409 already reported, own or closed request; 403 banned from its group; 429 throttled")
	ResponseEntity<ReportJson> report(@PathVariable long id, @RequestBody ReportBody body,
			@AuthenticationPrincipal MemberPrincipal me) {
		Moderation.Reported reported = this.moderation.report(me.id(), id, body.reason(), body.detail());
		return ResponseEntity.created(URI.create("/api/v1/requests/" + id))
			.body(new ReportJson(reported.id(), reported.requestId(), reported.reason().name(), reported.detail(),
					reported.createdAt(), reported.hidden()));
	}

	/** A request as API.md describes it. */
	record RequestJson(long id, @Nullable String group, String author, String platform, String campaign,
			@Nullable String canonicalUrl, String shareText, @Nullable String token, @Nullable String note,
			int helpsNeeded, int helpsConfirmed, String status, Instant createdAt, Instant expiresAt,
			@Nullable Instant boostedUntil) {

		static RequestJson of(RequestView r, @Nullable String group) {
			return new RequestJson(r.id(), (group != null) ? group : r.group(), r.author(), r.platform(), r.campaign(),
					r.canonicalUrl(), r.shareText(), r.token(), r.note(), r.helpsNeeded(), r.helpsConfirmed(),
					r.status().name(), r.createdAt(), r.expiresAt(), r.boostedUntil());
		}

	}

	record ReportLineJson(String reporter, String reason, @Nullable String detail, double weight, String status,
			Instant at) {
	}

	record QueueItemJson(RequestJson request, boolean hidden, @Nullable String awaitingReview, double weight,
			int threshold, List<ReportLineJson> reports) {
	}

	record QueueJson(List<QueueItemJson> items) {
	}

	@GetMapping("/moderation/queue")
	@Operation(summary = "The moderation queue",
			description = "Reported and hidden requests with their reports, of one group or of every group the caller "
					+ "moderates; 403 for non-moderators")
	QueueJson queue(@RequestParam(required = false) String group, @AuthenticationPrincipal MemberPrincipal me) {
		return new QueueJson(this.moderation.queue(me.id(), group)
			.stream()
			.map((item) -> new QueueItemJson(RequestJson.of(item.request(), item.group()),
					item.request().status() == com.helpboard.request.RequestStatus.HIDDEN, item.awaitingReview(),
					item.weight(), item.threshold(),
					item.reports()
						.stream()
						.map((line) -> new ReportLineJson(line.reporter(), line.reason().name(), line.detail(),
								line.weight(), line.status().name(), line.at()))
						.toList()))
			.toList());
	}

	record Reason(@Nullable String reason) {
	}

	@PostMapping("/requests/{id}/hide")
	@Operation(summary = "Hide a request (moderators of its group, site admins)",
			description = "200 with the request; upholds its pending reports")
	RequestJson hide(@PathVariable long id, @RequestBody Reason body, @AuthenticationPrincipal MemberPrincipal me) {
		return RequestJson.of(this.moderation.hide(me.id(), id, body.reason()), null);
	}

	@PostMapping("/requests/{id}/restore")
	@Operation(summary = "Restore a hidden request (moderators of its group, site admins)",
			description = "200 with the request, open again or expired; its pending reports were false")
	RequestJson restore(@PathVariable long id, @RequestBody Reason body, @AuthenticationPrincipal MemberPrincipal me) {
		return RequestJson.of(this.moderation.restore(me.id(), id, body.reason()), null);
	}

	@PutMapping("/groups/{slug}/moderators/{username}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Name a member of the group moderator (group owner)")
	void nameModerator(@PathVariable String slug, @PathVariable String username,
			@AuthenticationPrincipal MemberPrincipal me) {
		this.moderation.setModerator(me.id(), slug, username, true);
	}

	@DeleteMapping("/groups/{slug}/moderators/{username}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a moderator (group owner)")
	void removeModerator(@PathVariable String slug, @PathVariable String username,
			@AuthenticationPrincipal MemberPrincipal me) {
		this.moderation.setModerator(me.id(), slug, username, false);
	}

	record BanBody(@Nullable Integer hours, @Nullable String reason) {
	}

	@PutMapping("/groups/{slug}/bans/{username}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Ban a member from the group for some hours (moderators)",
			description = "A banned member cannot post, claim or report in the group until the ban ends")
	void ban(@PathVariable String slug, @PathVariable String username, @RequestBody BanBody body,
			@AuthenticationPrincipal MemberPrincipal me) {
		this.moderation.ban(me.id(), slug, username, body.hours(), body.reason());
	}

	@DeleteMapping("/groups/{slug}/bans/{username}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Lift a ban (moderators)")
	void unban(@PathVariable String slug, @PathVariable String username, @AuthenticationPrincipal MemberPrincipal me) {
		this.moderation.unban(me.id(), slug, username);
	}

	@PutMapping("/admin/suspensions/{username}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Suspend an account (site admins)",
			description = "It can no longer sign in or use its tokens; its sessions end")
	void suspend(@PathVariable String username, @RequestBody Reason body, @AuthenticationPrincipal MemberPrincipal me,
			HttpServletRequest request) {
		var suspended = this.moderation.suspend(me.id(), username, body.reason());
		if (suspended != null) {
			this.sessions.endOtherSessions(request, suspended.id(), suspended.username());
		}
	}

	@DeleteMapping("/admin/suspensions/{username}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Lift a suspension (site admins)")
	void unsuspend(@PathVariable String username, @AuthenticationPrincipal MemberPrincipal me) {
		this.moderation.unsuspend(me.id(), username);
	}

	record LogJson(Instant at, String actor, String action, String target, @Nullable String reason,
			@Nullable String group) {
	}

	@GetMapping("/moderation/log")
	@Operation(summary = "The public moderation log, newest first",
			description = "Site-wide, or one group's with ?group=; lines of private groups only for their members")
	PageResponse<LogJson> log(@RequestParam(required = false) String group, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal MemberPrincipal me) {
		Slice<LogLine> lines = this.moderation.log((me != null) ? me.id() : null, group, Paging.of(page, size));
		return new PageResponse<>(lines.getContent()
			.stream()
			.map((line) -> new LogJson(line.at(), line.actor(), line.action().name(), line.target(), line.reason(),
					line.group()))
			.toList(), page, size, lines.hasNext());
	}

}
