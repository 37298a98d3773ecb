package com.helpboard.system;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.validation.Validator;
import jakarta.validation.metadata.BeanDescriptor;
import org.aopalliance.aop.Advice;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.validation.beanvalidation.FilteredMethodValidationPostProcessor;
import org.springframework.boot.validation.beanvalidation.MethodValidationExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.validation.annotation.ValidationAnnotationUtils;
import org.springframework.validation.beanvalidation.MethodValidationInterceptor;
import org.springframework.validation.beanvalidation.MethodValidationPostProcessor;

/**
 * Method validation ({@code @Validated} facades) as Spring Boot sets it up, with an
 * interceptor that looks each method up once instead of on every call.
 * <p>
 * Spring's interceptor searched the method and its class for {@code @Validated} on every
 * call, and asked the validator about methods that have no constraints at all: together
 * about 3 µs a call, on the facades' cached reads that every page makes several of (a
 * sixth of the help queue's own work, docs/performance.md). Here both answers are kept
 * per class and method: a method whose parameters and return value carry no constraint
 * and no {@code @Valid} (the validator's method descriptor is {@code null}) goes straight
 * to the target, as the validator would have found nothing; every other method is
 * validated as before.
 */
@Configuration(proxyBeanMethods = false)
class MethodValidationConfiguration {

	/**
	 * As Spring Boot's {@code ValidationAutoConfiguration} makes it, but for the advice.
	 */
	@Bean
	static MethodValidationPostProcessor methodValidationPostProcessor(Environment environment,
			ObjectProvider<Validator> validator, ObjectProvider<MethodValidationExcludeFilter> excludeFilters) {
		FilteredMethodValidationPostProcessor processor = new FilteredMethodValidationPostProcessor(
				excludeFilters.orderedStream()) {
			@Override
			protected Advice createMethodValidationAdvice(Supplier<Validator> validator) {
				return new KeptLookups(validator);
			}
		};
		processor.setProxyTargetClass(environment.getProperty("spring.aop.proxy-target-class", Boolean.class, true));
		processor.setValidatorProvider(validator);
		return processor;
	}

	/** Spring's interceptor, with its per-call lookups kept per class and method. */
	static final class KeptLookups extends MethodValidationInterceptor {

		private final Supplier<Validator> validator;

		private final Map<Key, Lookup> lookups = new ConcurrentHashMap<>();

		KeptLookups(Supplier<Validator> validator) {
			super(validator);
			this.validator = validator;
		}

		@Override
		public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
			if (!lookup(invocation).constrained) {
				return invocation.proceed();
			}
			return super.invoke(invocation);
		}

		@Override
		protected Class<?>[] determineValidationGroups(MethodInvocation invocation) {
			return lookup(invocation).groups.clone();
		}

		private Lookup lookup(MethodInvocation invocation) {
			Object target = invocation.getThis();
			Class<?> type = (target != null) ? AopUtils.getTargetClass(target)
					: invocation.getMethod().getDeclaringClass();
			Method method = invocation.getMethod();
			// bounded: one entry per advised class and method, whatever is called how
			return this.lookups.computeIfAbsent(new Key(type, method), (key) -> {
				BeanDescriptor bean = this.validator.get().getConstraintsForClass(key.type);
				boolean constrained = bean.getConstraintsForMethod(key.method.getName(),
						key.method.getParameterTypes()) != null;
				Class<?>[] groups = (target != null)
						? ValidationAnnotationUtils.determineValidationGroups(target, key.method) : new Class<?>[0];
				return new Lookup(constrained, groups);
			});
		}

		private record Key(Class<?> type, Method method) {
		}

		private record Lookup(boolean constrained, Class<?>[] groups) {
		}

	}

}
