package com.helpboard.system.security;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import javax.sql.DataSource;

import com.helpboard.system.ReturnTarget;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.helpboard.system.ApiTokenAuthenticator;
import com.helpboard.system.web.ErrorPageAttributes;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.RememberMeAuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;

import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ThrottleSettings.class)
class SecurityConfiguration {

	static final String DEFAULT_REMEMBER_ME_KEY = "change-me-in-production";

	/** Where a login lands when the member was not on their way to a page: "待处理". */
	static final String AFTER_LOGIN = "/me/todo";

	/**
	 * Remembers the page a visitor was sent to log in from, in a cookie. Only pages are
	 * remembered: a GET that is not a script's call for JSON (the nav's counts) nor a
	 * favicon, so a login never lands on a JSON answer. The cookie holds a path, and
	 * Spring Security uses it only when it is one (it starts with one "/"; a full or
	 * protocol-relative URL is ignored), on this site's own scheme, host and port: an
	 * off-site target is never followed.
	 */
	static CookieRequestCache returnAfterLogin() {
		CookieRequestCache cache = new CookieRequestCache();
		cache.setRequestMatcher((request) -> "GET".equals(request.getMethod())
				&& !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
				&& !String.valueOf(request.getHeader("Accept")).startsWith("application/json")
				&& !request.getRequestURI().contains("favicon"));
		return cache;
	}

	static AuthenticationSuccessHandler loginSucceeded(RequestCache cache) {
		SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();
		saved.setDefaultTargetUrl(AFTER_LOGIN);
		saved.setRequestCache(cache);
		return (request, response, authentication) -> {
			Optional<String> next = ReturnTarget.of(request.getParameter("next"));
			if (next.isEmpty()) {
				saved.onAuthenticationSuccess(request, response, authentication);
				return;
			}
			cache.removeRequest(request, response);
			response.sendRedirect(request.getContextPath() + next.get());
		};
	}

