package com.helpboard.account;

import org.jspecify.annotations.Nullable;

/**
 * What a member is called: their username, and the Pinduoduo / WeChat nickname they gave
 * so an author can match their claims to the app's list of helpers (null when none).
 */
public record MemberName(String username, @Nullable String nickname) {

}
