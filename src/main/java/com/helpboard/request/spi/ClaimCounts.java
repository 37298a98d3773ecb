package com.helpboard.request.spi;

/** A request's claims by status, as "我的请求" shows them at a glance. */
public record ClaimCounts(long waiting, long confirmed, long rejected) {

	public static final ClaimCounts NONE = new ClaimCounts(0, 0, 0);

	public boolean isEmpty() {
		return this.waiting == 0 && this.confirmed == 0 && this.rejected == 0;
	}

}
