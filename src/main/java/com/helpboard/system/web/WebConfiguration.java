package com.helpboard.system.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final JsonMapper jsonMapper;

	private final Environment environment;

	WebConfiguration(JsonMapper jsonMapper, Environment environment) {
		this.jsonMapper = jsonMapper;
		this.environment = environment;
	}

	static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	/**
	 * Every cookie without a SameSite of its own (the saved request, the language) is
	 * {@code Lax}, like the session's.
	 */
	@Bean
	CookieSameSiteSupplier sameSiteLax() {
		return CookieSameSiteSupplier.ofLax();
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Chinese unless the browser prefers English; a choice made with the switcher
	 * ({@code ?lang=en}) is remembered in a cookie.
	 */
	@Bean
	LocaleResolver localeResolver() {
		AcceptHeaderLocaleResolver byHeader = new AcceptHeaderLocaleResolver();
		byHeader.setSupportedLocales(SUPPORTED);
		byHeader.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		CookieLocaleResolver resolver = new CookieLocaleResolver("helpboard-lang");
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setDefaultLocaleFunction(byHeader::resolveLocale);
		return resolver;
	}

	/**
	 * The resource chain's URL-encoding filter looked every link of a page up in the jars
	 * (a card has several), which made a feed page ~10 times slower than its JSON. We use
	 * no versioned resource URLs, and version-less webjar paths are still resolved when
	 * the file is requested, so the filter is switched off.
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		// defined (and disabled) here, so Thymeleaf's auto-configuration adds none
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

	/**
	 * Responses are buffered up to 64 KB (Tomcat's default is 8 KB), so a page (a group
	 * page is 20–60 KB before compression) is not committed while it is written. Spring
	 * Session saves the session when the response commits and again when the request
	 * ends, and the second save read the session row anew: two reads of the session per
	 * signed-in page, ~8 % of its CPU (docs/performance.md). Set before anything else
	 * runs, so every wrapper sees it.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> responseBuffer() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						if (response.getBufferSize() < RESPONSE_BUFFER) {
							response.setBufferSize(RESPONSE_BUFFER);
						}
						chain.doFilter(request, response);
					}
				});
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setName("responseBuffer");
		return registration;
	}

	static final int RESPONSE_BUFFER = 64 * 1024;

	/**
	 * Thymeleaf pages are drawn whole, then sent as bytes once ({@link WholePageView}).
	 */
	@Bean
	static BeanPostProcessor wholePageViews() {
		return WholePageView.installing();
	}

	/**
	 * JSON answers gzipped by the app from direct buffers, as pages are
	 * ({@link GzippingJsonConverter}). It takes the JSON converter's place among Spring's
	 * defaults, after the byte and string converters, which must keep writing
	 * {@code byte[]} and {@code String} answers (the API's description) as they are: as a
	 * converter bean it would come before them. This configurer runs after Spring Boot's
	 * (ordered 0), whose JSON converter it replaces.
	 */
	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		builder.withJsonConverter(new GzippingJsonConverter(this.jsonMapper, WholePageView.gzipFrom(this.environment)));
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
		registry.addInterceptor(new RefusalOnPageStatus());
	}

}
