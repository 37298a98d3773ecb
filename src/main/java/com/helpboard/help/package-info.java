/**
 * Mutual help: claims ("I helped"), their confirmation, the help queue (帮一帮) and the
 * campaigns' helper daily caps. Its facade is {@link com.helpboard.help.Helps}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Help",
		allowedDependencies = { "account", "group", "request", "request::spi", "system" })
@org.jspecify.annotations.NullMarked
package com.helpboard.help;
