package com.helpboard.credit;

/**
 * A number of credits, never negative: a balance, a price, what is left of a cap. Which
 * way credits move is the ledger entry's kind, not the amount's sign.
 */
record CreditAmount(long value) implements Comparable<CreditAmount> {

	static final CreditAmount ZERO = new CreditAmount(0);

	CreditAmount {
		if (value < 0) {
			throw new IllegalArgumentException("a credit amount is never negative: " + value);
		}
	}

	static CreditAmount of(long value) {
		return new CreditAmount(value);
	}

	CreditAmount plus(CreditAmount other) {
		return new CreditAmount(Math.addExact(this.value, other.value));
	}

	/**
	 * @throws IllegalArgumentException when {@code other} is more than this
	 */
	CreditAmount minus(CreditAmount other) {
		return new CreditAmount(this.value - other.value);
	}

	/** What is left after taking {@code other}, or zero when it is more than this. */
	CreditAmount minusAtMost(CreditAmount other) {
		return covers(other) ? minus(other) : ZERO;
	}

	/** Whether this is at least {@code other}: a balance covers a price. */
	boolean covers(CreditAmount other) {
		return this.value >= other.value;
	}

	CreditAmount min(CreditAmount other) {
		return covers(other) ? other : this;
	}

	boolean isZero() {
		return this.value == 0;
	}

	@Override
	public int compareTo(CreditAmount other) {
		return Long.compare(this.value, other.value);
	}

	@Override
	public String toString() {
		return Long.toString(this.value);
	}

}
