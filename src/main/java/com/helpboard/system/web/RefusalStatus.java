package com.helpboard.system.web;

import com.helpboard.system.Conflict;
import com.helpboard.system.FieldRejection;
import com.helpboard.system.HelpBoardException;
import com.helpboard.system.Invalid;
import com.helpboard.system.LimitReached;
import com.helpboard.system.NotAllowed;
import com.helpboard.system.NotFound;
import com.helpboard.system.Unauthenticated;

import org.springframework.http.HttpStatus;

/**
 * The one place a refusal becomes an HTTP status, for the API and for pages alike.
 * {@code RefusalStatusTests} fails when a permitted refusal is missing here (Java 17 has
 * no exhaustive switch over a sealed type yet).
 */
final class RefusalStatus {

	private RefusalStatus() {
	}

	static HttpStatus of(HelpBoardException refusal) {
		if (refusal instanceof FieldRejection field) {
			return of(field.kind());
		}
		if (refusal instanceof NotFound) {
			return HttpStatus.NOT_FOUND;
		}
		if (refusal instanceof NotAllowed) {
			return HttpStatus.FORBIDDEN;
		}
		if (refusal instanceof Conflict) {
			return HttpStatus.CONFLICT;
		}
		if (refusal instanceof LimitReached) {
			return HttpStatus.TOO_MANY_REQUESTS;
		}
		if (refusal instanceof Invalid) {
			return HttpStatus.BAD_REQUEST;
		}
		if (refusal instanceof Unauthenticated) {
			return HttpStatus.UNAUTHORIZED;
		}
		throw new IllegalStateException("No status for " + refusal.getClass().getName());
	}

	static HttpStatus of(FieldRejection.Kind kind) {
		return switch (kind) {
			case INVALID -> HttpStatus.BAD_REQUEST;
			case TAKEN -> HttpStatus.CONFLICT;
			case DENIED -> HttpStatus.FORBIDDEN;
			case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
			case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
			case BUSY -> HttpStatus.SERVICE_UNAVAILABLE;
		};
	}

}
