/**
 * What the help module shows with the data of modules above it, as interfaces they
 * implement: a dependency pointing up the module graph (credit → help::spi), never a
 * reach-back.
 */
@org.springframework.modulith.NamedInterface("spi")
@org.jspecify.annotations.NullMarked
package com.helpboard.help.spi;
