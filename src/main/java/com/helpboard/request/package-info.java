/** Help requests: posting, the feeds, detail pages and expiry. */
@org.springframework.modulith.ApplicationModule(displayName = "Help requests")
@org.jspecify.annotations.NullMarked
package com.helpboard.request;
