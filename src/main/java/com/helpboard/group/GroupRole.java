package com.helpboard.group;

public enum GroupRole {

	MEMBER, MODERATOR, OWNER

}
