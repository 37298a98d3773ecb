/**
 * Web configuration and the one mapping of refusals to HTTP; internal to the system
 * module.
 */
@org.jspecify.annotations.NullMarked
package com.helpboard.system.web;
