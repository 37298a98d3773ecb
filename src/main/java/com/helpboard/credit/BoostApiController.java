package com.helpboard.credit;

import java.time.Instant;
import java.util.List;

import com.helpboard.account.MemberPrincipal;
import com.helpboard.request.RequestView;
import com.helpboard.request.Requests;
import com.helpboard.system.HelpBoardException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BoostApiController {

	private final Boosts boosts;

	private final Requests requests;

	BoostApiController(Boosts boosts, Requests requests) {
		this.boosts = boosts;
		this.requests = requests;
	}

	record BoostBody(@NotNull Integer hours) {
	}

	/** {@code estimated}: a queued boost's times are a forecast, not a promise. */
	record BoostJson(long id, long request, long cost, String status, Instant startsAt, Instant endsAt, int hours,
			boolean estimated) {

		static BoostJson of(BoostView boost) {
			return new BoostJson(boost.id(), boost.requestId(), boost.cost(), boost.status(), boost.startsAt(),
					boost.endsAt(), boost.hours(), boost.isEstimate());
		}

	}

	@PostMapping("/api/v1/requests/{id}/boosts")
	@ResponseStatus(HttpStatus.CREATED)
	BoostJson boost(@PathVariable long id, @Valid @RequestBody BoostBody body,
			@AuthenticationPrincipal MemberPrincipal me) {
		return BoostJson.of(this.boosts.boost(me.id(), id, body.hours()));
	}

	@GetMapping("/api/v1/requests/{id}/boosts")
	List<BoostJson> list(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me) {
		// what a request's boosts cost is its author's business (and the site admins'):
		// 404 for whoever may not read the request, 403 for other readers
		if (!me.admin()) {
			RequestView request = this.requests.get(id, me.id());
			if (request.authorId() != me.id()) {
				throw HelpBoardException.forbidden("boost.list.not-author");
			}
		}
		else if (this.requests.find(id).isEmpty()) {
			throw HelpBoardException.notFound("request.not-found");
		}
		return this.boosts.boostsOf(id).stream().map(BoostJson::of).toList();
	}

}
