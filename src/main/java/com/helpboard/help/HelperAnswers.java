package com.helpboard.help;

/**
 * Of a helper's latest claims their authors answered (confirmed or rejected by hand, not
 * confirmed by themselves), how many there were and how many were confirmed: the credit
 * module's auto-confirm gate reads it.
 */
public record HelperAnswers(int answered, int confirmed) {

	public static final HelperAnswers NONE = new HelperAnswers(0, 0);

}
