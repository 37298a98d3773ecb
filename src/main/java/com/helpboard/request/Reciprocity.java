package com.helpboard.request;

/** Helps a member gave (confirmed) against helps they received. */
public record Reciprocity(long given, long received) {

	public static final Reciprocity NONE = new Reciprocity(0, 0);

}
