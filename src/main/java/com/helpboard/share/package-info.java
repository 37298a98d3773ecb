/**
 * Sharing a request back into the chats it came from: the author's share panel on
 * {@code /r/{id}} (a ready text and a QR of this board's request page), the poster PNG to
 * save and post in WeChat, and each page's Open Graph tags. It reads requests through the
 * {@link com.helpboard.request.Requests} facade with the page's own access rules and
 * draws QR codes with {@link com.helpboard.link.QrCodeImages}; nothing depends on it (the
 * templates ask its {@code shareTags} and {@code sharePanels} beans).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sharing",
		allowedDependencies = { "group", "request", "link", "system" })
@org.jspecify.annotations.NullMarked
package com.helpboard.share;
