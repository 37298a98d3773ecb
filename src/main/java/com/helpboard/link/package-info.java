/**
 * Link module: parses pasted Pinduoduo/Temu help links, share texts, 口令 tokens and QR
 * screenshots into a canonical {@link com.helpboard.link.ParsedLink} or a
 * {@link com.helpboard.link.Rejection}, and renders QR codes. Plain Java, no Spring; the
 * public types in this package are the module's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Links", allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package com.helpboard.link;
