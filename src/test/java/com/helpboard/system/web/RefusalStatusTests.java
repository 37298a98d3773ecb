package com.helpboard.system.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import com.helpboard.system.Conflict;
import com.helpboard.system.FieldRejection;
import com.helpboard.system.FieldRejection.Kind;
import com.helpboard.system.HelpBoardException;
import com.helpboard.system.Invalid;
import com.helpboard.system.LimitReached;
import com.helpboard.system.NotAllowed;
import com.helpboard.system.NotFound;
import com.helpboard.system.Unauthenticated;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

class RefusalStatusTests {

	private static final Map<HelpBoardException, HttpStatus> STATUSES = Map.of(new NotFound("k"), HttpStatus.NOT_FOUND,
			new NotAllowed("k"), HttpStatus.FORBIDDEN, new Conflict("k"), HttpStatus.CONFLICT,
			new LimitReached(Instant.EPOCH, "k"), HttpStatus.TOO_MANY_REQUESTS, new Invalid("k"),
			HttpStatus.BAD_REQUEST, new FieldRejection("f", "k"), HttpStatus.BAD_REQUEST, new Unauthenticated("k"),
			HttpStatus.UNAUTHORIZED);

	@Test
	void everyRefusalHasItsStatus() {
		STATUSES.forEach((refusal, status) -> assertThat(RefusalStatus.of(refusal)).as(refusal.getClass().getName())
			.isEqualTo(status));
	}

	@Test
	void noRefusalIsLeftWithoutAStatus() {
		// Java 17 cannot switch over a sealed type: this stands in for the compiler
		assertThat(STATUSES.keySet().stream().map(Object::getClass).distinct())
			.containsExactlyInAnyOrderElementsOf(Arrays.asList(HelpBoardException.class.getPermittedSubclasses()));
	}

	@Test
	void aFieldIsRefusedWithTheStatusOfItsKind() {
		assertThat(Arrays.stream(Kind.values()).map(RefusalStatus::of)).containsExactly(HttpStatus.BAD_REQUEST,
				HttpStatus.CONFLICT, HttpStatus.FORBIDDEN, HttpStatus.CONTENT_TOO_LARGE,
				HttpStatus.UNPROCESSABLE_CONTENT, HttpStatus.SERVICE_UNAVAILABLE);
	}

}
