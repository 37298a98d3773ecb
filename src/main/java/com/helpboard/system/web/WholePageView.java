package com.helpboard.system.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.apache.tomcat.util.http.parser.AcceptEncoding;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;
import org.thymeleaf.spring6.view.ThymeleafView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * A Thymeleaf page drawn whole in memory (a kept {@link PageBuffer}), then written to the
 * response once as bytes. Three costs of the usual way go away (docs/performance.md):
 * <ul>
 * <li>Tomcat turned the page's characters into UTF-8 through a charset encoder, 8 KB at a
 * time; the page buffer encodes them in one go, several times faster for Chinese
 * text;</li>
 * <li>the view flushed its writer when done, which committed the response inside Spring
 * Session's filter: it saved the session then, forgot it, and read it from the database
 * again when the request ended — two reads of the session per signed-in page.</li>
 * <li>Tomcat compressed the page at zlib's default level 6, about a fifth of a group
 * page's CPU; with {@code server.compression.enabled} the page is gzipped here at level 1
 * (a few percent larger, several times cheaper) when the browser accepts gzip and the
 * page reaches {@code server.compression.min-response-size}. Tomcat compresses nothing
 * that already has a {@code Content-Encoding}. Tomcat has no setting for the level.</li>
 * </ul>
 * A page that fails while drawing has written nothing, so its error page is whole too.
 */
public class WholePageView extends ThymeleafView {

	/** Pages of at least this many bytes are gzipped here; -1: none. */
	private long gzipFrom = -1;

	/** Makes Spring Boot's Thymeleaf view resolver create these views. */
	static BeanPostProcessor installing() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof ThymeleafViewResolver resolver) {
					resolver.setViewClass(WholePageView.class);
				}
				return bean;
			}
		};
	}

	@Override
	public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		PageBuffer buffer = PageBuffer.take();
		try {
			InMemory page = new InMemory(response, buffer);
			super.render(model, request, page);
			page.send(acceptsGzip(request) ? this.gzipFrom : -1);
		}
		finally {
			buffer.release();
		}
	}

	/**
	 * Thymeleaf draws straight into the page's buffer: told to produce no partial output,
	 * it would first draw into a string builder of its own and copy that over, while
	 * nothing leaves this view before the page is whole anyway.
	 */
	@Override
	public boolean getProducePartialOutputWhileProcessing() {
		return true;
	}

	/** Reads Spring Boot's compression settings, once per view. */
	@Override
	protected void initApplicationContext() {
		super.initApplicationContext();
		this.gzipFrom = gzipFrom(obtainApplicationContext().getEnvironment());
	}

	/**
	 * From how many bytes on answers are gzipped, as Spring Boot's
	 * {@code server.compression.*} settings say; -1 when compression is off.
	 */
	static long gzipFrom(Environment environment) {
		return environment.getProperty("server.compression.enabled", Boolean.class, false) ? environment
			.getProperty("server.compression.min-response-size", DataSize.class, DataSize.ofKilobytes(2))
			.toBytes() : -1;
	}

	/**
	 * Whether an {@code Accept-Encoding} names gzip, parsed as Tomcat parses it for its
	 * own compression (a coding with q=0 is refused).
	 */
	static boolean acceptsGzip(HttpServletRequest request) {
		for (String header : Collections.list(request.getHeaders(HttpHeaders.ACCEPT_ENCODING))) {
			try {
				List<AcceptEncoding> codings = AcceptEncoding.parse(new StringReader(header));
				if (codings != null && codings.stream().anyMatch((c) -> "gzip".equalsIgnoreCase(c.getEncoding()))) {
					return true;
				}
			}
			catch (IOException ex) {
				return false;
			}
		}
		return false;
	}

	/** A response whose writer fills a page buffer and never commits anything. */
	static final class InMemory extends HttpServletResponseWrapper {

		private final PageBuffer buffer;

		private boolean used;

		InMemory(HttpServletResponse response, PageBuffer buffer) {
			super(response);
			this.buffer = buffer;
		}

		@Override
		public PrintWriter getWriter() {
			this.used = true;
			return this.buffer.writer();
		}

		@Override
		public void flushBuffer() {
			// as the writer's flush
		}

		@Override
		public void resetBuffer() {
			this.buffer.clear();
			super.resetBuffer();
		}

		@Override
		public void reset() {
			this.buffer.clear();
			super.reset();
		}

		/** Writes the page, gzipped if it has at least {@code gzipFrom} bytes (≥ 0). */
		void send(long gzipFrom) throws IOException {
			if (!this.used) {
				return;
			}
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
			int count = this.buffer.encode(charset);
			// no Content-Length: Spring Session's and Spring Security's response wrappers
			// take a response that has all its announced bytes for committed, and Spring
			// Session would then save the session early and read it again at the end
			if (gzipFrom >= 0 && count >= gzipFrom && !isCommitted() && !containsHeader(HttpHeaders.CONTENT_ENCODING)) {
				setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
				addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
				this.buffer.writeGzipped(getResponse().getOutputStream(), count);
			}
			else {
				this.buffer.write(getResponse().getOutputStream(), count);
			}
		}

	}

}
