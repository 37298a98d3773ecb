package com.helpboard.system.web;

import java.io.ByteArrayOutputStream;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

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
 * A Thymeleaf page drawn whole in memory, then written to the response once as bytes. Two
 * costs of the usual way go away (docs/performance.md):
 * <ul>
 * <li>Tomcat turned the page's characters into UTF-8 through a charset encoder, 8 KB at a
 * time; {@link String#getBytes} does it in one go, several times faster for Chinese
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
		InMemory page = new InMemory(response);
		super.render(model, request, page);
		page.send(acceptsGzip(request) ? this.gzipFrom : -1);
	}

	/** Reads Spring Boot's compression settings, once per view. */
	@Override
	protected void initApplicationContext() {
		super.initApplicationContext();
		Environment environment = obtainApplicationContext().getEnvironment();
		this.gzipFrom = environment.getProperty("server.compression.enabled", Boolean.class, false) ? environment
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

	/** A response whose writer fills memory and never commits anything. */
	static final class InMemory extends HttpServletResponseWrapper {

		private final CharArrayWriter chars = new CharArrayWriter(16 * 1024);

		private final PrintWriter writer = new PrintWriter(this.chars) {
			@Override
			public void flush() {
				// nothing leaves before the page is whole
			}
		};

		private boolean used;

		InMemory(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() {
			this.used = true;
			return this.writer;
		}

		@Override
		public void flushBuffer() {
			// as the writer's flush
		}

		@Override
		public void resetBuffer() {
			this.chars.reset();
			super.resetBuffer();
		}

		@Override
		public void reset() {
			this.chars.reset();
			super.reset();
		}

		/** Writes the page, gzipped if it has at least {@code gzipFrom} bytes (≥ 0). */
		void send(long gzipFrom) throws IOException {
			if (!this.used) {
				return;
			}
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
			byte[] bytes = this.chars.toString().getBytes(charset);
			if (gzipFrom >= 0 && bytes.length >= gzipFrom && !isCommitted()
					&& !containsHeader(HttpHeaders.CONTENT_ENCODING)) {
				bytes = gzip(bytes);
				setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
				addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
			}
			// no Content-Length: Spring Session's and Spring Security's response wrappers
			// take a response that has all its announced bytes for committed, and Spring
			// Session would then save the session early and read it again at the end
			getResponse().getOutputStream().write(bytes);
		}

		private static byte[] gzip(byte[] bytes) throws IOException {
			ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
			try (OutputStream gzip = new GZIPOutputStream(out, 8192) {
				{
					this.def.setLevel(Deflater.BEST_SPEED);
				}
			}) {
				gzip.write(bytes);
			}
			return out.toByteArray();
		}

	}

}
