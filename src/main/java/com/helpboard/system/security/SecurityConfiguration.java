package com.helpboard.system.security;

import java.time.Clock;

import com.helpboard.system.ApiTokenAuthenticator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.rememberme.TokenBasedRememberMeServices;

import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt today, and stored hashes carry their id so the algorithm can change
		// later
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * The JSON API: bearer tokens only, no session, no CSRF (no cookie is ever honoured
	 * here, so there is nothing to forge).
	 */
	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokenAuthenticator tokens, ObjectMapper objectMapper,
			JdbcTemplate jdbc, Clock clock) throws Exception {
		ProblemResponses problems = new ProblemResponses(objectMapper);
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((auth) -> auth.requestMatchers(HttpMethod.POST, "/api/v1/accounts", "/api/v1/tokens")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/groups", "/api/v1/groups/*", "/api/v1/groups/*/requests",
						"/api/v1/requests/*", "/api/v1/moderation/log")
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
			// after authorization: only allowed requests claim a key, and keys are per
			// member
			.addFilterAfter(new IdempotencyFilter(jdbc, problems, clock), AuthorizationFilter.class)
			.exceptionHandling((ex) -> ex.authenticationEntryPoint(problems::unauthorized)
				.accessDeniedHandler(problems::forbidden));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webSecurity(HttpSecurity http, UserDetailsService members,
			@Value("${helpboard.remember-me-key}") String rememberMeKey) throws Exception {
		TokenBasedRememberMeServices rememberMe = new TokenBasedRememberMeServices(rememberMeKey, members,
				TokenBasedRememberMeServices.RememberMeTokenAlgorithm.SHA256);
		rememberMe.setTokenValiditySeconds(60 * 60 * 24 * 30);
		http.authorizeHttpRequests((auth) -> auth.requestMatchers(PathRequest.toStaticResources().atCommonLocations())
			.permitAll()
			.requestMatchers("/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error", "/error/**")
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
			// pages about "me" need a member; every other page is public (and unknown
			// ones 404)
			.requestMatchers(HttpMethod.GET, "/me", "/me/**", "/queue", "/queue/**", "/my/**", "/waiting", "/g/*/post",
					"/groups/new", "/mod/**", "/r/*/boost")
			.authenticated()
			.requestMatchers(HttpMethod.GET, "/**")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/register")
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin(
					(form) -> form.loginPage("/login").defaultSuccessUrl("/me").failureUrl("/login?error").permitAll())
			.rememberMe((remember) -> remember.rememberMeServices(rememberMe).key(rememberMeKey))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/?loggedOut").permitAll())
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
						+ "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; "
						+ "form-action 'self'; frame-ancestors 'none'"))
				.referrerPolicy((referrer) -> referrer.policy(
						org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

}
