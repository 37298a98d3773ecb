/** Help requests: posting, the feeds, detail pages and expiry. */
@org.springframework.modulith.ApplicationModule(displayName = "Help requests")
package com.helpboard.request;
