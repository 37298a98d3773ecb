/**
 * The jobs' scheduling, locking and event resubmission; internal to the system module.
 */
@org.jspecify.annotations.NullMarked
package com.helpboard.system.scheduling;
