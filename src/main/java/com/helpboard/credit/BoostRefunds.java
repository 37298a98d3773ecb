package com.helpboard.credit;

import com.helpboard.request.RequestClosed;
import com.helpboard.request.RequestsClosed;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A request closed (fulfilled, expired, withdrawn, hidden): its boosts that never started
 * are refunded in full, the one that runs ends, and its slot goes to the next in the
 * queue. Runs after the close committed, from the persisted event registry; a replay
 * refunds nothing twice (the boost is no longer queued, and the ledger key is spent), and
 * the scheduler's sweep catches whatever this missed.
 */
@Component
class BoostRefunds {

	private final Boosts boosts;

	BoostRefunds(Boosts boosts) {
		this.boosts = boosts;
	}

	@ApplicationModuleListener
	void on(RequestClosed event) {
		this.boosts.requestClosed(event.requestId(), event.groupId());
	}

	/** Many requests closed at once (a batch of a job): as above, for each of them. */
	@ApplicationModuleListener
	void on(RequestsClosed event) {
		this.boosts.requestsClosed(event.requestIds());
	}

}
