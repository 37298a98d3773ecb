/**
 * Cross-cutting infrastructure every module may use: security, web and error handling,
 * i18n, the clock and scheduling configuration. The root package is its API; sub-packages
 * are internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System", allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package com.helpboard.system;
