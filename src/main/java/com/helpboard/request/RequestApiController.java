package com.helpboard.request;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import com.helpboard.account.MemberPrincipal;
import com.helpboard.group.GroupView;
import com.helpboard.group.Groups;
import com.helpboard.system.HelpBoardException;
import com.helpboard.system.PageResponse;
import com.helpboard.system.Paging;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1")
class RequestApiController {

	private final Requests requests;

	private final Groups groups;

	RequestApiController(Requests requests, Groups groups) {
		this.requests = requests;
		this.groups = groups;
	}

	record GroupJson(String slug, String name, String nameEn, String description, String descriptionEn,
			String visibility, long memberCount, long openRequests) {

		static GroupJson of(GroupCard card) {
			GroupView group = card.group();
			return new GroupJson(group.slug(), group.name().zh(), group.name().en(), group.description().zh(),
					group.description().en(), group.visibility().name(), group.memberCount(), card.openRequests());
		}

	}

	record GroupDetailJson(String slug, String name, String nameEn, String description, String descriptionEn,
			String visibility, long memberCount, long openRequests, String rules, String rulesEn, int maxOpenPerMember,
			String defaultCampaign) {
	}

	/** The groups the caller may see, with their open-request counts. */
	@GetMapping("/groups")
	PageResponse<GroupJson> groups(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal MemberPrincipal me) {
		Paging.of(page, size);
		List<GroupView> all = this.groups.listVisibleTo((me != null) ? me.id() : null);
		int from = (int) Math.min((long) page * size, all.size());
		int to = Math.min(from + size, all.size());
		return new PageResponse<>(this.requests.cards(all.subList(from, to)).stream().map(GroupJson::of).toList(), page,
				size, to < all.size());
	}

	@GetMapping("/groups/{slug}")
	GroupDetailJson group(@PathVariable String slug, @AuthenticationPrincipal MemberPrincipal me) {
		// a private group is not there for outsiders: the same answer as an unknown one
		GroupView group = this.groups.visit(slug, (me != null) ? me.id() : null, null).group();
		return new GroupDetailJson(group.slug(), group.name().zh(), group.name().en(), group.description().zh(),
				group.description().en(), group.visibility().name(), group.memberCount(),
				this.requests.card(group).openRequests(), group.rules().zh(), group.rules().en(),
				group.maxOpenPerMember(), group.defaultCampaign());
	}

	record RequestJson(long id, String group, String author, String platform, String campaign, String canonicalUrl,
			String shareText, String token, String note, int helpsNeeded, int helpsConfirmed, String status,
			Instant createdAt, Instant expiresAt, Instant boostedUntil, long authorHelpsGiven, long authorHelpsReceived,
			@Nullable Double campaignCompletionRate, @Nullable String title) {

		static RequestJson of(RequestView r, @Nullable Double campaignCompletionRate) {
			return new RequestJson(r.id(), r.group(), r.author(), r.platform(), r.campaign(), r.canonicalUrl(),
					r.shareText(), r.token(), r.note(), r.helpsNeeded(), r.helpsConfirmed(), r.status().name(),
					r.createdAt(), r.expiresAt(), r.boostedUntil(), r.authorReciprocity().given(),
					r.authorReciprocity().received(), campaignCompletionRate, r.what());
		}

	}

	/**
	 * A request as the API returns it, with its campaign's completion rate (from memory).
	 */
	private RequestJson json(RequestView request) {
		return RequestJson.of(request, this.requests.campaignCompletionRate(request));
	}

	/** A feed page; {@code rotation} fixes the fair order, so pass it back to page on. */
	record FeedPage(List<RequestJson> items, int page, int size, boolean hasNext, long rotation) {
	}

	@GetMapping("/groups/{slug}/requests")
	FeedPage feed(@PathVariable String slug, @RequestParam(required = false) String campaign,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
			@RequestParam(required = false) Long rotation, @AuthenticationPrincipal MemberPrincipal me) {
		// not found for outsiders of a private group
		GroupView group = this.groups.visit(slug, (me != null) ? me.id() : null, null).group();
		long view = this.requests.rotation(rotation);
		FeedPages.Entry entry = this.requests.feedView(group,
				(campaign == null || campaign.isBlank()) ? null : campaign, null, view, Paging.of(page, size));
		List<RequestJson> items = entry.drawn(RequestJson.class,
				(feed) -> feed.slice().getContent().stream().map(this::json).toList());
		return new FeedPage(items, page, size, entry.page.slice().hasNext(), view);
	}

	/**
	 * The API's {@link NewRequest}: the link comes as text; the other constraints are the
	 * command's.
	 */
	record PostBody(@NotNull String input, String campaign, Integer helpsNeeded, String note, Integer expiresInHours,
			String title) {
	}

	@PostMapping(path = "/groups/{slug}/requests", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<RequestJson> post(@PathVariable String slug, @Valid @RequestBody PostBody body,
			@AuthenticationPrincipal MemberPrincipal me) {
		RequestView posted = this.requests.post(me.id(), slug, new NewRequest(body.input(), body.campaign(),
				body.helpsNeeded(), body.note(), body.expiresInHours(), body.title()), null);
		return ResponseEntity.created(URI.create("/api/v1/requests/" + posted.id())).body(json(posted));
	}

	@PostMapping(path = "/groups/{slug}/requests/qr", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<RequestJson> postQr(@PathVariable String slug, @RequestPart("image") MultipartFile image,
			@RequestParam(required = false) String campaign, @RequestParam(required = false) Integer helpsNeeded,
			@RequestParam(required = false) String note, @RequestParam(required = false) Integer expiresInHours,
			@RequestParam(required = false) String title, @AuthenticationPrincipal MemberPrincipal me)
			throws IOException {
		RequestView posted = this.requests.post(me.id(), slug,
				new NewRequest(null, campaign, helpsNeeded, note, expiresInHours, title), image.getBytes());
		return ResponseEntity.created(URI.create("/api/v1/requests/" + posted.id())).body(json(posted));
	}

	@GetMapping("/requests/{id}")
	RequestJson get(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me) {
		return json(this.requests.get(id, (me != null) ? me.id() : null));
	}

	@DeleteMapping("/requests/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void withdraw(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me) {
		this.requests.withdraw(id, me.id());
	}

	record Progress(@NotNull Integer helpsConfirmed) {
	}

	@PatchMapping("/requests/{id}/progress")
	RequestJson progress(@PathVariable long id, @Valid @RequestBody Progress body,
			@AuthenticationPrincipal MemberPrincipal me) {
		return json(this.requests.raiseProgress(id, me.id(), body.helpsConfirmed()));
	}

}
