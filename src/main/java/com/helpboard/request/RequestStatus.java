package com.helpboard.request;

public enum RequestStatus {

	OPEN, FULFILLED, EXPIRED, REMOVED, HIDDEN

}
