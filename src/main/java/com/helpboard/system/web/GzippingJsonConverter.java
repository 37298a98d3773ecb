package com.helpboard.system.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Spring's JSON converter, with the answer written whole into a kept {@link PageBuffer}
 * and gzipped there (zlib level 1, from direct buffers), as pages are by
 * {@link WholePageView}. Tomcat gzipped the JSON answers itself, at level 6 and from Java
 * arrays: zlib then works inside a JNI critical section, which holds off a garbage
 * collection until it ends and forces one afterwards (G1's "GCLocker Initiated GC"). The
 * feed API under load caused 49 of 208 young collections that way, and bursts of them
 * made G1 grow the heap past the soak's memory limit (docs/performance.md).
 * <p>
 * An answer of at least {@code server.compression.min-response-size} bytes is gzipped
 * when the request accepts gzip; a smaller one, or one for a client that does not, is
 * sent plain with its length, so Tomcat compresses neither (it leaves alone what is
 * short, and what has a {@code Content-Encoding}). Only answers to requests this server
 * handles are touched: the same converter writing a request body of an HTTP client is
 * Spring's.
 */
final class GzippingJsonConverter extends JacksonJsonHttpMessageConverter {

	private final long gzipFrom;

	/**
	 * @param gzipFrom gzip answers of at least this many bytes; -1: none (and write them
	 * as Spring does)
	 */
	GzippingJsonConverter(JsonMapper mapper, long gzipFrom) {
		super(mapper);
		this.gzipFrom = gzipFrom;
	}

	@Override
	protected void writeInternal(Object object, ResolvableType type, HttpOutputMessage output,
			@Nullable Map<String, Object> hints) throws IOException {
		if (this.gzipFrom < 0 || !(output instanceof ServletServerHttpResponse)) {
			super.writeInternal(object, type, output, hints);
			return;
		}
		PageBuffer buffer = PageBuffer.take();
		try {
			HttpHeaders headers = output.getHeaders();
			super.writeInternal(object, type, new HttpOutputMessage() {
				@Override
				public OutputStream getBody() {
					return buffer.bytes();
				}

				@Override
				public HttpHeaders getHeaders() {
					return headers;
				}
			}, hints);
			int count = buffer.byteCount();
			if (count >= this.gzipFrom) {
				headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
				if (acceptsGzip() && !headers.containsHeader(HttpHeaders.CONTENT_ENCODING)) {
					headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
					buffer.writeGzipped(output.getBody(), count);
					return;
				}
			}
			headers.setContentLength(count);
			buffer.write(output.getBody(), count);
		}
		finally {
			buffer.release();
		}
	}

	private static boolean acceptsGzip() {
		HttpServletRequest request = (RequestContextHolder
			.getRequestAttributes() instanceof ServletRequestAttributes attributes) ? attributes.getRequest() : null;
		return request != null && WholePageView.acceptsGzip(request);
	}

}
