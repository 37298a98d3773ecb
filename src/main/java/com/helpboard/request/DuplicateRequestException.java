package com.helpboard.request;

import com.helpboard.system.FieldRejection;

import org.springframework.http.HttpStatus;

/** The same link is already open in this group: points at the open request instead. */
public class DuplicateRequestException extends FieldRejection {

	private final long existingId;

	DuplicateRequestException(long existingId) {
		super(HttpStatus.CONFLICT, "input", "request.duplicate", "/r/" + existingId);
		this.existingId = existingId;
	}

	public long existingId() {
		return this.existingId;
	}

}
