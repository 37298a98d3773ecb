/**
 * Authentication, API tokens, rate limits and security headers; internal to the system
 * module.
 */
@org.jspecify.annotations.NullMarked
package com.helpboard.system.security;
