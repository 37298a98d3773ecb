/** Help requests: posting, the feeds, detail pages and expiry. */
@org.springframework.modulith.ApplicationModule(displayName = "Help requests",
		allowedDependencies = { "account", "group", "link", "system" })
@org.jspecify.annotations.NullMarked
package com.helpboard.request;
