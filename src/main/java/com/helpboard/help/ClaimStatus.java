package com.helpboard.help;

public enum ClaimStatus {

	CLAIMED, CONFIRMED, REJECTED

}
