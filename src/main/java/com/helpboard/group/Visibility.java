package com.helpboard.group;

public enum Visibility {

	PUBLIC, PRIVATE

}
