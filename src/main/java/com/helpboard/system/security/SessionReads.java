package com.helpboard.system.security;

import java.util.Arrays;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What reading a session costs a signed-in page (docs/performance.md): Spring Session
 * read the row in a transaction of its own (a JPA transaction: an entity manager, BEGIN
 * and a COMMIT round trip) and turned the security context's bytes back into objects with
 * Java serialization, every request. Now
 * <ul>
 * <li>a read is its one SELECT, without a transaction
 * ({@link CoarseSessionAccess#findById} marks it): a single statement needs none to see
 * one consistent row. Saving and deleting keep theirs;</li>
 * <li>the same stored bytes of a security context are turned into objects once per
 * instance: each request gets a new {@link SecurityContextImpl} around the kept
 * authentication (which nothing changes once signed in), so no request sees another's
 * context object. The key is the whole byte string: a session whose context changed
 * (signed in again, signed out) has other bytes and is read anew.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SessionReads {

	/** Kept security contexts per instance: about 1.3 KB of bytes and objects each. */
	static final int MAX_KEPT_CONTEXTS = 5_000;

	/** Kept sessions per instance ({@link KeptSessions}): about 2 KB each. */
	static final int MAX_KEPT_SESSIONS = 10_000;

	/**
	 * Spring Session's and {@link KeptSessionRepository}'s: one cache of contexts for
	 * both.
	 */
	static final ConversionService CONVERSIONS = springSessionConversionService();

	@Bean
	static KeptSessions keptSessions(@Value("${helpboard.sessions.keep-in-memory:true}") boolean keepInMemory) {
		return new KeptSessions(keepInMemory, MAX_KEPT_SESSIONS);
	}

	/**
	 * Hands both to Spring Session's configuration before it makes its repository; as
	 * beans they would replace Spring Boot's {@code TransactionTemplate} and stand beside
	 * the application's conversion service.
	 */
	@Bean
	static BeanPostProcessor sessionReadsInstaller(ObjectProvider<PlatformTransactionManager> transactionManager) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof JdbcHttpSessionConfiguration configuration) {
					configuration.setTransactionOperations(transactions(transactionManager.getObject()));
					configuration.setSpringSessionConversionService(CONVERSIONS);
				}
				return bean;
			}
		};
	}

	static TransactionOperations transactions(PlatformTransactionManager transactionManager) {
		TransactionTemplate writes = new TransactionTemplate(transactionManager);
		writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return new ReadsWithoutTransaction(writes);
	}

	static ConversionService springSessionConversionService() {
		GenericConversionService conversions = new GenericConversionService();
		ClassLoader loader = SessionReads.class.getClassLoader();
		conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
		conversions.addConverter(byte[].class, Object.class,
				new KeptSecurityContexts(new DeserializingConverter(loader), MAX_KEPT_CONTEXTS));
		return conversions;
	}

	/** Runs a session read as it is, everything else in a new transaction. */
	static final class ReadsWithoutTransaction implements TransactionOperations {

		private final TransactionOperations writes;

		ReadsWithoutTransaction(TransactionOperations writes) {
			this.writes = writes;
		}

		@Override
		public <T> @Nullable T execute(TransactionCallback<T> action) throws TransactionException {
			return CoarseSessionAccess.reading() ? TransactionOperations.withoutTransaction().execute(action)
					: this.writes.execute(action);
		}

	}

	/**
	 * Stored bytes to objects, a security context's only once while it is kept: its bytes
	 * are the key, so equal bytes always meant an equal context.
	 */
	static final class KeptSecurityContexts implements Converter<byte[], Object> {

		private final Converter<byte[], Object> deserializer;

		private final Cache<Bytes, SecurityContext> kept;

		KeptSecurityContexts(Converter<byte[], Object> deserializer, int maximum) {
			this.deserializer = deserializer;
			this.kept = Caffeine.newBuilder().maximumSize(maximum).build();
		}

		@Override
		public Object convert(byte[] source) {
			Bytes key = new Bytes(source);
			SecurityContext known = this.kept.getIfPresent(key);
			if (known != null) {
				return new SecurityContextImpl(known.getAuthentication());
			}
			Object read = this.deserializer.convert(source);
			if (read instanceof SecurityContextImpl context && context.getAuthentication() != null) {
				// kept as a copy: the request may change the one it gets
				this.kept.put(key, new SecurityContextImpl(context.getAuthentication()));
			}
			return read;
		}

	}

	/** A byte string as a map key, compared by content. */
	private static final class Bytes {

		private final byte[] bytes;

		private final int hash;

		Bytes(byte[] bytes) {
			this.bytes = bytes;
			this.hash = Arrays.hashCode(bytes);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Bytes that && this.hash == that.hash && Arrays.equals(this.bytes, that.bytes);
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

	}

}
