package com.helpboard.system.web;

import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.beans.factory.config.BeanPostProcessor;
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
 * </ul>
 * A page that fails while drawing has written nothing, so its error page is whole too.
 */
public class WholePageView extends ThymeleafView {

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
		page.send();
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

		void send() throws IOException {
			if (!this.used) {
				return;
			}
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
			byte[] bytes = this.chars.toString().getBytes(charset);
			// no Content-Length: Spring Session's and Spring Security's response wrappers
			// take a response that has all its announced bytes for committed, and Spring
			// Session would then save the session early and read it again at the end
			getResponse().getOutputStream().write(bytes);
		}

	}

}
