package com.helpboard.system;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

/** The API's and pages' paging rule: page ≥ 0, 1 ≤ size ≤ 100. */
public final class Paging {

	public static final int MAX_SIZE = 100;

	private Paging() {
	}

	public static Pageable of(int page, int size) {
		if (page < 0 || size < 1 || size > MAX_SIZE) {
			throw HelpBoardException.badRequest("paging.invalid", MAX_SIZE);
		}
		return PageRequest.of(page, size);
	}

}
