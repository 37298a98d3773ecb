/**
 * In-app notifications: what needs a member now (a claim to confirm, a request about to
 * expire) and what happened to their claims, requests and boosts, written by listeners on
 * the other modules' events and put into words when read; the nav's counts, the
 * notifications page, the "待处理" page a member lands on after login. At the top of the
 * module graph: it hears every module and nothing depends on it. Its facade is
 * {@link com.helpboard.notification.Notifications}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
		allowedDependencies = { "account", "group", "request", "help", "credit", "system" })
@org.jspecify.annotations.NullMarked
package com.helpboard.notification;
