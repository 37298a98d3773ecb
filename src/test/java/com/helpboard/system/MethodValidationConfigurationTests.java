package com.helpboard.system;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The kept lookups change no answer: a constrained method is validated on every call,
 * including its cascaded arguments, its return value and its validation groups, however
 * often it was called before; an unconstrained one runs as it did.
 */
class MethodValidationConfigurationTests {

	interface Strict {

	}

	record Form(@NotBlank String name) {
	}

	@Validated
	static class Facade {

		private int plainCalls;

		public int plainCalls() {
			return this.plainCalls;
		}

		public String named(@Size(max = 3) String name) {
			return name;
		}

		public String form(@Valid Form form) {
			return form.name();
		}

		@NotBlank
		public String answer(String value) {
			return value;
		}

		public String plain(String anything) {
			this.plainCalls++;
			return anything;
		}

	}

	@Validated(Strict.class)
	static class StrictFacade {

		public String loose(@Size(max = 3) String name) {
			return name;
		}

		public String strict(@Size(max = 3, groups = Strict.class) String name) {
			return name;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Beans {

		@Bean
		static LocalValidatorFactoryBean validator() {
			return new LocalValidatorFactoryBean();
		}

		@Bean
		Facade facade() {
			return new Facade();
		}

		@Bean
		StrictFacade strictFacade() {
			return new StrictFacade();
		}

	}

	@Test
	void constrainedMethodsAreValidatedOnEveryCallAndOthersRunAsBefore() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Beans.class,
				MethodValidationConfiguration.class)) {
			Facade facade = context.getBean(Facade.class);
			assertThat(AopUtils.isAopProxy(facade)).isTrue();
			for (int call = 0; call < 3; call++) {
				assertThat(facade.named("abc")).isEqualTo("abc");
				assertThatExceptionOfType(ConstraintViolationException.class).isThrownBy(() -> facade.named("abcd"));
				assertThat(facade.form(new Form("kim"))).isEqualTo("kim");
				assertThatExceptionOfType(ConstraintViolationException.class)
					.isThrownBy(() -> facade.form(new Form(" ")));
				assertThat(facade.answer("x")).isEqualTo("x");
				assertThatExceptionOfType(ConstraintViolationException.class).isThrownBy(() -> facade.answer(""));
				assertThat(facade.plain("")).isEmpty();
			}
			assertThat(facade.plainCalls()).isEqualTo(3);
		}
	}

	@Test
	void theClassesValidationGroupsStillChooseTheConstraints() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Beans.class,
				MethodValidationConfiguration.class)) {
			StrictFacade facade = context.getBean(StrictFacade.class);
			for (int call = 0; call < 2; call++) {
				// validated in the Strict group only: the default group's constraint is
				// not
				assertThat(facade.loose("abcd")).isEqualTo("abcd");
				assertThatExceptionOfType(ConstraintViolationException.class).isThrownBy(() -> facade.strict("abcd"));
			}
		}
	}

}
