/**
 * Topic groups, membership, invites and group rules. Its facade is
 * {@link com.helpboard.group.Groups}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Groups", allowedDependencies = { "account", "system" })
@org.jspecify.annotations.NullMarked
package com.helpboard.group;
