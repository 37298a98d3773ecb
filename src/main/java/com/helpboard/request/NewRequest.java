package com.helpboard.request;

/** What a member posts: whatever they pasted, and the choices of the form. */
public record NewRequest(String input, String campaign, Integer helpsNeeded, String note, Integer expiresInHours) {

}
