package com.helpboard.credit;

import com.helpboard.system.FieldRejection;

import org.springframework.data.domain.PageRequest;

/** Checks {@code ?page=&size=} for the ledger lists: a bad value is a 400, not a 500. */
final class LedgerPaging {

	static final int SIZE_MAX = 100;

	// keeps page × size far from an int overflow of the offset
	static final int PAGE_MAX = 1_000_000;

	private LedgerPaging() {
	}

	static PageRequest of(int page, int size) {
		if (page < 0 || page > PAGE_MAX) {
			throw new FieldRejection("page", "credit.page.invalid", PAGE_MAX);
		}
		if (size < 1 || size > SIZE_MAX) {
			throw new FieldRejection("size", "credit.size.invalid", SIZE_MAX);
		}
		return PageRequest.of(page, size);
	}

}
