/**
 * Moderation: reports, the moderation queue, moderators' actions (hide, restore, bans,
 * suspensions) and the public moderation log (docs/moderation.md). Its facade is
 * {@link com.helpboard.moderation.Moderation}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Moderation",
		allowedDependencies = { "account", "group", "request", "request::spi", "system" })
@org.jspecify.annotations.NullMarked
package com.helpboard.moderation;
