package com.helpboard.share;

import java.time.Duration;
import java.util.Locale;

import com.helpboard.link.QrCodeImages;
import com.helpboard.request.RequestView;
import com.helpboard.request.Requests;
import com.helpboard.system.MemberIdentity;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The images a share carries: the poster and a QR code of the request's page on this
 * board. Whoever may not read {@code /r/{id}} gets the same "not found" here.
 */
@Controller
class ShareController {

	/** Short: a poster shows progress, which moves; the entity tag saves the bytes. */
	private static final CacheControl POSTER_CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate();

	private final Requests requests;

	private final ShareCards cards;

	private final Posters posters;

	private final BoardUrls urls;

	ShareController(Requests requests, ShareCards cards, Posters posters, BoardUrls urls) {
		this.requests = requests;
		this.cards = cards;
		this.posters = posters;
		this.urls = urls;
	}

	@GetMapping("/r/{id}/poster.png")
	ResponseEntity<byte[]> poster(@PathVariable long id, @AuthenticationPrincipal MemberIdentity me, Locale locale,
			HttpServletRequest http) {
		RequestView request = this.requests.get(id, (me != null) ? me.memberId() : null);
		PosterText text = this.posters.text(this.cards.of(request, null, locale), locale);
		String etag = Posters.etag(text);
		if (etag.equals(http.getHeader("If-None-Match"))) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).cacheControl(POSTER_CACHE).eTag(etag).build();
		}
		Posters.Poster poster = this.posters.poster(text, http.getRemoteAddr(), me);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(POSTER_CACHE)
			.eTag(poster.etag())
			.body(poster.png());
	}

	/** A QR code of the request's page on this board, for the share panel. */
	@GetMapping("/r/{id}/share-qr.png")
	ResponseEntity<byte[]> qr(@PathVariable long id, @AuthenticationPrincipal MemberIdentity me) {
		this.requests.get(id, (me != null) ? me.memberId() : null);
		String url = this.urls.request(id);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
			.eTag(Integer.toHexString(url.hashCode()))
			.body(QrCodeImages.png(url, 300));
	}

}
