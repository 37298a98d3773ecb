/**
 * What the request module needs from modules above it, as interfaces they implement: a
 * dependency pointing up the module graph (help → request::spi), never a reach-back.
 */
@org.springframework.modulith.NamedInterface("spi")
@org.jspecify.annotations.NullMarked
package com.helpboard.request.spi;