	/**
	 * Back to the form with the error and the same target; nothing kept in a session (a
	 * failed login must not create one).
	 */
	static void loginFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		String next = ReturnTarget.of(request.getParameter("next"))
			.map((target) -> "&next=" + URLEncoder.encode(target, StandardCharsets.UTF_8))
			.orElse("");
		response.sendRedirect(request.getContextPath() + "/login?error" + next);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt over SHA-256 for new hashes (no 72-byte limit); stored hashes carry
		// their id, so plain bcrypt hashes made before keep working
		Map<String, PasswordEncoder> encoders = new HashMap<>();
		encoders.put(Sha256BcryptPasswordEncoder.ID, new Sha256BcryptPasswordEncoder());
		encoders.put("bcrypt", new BCryptPasswordEncoder());
		return new DelegatingPasswordEncoder(Sha256BcryptPasswordEncoder.ID, encoders);
	}

	/**
	 * The JSON API: bearer tokens only, no session, no CSRF (no cookie is ever honoured
	 * here, so there is nothing to forge).
	 */
	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokenAuthenticator tokens, ObjectMapper objectMapper,
			JdbcTemplate jdbc, Clock clock, Throttle throttle, ThrottleSettings limits) throws Exception {
		ProblemResponses problems = new ProblemResponses(objectMapper);
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((auth) -> auth.requestMatchers(HttpMethod.POST, "/api/v1/accounts", "/api/v1/tokens")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/groups", "/api/v1/groups/*", "/api/v1/groups/*/requests",
						"/api/v1/requests/*", "/api/v1/moderation/log", "/api/v1/stats", "/api/v1/groups/*/stats")
				.permitAll()
				.anyRequest()
				.authenticated())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext((context) -> context.requireExplicitSave(true))
			.requestCache((cache) -> cache.disable())
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable())
			.addFilterBefore(new BearerTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
			// after authorization: only allowed requests
			// claim a key, and keys are per member
			.addFilterAfter(new IdempotencyFilter(jdbc, problems, clock), AuthorizationFilter.class)
			// before the idempotency filter: a replayed key is still an attempt
			.addFilterAfter(new ThrottleFilter(throttle, limits, problems, objectMapper, clock, false),
					AuthorizationFilter.class)
			.exceptionHandling((ex) -> ex.authenticationEntryPoint(problems::unauthorized)
				.accessDeniedHandler(problems::forbidden));
		return http.build();
	}

	/**
	 * Control characters (NUL, escape, …) are refused in every parameter, query or form,
	 * before anything reads them: no database error, no log injection. Line breaks and
	 * tabs stay allowed for multi-line text. JSON bodies are checked field by field
	 * ({@code @PlainText}).
	 */
	@Bean
	HttpFirewall httpFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedParameterValues(
				(value) -> value == null || com.helpboard.system.PlainTextValidator.isPlain(value, true));
		return firewall;
	}

	@Bean
	RequestRejectedHandler requestRejectedHandler(ObjectMapper objectMapper) {
		ProblemResponses problems = new ProblemResponses(objectMapper);
		return (request, response, ex) -> {
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				problems.write(request, response, HttpStatus.BAD_REQUEST,
						"The request contains characters that are not allowed (control characters).");
			}
			else {
				request.setAttribute(ErrorPageAttributes.CONTROL_CHARACTERS, Boolean.TRUE);
				response.sendError(HttpStatus.BAD_REQUEST.value());
			}
		};
	}

	@Bean
	Throttle throttle(DataSource dataSource) {
		return new Throttle(dataSource);
	}

	@Bean
	@ConfigurationPropertiesBinding
	Converter<String, ThrottleSettings.Limit> throttleLimitConverter() {
		return ThrottleSettings.Limit::parse;
	}

	@Bean
	AuthenticationManager authenticationManager(UserDetailsService members, PasswordEncoder passwordEncoder,
			@Value("${helpboard.remember-me-key}") String rememberMeKey) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(members);
		passwords.setPasswordEncoder(passwordEncoder);
		// erases the password hash from the principal the session keeps
		return new ProviderManager(passwords, new RememberMeAuthenticationProvider(rememberMeKey));
	}

	/**
	 * CSRF tokens in a cookie, so an anonymous visitor's form needs no stored session.
	 */
	@Bean
	CsrfTokenRepository csrfTokenRepository() {
		CookieCsrfTokenRepository repository = new CookieCsrfTokenRepository();
		repository.setCookieCustomizer((cookie) -> cookie.sameSite("Lax"));
		return repository;
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
				new HttpSessionSecurityContextRepository());
	}

	/** What every login does: a new session id and a new CSRF token. */
	@Bean
	SessionAuthenticationStrategy sessionAuthenticationStrategy(CsrfTokenRepository csrf) {
		return new CompositeSessionAuthenticationStrategy(
				List.of(new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(csrf)));
	}

	@Bean
	RememberMeLogins rememberMeLogins(@Value("${helpboard.remember-me-key}") String rememberMeKey,
			@Value("${spring.datasource.url:}") String databaseUrl, UserDetailsService members, JdbcTemplate jdbc,
			Clock clock) {
		if ((DEFAULT_REMEMBER_ME_KEY.equals(rememberMeKey) || "change-me".equals(rememberMeKey)
				|| rememberMeKey.length() < 16) && !databaseUrl.startsWith("jdbc:h2:")) {
			throw new IllegalStateException("helpboard.remember-me-key (HELPBOARD_REMEMBER_ME_KEY) is still the "
					+ "published default (or shorter than 16 characters); set a secret of your own before running on a real database.");
		}
		return new RememberMeLogins(rememberMeKey, members, jdbc, clock);
	}

	@Bean
	@Order(2)
	SecurityFilterChain webSecurity(HttpSecurity http, AuthenticationManager authenticationManager,
			RememberMeLogins rememberMe, CsrfTokenRepository csrf, SecurityContextRepository contexts,
			SessionAuthenticationStrategy onLogin, Throttle throttle, ThrottleSettings limits,
			ObjectMapper objectMapper, Clock clock) throws Exception {
		ProblemResponses problems = new ProblemResponses(objectMapper);
		CookieRequestCache returnAfterLogin = returnAfterLogin();
		http.authenticationManager(authenticationManager)
			// static files by their paths: Spring Boot's static-resource matcher looked
			// its locations up in the application context on every request that reached
			// it, 7 µs of every page but the login page (docs/performance.md)
			.authorizeHttpRequests((auth) -> auth
				.requestMatchers("/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/manifest.webmanifest",
						"/error", "/error/**")
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole("ADMIN")
				.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
				.permitAll()
				.requestMatchers("/admin/**")
				.hasRole("ADMIN")
				.requestMatchers(HttpMethod.GET, "/mod/log")
				.permitAll()
				// pages about "me" need a member; every other
				// page is public (and unknown ones 404)
				.requestMatchers(HttpMethod.GET, "/me", "/me/**", "/queue", "/queue/**", "/my/**", "/waiting",
						"/g/*/post", "/post", "/g/*/settings", "/groups/new", "/mod/**", "/r/*/boost", "/r/*/report",
						"/claims/*/reject")
				.authenticated()
				.requestMatchers(HttpMethod.GET, "/**")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/register")
				.permitAll()
				.anyRequest()
				.authenticated())
			.csrf((c) -> c.csrfTokenRepository(csrf))
			.securityContext((context) -> context.securityContextRepository(contexts))
			.sessionManagement((session) -> session.sessionAuthenticationStrategy(onLogin))
			// where to return after login is kept in a cookie, not in a new session
			.requestCache((cache) -> cache.requestCache(returnAfterLogin))
			// back where they were: the form's same-site ?next=, else the page they were
			// sent to log in from (the cookie's same-site path), else the to-do page
			.formLogin((form) -> form.loginPage("/login")
				.successHandler(loginSucceeded(returnAfterLogin))
				.failureHandler(SecurityConfiguration::loginFailed)
				.permitAll())
			.rememberMe((remember) -> remember.rememberMeServices(rememberMe).key(rememberMe.getKey()))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/?loggedOut").permitAll())
			.addFilterBefore(new ThrottleFilter(throttle, limits, problems, objectMapper, clock, true),
					UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new ThrottleFilter(throttle, limits, problems, objectMapper, clock, false),
					AuthorizationFilter.class)
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
						+ "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; "
						+ "form-action 'self'; frame-ancestors 'none'"))
				.referrerPolicy((referrer) -> referrer.policy(
						org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

}
