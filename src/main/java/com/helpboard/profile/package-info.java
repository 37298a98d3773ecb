/**
 * A member's own page ({@code /me}) and {@code GET /api/v1/me}: what the modules below
 * know of the member, assembled at the top of the module graph so none of them reaches up
 * for it. Its facade is {@link com.helpboard.profile.Profiles}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Profile",
		allowedDependencies = { "account", "credit", "group", "help", "stats", "system" })
@org.jspecify.annotations.NullMarked
package com.helpboard.profile;
