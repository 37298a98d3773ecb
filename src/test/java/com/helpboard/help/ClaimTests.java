package com.helpboard.help;

import java.time.Instant;
import java.time.LocalDate;

import com.helpboard.system.Conflict;
import com.helpboard.system.NotAllowed;
import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ClaimTests {

	static final long ID = 42;

	static final long REQUEST = 10;

	static final long HELPER = 2;

	static final long AUTHOR = 3;

	static final Instant CLAIMED = Instant.parse("2026-11-23T04:00:00Z");

	static final Instant LATER = CLAIMED.plusSeconds(600);

	@Test
	void theAuthorConfirmsOnceAndOneEventSaysSo() {
		Claim claim = claim();
		assertThat(claim.confirmBy(AUTHOR, LATER)).isTrue();
		assertThat(claim.getStatus()).isEqualTo(ClaimStatus.CONFIRMED);
		assertThat(claim.getDecidedAt()).isEqualTo(LATER);
		assertThat(claim.isAutoConfirmed()).isFalse();
		assertThat(claim.confirmBy(AUTHOR, LATER.plusSeconds(1))).isFalse();
		assertThat(claim.getDecidedAt()).isEqualTo(LATER);
		assertThat(claim.domainEvents()).containsExactly(new ClaimConfirmed(ID, REQUEST, HELPER, AUTHOR, false, LATER));
	}

	@Test
	void anUnansweredClaimConfirmsItselfAndSaysItWasAutomatic() {
		Claim claim = claim();
		assertThat(claim.confirmUnanswered(LATER)).isTrue();
		assertThat(claim.isAutoConfirmed()).isTrue();
		assertThat(claim.domainEvents()).singleElement()
			.isInstanceOfSatisfying(ClaimConfirmed.class, (event) -> assertThat(event.automatic()).isTrue());
	}

	@Test
	void theAuthorRejectsOnceAndOneEventSaysSo() {
		Claim claim = claim();
		assertThat(claim.rejectBy(AUTHOR, LATER)).isTrue();
		assertThat(claim.getStatus()).isEqualTo(ClaimStatus.REJECTED);
		assertThat(claim.rejectBy(AUTHOR, LATER)).isFalse();
		assertThat(claim.domainEvents()).singleElement().isInstanceOfSatisfying(ClaimRejected.class, (event) -> {
			assertThat(event.claimId()).isEqualTo(ID);
			assertThat(event.helperId()).isEqualTo(HELPER);
			assertThat(event.authorId()).isEqualTo(AUTHOR);
			assertThat(event.requestId()).isEqualTo(REQUEST);
			assertThat(event.at()).isEqualTo(LATER);
		});
	}

	@Test
	void aDecisionIsNotTakenBack() {
		Claim confirmed = claim();
		confirmed.confirmBy(AUTHOR, LATER);
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> confirmed.rejectBy(AUTHOR, LATER))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("help.claim.already-confirmed"));
		Claim rejected = claim();
		rejected.rejectBy(AUTHOR, LATER);
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> rejected.confirmBy(AUTHOR, LATER))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("help.claim.already-rejected"));
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> rejected.confirmUnanswered(LATER));
		assertThat(confirmed.domainEvents()).hasSize(1);
		assertThat(rejected.domainEvents()).hasSize(1);
	}

	@Test
	void onlyTheAuthorDecides() {
		Claim claim = claim();
		assertThatExceptionOfType(NotAllowed.class).isThrownBy(() -> claim.confirmBy(HELPER, LATER))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("help.claim.not-author"));
		assertThatExceptionOfType(NotAllowed.class).isThrownBy(() -> claim.rejectBy(HELPER, LATER));
		assertThat(claim.getStatus()).isEqualTo(ClaimStatus.CLAIMED);
		assertThat(claim.domainEvents()).isEmpty();
	}

	@Test
	void aNewClaimAnnouncesItselfOnceSavingGaveItAnId() {
		Claim claim = new Claim(REQUEST, HELPER, AUTHOR, "kanjia", CLAIMED, LocalDate.of(2026, 11, 23));
		// before saving there is no id to announce
		assertThat(claim.domainEvents()).isEmpty();
		ReflectionTestUtils.setField(claim, "id", ID);
		assertThat(claim.domainEvents()).containsExactly(new ClaimMade(ID, REQUEST, HELPER, AUTHOR, "kanjia", CLAIMED));
		claim.clearDomainEvents();
		assertThat(claim.domainEvents()).isEmpty();
	}

	/** A claim as stored and announced: its id is the database's. */
	private static Claim claim() {
		Claim claim = new Claim(REQUEST, HELPER, AUTHOR, "kanjia", CLAIMED, LocalDate.of(2026, 11, 23));
		ReflectionTestUtils.setField(claim, "id", ID);
		assertThat(claim.domainEvents()).hasSize(1);
		claim.clearDomainEvents();
		return claim;
	}

	static final java.time.Duration WINDOW = java.time.Duration.ofHours(72);

	@Test
	void theAuthorMayRejectAnAutoConfirmedClaimWithin72HoursWhichReversesIt() {
		Claim claim = claim();
		claim.confirmUnanswered(LATER);
		Instant withinWindow = LATER.plus(WINDOW).minusSeconds(1);
		assertThat(claim.rejectableAt(withinWindow, WINDOW)).isTrue();
		assertThat(claim.rejectBy(AUTHOR, withinWindow, WINDOW)).isTrue();
		assertThat(claim.getStatus()).isEqualTo(ClaimStatus.REJECTED);
		assertThat(claim.domainEvents()).containsExactly(new ClaimConfirmed(ID, REQUEST, HELPER, AUTHOR, true, LATER),
				new ClaimRejected(ID, REQUEST, HELPER, AUTHOR, withinWindow),
				new ClaimReversed(ID, REQUEST, HELPER, AUTHOR, withinWindow));
		assertThat(claim.rejectBy(AUTHOR, withinWindow, WINDOW)).isFalse();
	}

	@Test
	void anAutoConfirmedClaimCannotBeRejectedAfter72Hours() {
		Claim claim = claim();
		claim.confirmUnanswered(LATER);
		assertThat(claim.rejectableAt(LATER.plus(WINDOW), WINDOW)).isFalse();
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> claim.rejectBy(AUTHOR, LATER.plus(WINDOW), WINDOW))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("help.claim.reject-window-passed"));
		assertThat(claim.getStatus()).isEqualTo(ClaimStatus.CONFIRMED);
	}

	@Test
	void aClaimTheAuthorConfirmedCannotBeRejectedEvenWithinTheWindow() {
		Claim claim = claim();
		claim.confirmBy(AUTHOR, LATER);
		assertThat(claim.rejectableAt(LATER, WINDOW)).isFalse();
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> claim.rejectBy(AUTHOR, LATER, WINDOW))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("help.claim.already-confirmed"));
	}

}
