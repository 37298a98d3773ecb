package com.helpboard.request;

import java.time.Duration;
import java.time.Instant;

import com.helpboard.system.Conflict;
import com.helpboard.system.NotAllowed;
import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HelpRequestTests {

	static final long ID = 42;

	static final long GROUP = 7;

	static final long AUTHOR = 3;

	static final long OTHER = 4;

	static final Instant POSTED = Instant.parse("2026-11-23T04:00:00Z");

	static final Instant EXPIRES = POSTED.plus(Duration.ofHours(24));

	static final Instant LATER = POSTED.plusSeconds(600);

	@Test
	void anOverdueRequestExpiresOnceAndOneEventSaysSo() {
		HelpRequest request = request(2);
		assertThat(request.expire(LATER)).isFalse();
		assertThat(request.domainEvents()).isEmpty();
		assertThat(request.expire(EXPIRES)).isTrue();
		assertThat(request.getStatus()).isEqualTo(RequestStatus.EXPIRED);
		assertThat(request.getClosedAt()).isEqualTo(EXPIRES);
		assertThat(request.expire(EXPIRES.plusSeconds(1))).isFalse();
		assertThat(request.domainEvents())
			.containsExactly(new RequestClosed(ID, GROUP, RequestStatus.EXPIRED, EXPIRES));
	}

	@Test
	void theAuthorWithdrawsOnceAndOneEventSaysSo() {
		HelpRequest request = request(2);
		request.withdraw(AUTHOR, LATER);
		assertThat(request.getStatus()).isEqualTo(RequestStatus.REMOVED);
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> request.withdraw(AUTHOR, LATER))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("request.not-open"));
		assertThat(request.domainEvents()).containsExactly(new RequestClosed(ID, GROUP, RequestStatus.REMOVED, LATER));
	}

	@Test
	void raisingProgressToNOfNFulfilsOnceAndOneEventSaysSo() {
		HelpRequest request = request(3);
		request.raiseProgress(AUTHOR, 2, LATER);
		assertThat(request.getStatus()).isEqualTo(RequestStatus.OPEN);
		assertThat(request.domainEvents()).isEmpty();
		request.raiseProgress(AUTHOR, 5, LATER);
		assertThat(request.getStatus()).isEqualTo(RequestStatus.FULFILLED);
		assertThat(request.getHelpsConfirmed()).isEqualTo(3);
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> request.raiseProgress(AUTHOR, 3, LATER))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("request.not-open"));
		assertThat(request.domainEvents())
			.containsExactly(new RequestClosed(ID, GROUP, RequestStatus.FULFILLED, LATER));
	}

	@Test
	void confirmedHelpsFulfilAtNOfNAndSaySoOnce() {
		HelpRequest request = request(2);
		request.recordConfirmedHelp(LATER);
		assertThat(request.domainEvents()).isEmpty();
		request.recordConfirmedHelp(LATER);
		assertThat(request.getStatus()).isEqualTo(RequestStatus.FULFILLED);
		request.recordConfirmedHelp(LATER.plusSeconds(1));
		assertThat(request.getHelpsConfirmed()).isEqualTo(2);
		assertThat(request.domainEvents())
			.containsExactly(new RequestClosed(ID, GROUP, RequestStatus.FULFILLED, LATER));
	}

	@Test
	void aConfirmedHelpOnAClosedRequestCountsButDoesNotCloseItAgain() {
		HelpRequest request = request(1);
		request.withdraw(AUTHOR, LATER);
		request.recordConfirmedHelp(LATER);
		assertThat(request.getStatus()).isEqualTo(RequestStatus.REMOVED);
		assertThat(request.domainEvents()).singleElement()
			.isInstanceOfSatisfying(RequestClosed.class,
					(event) -> assertThat(event.status()).isEqualTo(RequestStatus.REMOVED));
	}

	@Test
	void hidingClosesOnceAndRestoringReopensOnce() {
		HelpRequest request = request(1);
		request.hide(LATER);
		request.hide(LATER);
		assertThat(request.getStatus()).isEqualTo(RequestStatus.HIDDEN);
		assertThat(request.restore(LATER)).isTrue();
		assertThat(request.restore(LATER)).isFalse();
		assertThat(request.getStatus()).isEqualTo(RequestStatus.OPEN);
		assertThat(request.domainEvents()).containsExactly(new RequestClosed(ID, GROUP, RequestStatus.HIDDEN, LATER),
				new RequestRestored(ID, GROUP, AUTHOR, LATER));
	}

	@Test
	void aRequestRestoredPastItsExpiryIsExpired() {
		HelpRequest request = request(1);
		request.hide(LATER);
		assertThat(request.restore(EXPIRES)).isTrue();
		assertThat(request.getStatus()).isEqualTo(RequestStatus.EXPIRED);
		assertThat(request.getClosedAt()).isEqualTo(EXPIRES);
		assertThat(request.domainEvents()).containsExactly(new RequestClosed(ID, GROUP, RequestStatus.HIDDEN, LATER),
				new RequestRestored(ID, GROUP, AUTHOR, EXPIRES));
	}

	@Test
	void onlyTheAuthorWithdrawsOrRaisesProgress() {
		HelpRequest request = request(2);
		assertThatExceptionOfType(NotAllowed.class).isThrownBy(() -> request.withdraw(OTHER, LATER))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("request.not-author"));
		assertThatExceptionOfType(NotAllowed.class).isThrownBy(() -> request.raiseProgress(OTHER, 2, LATER));
		assertThat(request.getStatus()).isEqualTo(RequestStatus.OPEN);
		assertThat(request.domainEvents()).isEmpty();
	}

	@Test
	void progressIsNotLowered() {
		HelpRequest request = request(3);
		request.raiseProgress(AUTHOR, 2, LATER);
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> request.raiseProgress(AUTHOR, 1, LATER))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("request.progress.lower"));
		assertThat(request.getHelpsConfirmed()).isEqualTo(2);
		assertThat(request.domainEvents()).isEmpty();
	}

	@Test
	void aClosedRequestCannotChange() {
		HelpRequest request = request(2);
		request.expire(EXPIRES);
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> request.withdraw(AUTHOR, EXPIRES));
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> request.raiseProgress(AUTHOR, 2, EXPIRES));
		request.hide(EXPIRES);
		request.restore(EXPIRES);
		assertThat(request.getStatus()).isEqualTo(RequestStatus.EXPIRED);
		assertThat(request.domainEvents()).hasSize(1);
	}

	@Test
	void anOpenRequestPastItsTimeCannotProgress() {
		HelpRequest request = request(2);
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> request.raiseProgress(AUTHOR, 1, EXPIRES));
		assertThat(request.domainEvents()).isEmpty();
	}

	@Test
	void aNewRequestAnnouncesItselfOnceSavingGaveItAnId() {
		HelpRequest request = posted(3);
		// before saving there is no id to announce
		assertThat(request.domainEvents()).isEmpty();
		ReflectionTestUtils.setField(request, "id", ID);
		assertThat(request.domainEvents()).containsExactly(new RequestPosted(ID, GROUP, AUTHOR, "pdd-bargain", POSTED));
		request.clearDomainEvents();
		assertThat(request.domainEvents()).isEmpty();
	}

	/** A request as stored and announced: its id is the database's. */
	private static HelpRequest request(int helpsNeeded) {
		HelpRequest request = posted(helpsNeeded);
		ReflectionTestUtils.setField(request, "id", ID);
		assertThat(request.domainEvents()).hasSize(1);
		request.clearDomainEvents();
		return request;
	}

	private static HelpRequest posted(int helpsNeeded) {
		return new HelpRequest(GROUP, AUTHOR, "alice", "PINDUODUO", "pdd-bargain",
				"https://mobile.yangkeduo.com/goods.html?goods_id=1", "share", null, "goods_id=1|pdd-bargain", null,
				helpsNeeded, POSTED, EXPIRES);
	}

}
