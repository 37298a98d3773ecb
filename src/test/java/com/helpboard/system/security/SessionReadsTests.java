package com.helpboard.system.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.helpboard.account.MemberPrincipal;
import org.junit.jupiter.api.Test;

import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;

/** A security context's stored bytes are turned into objects once, never shared. */
class SessionReadsTests {

	private final SerializingConverter serializer = new SerializingConverter();

	@Test
	void theSameBytesAreReadOnceAndEveryReadGetsItsOwnContext() {
		AtomicInteger reads = new AtomicInteger();
		DeserializingConverter real = new DeserializingConverter(getClass().getClassLoader());
		SessionReads.KeptSecurityContexts kept = new SessionReads.KeptSecurityContexts((bytes) -> {
			reads.incrementAndGet();
			return real.convert(bytes);
		}, 10);
		byte[] alice = this.serializer.convert(context(1, "alice"));

		SecurityContext first = (SecurityContext) kept.convert(alice);
		SecurityContext second = (SecurityContext) kept.convert(alice.clone());
		assertThat(reads).hasValue(1);
		assertThat(second).isNotSameAs(first);
		assertThat(((MemberPrincipal) second.getAuthentication().getPrincipal()).id()).isEqualTo(1);
		// what one request does to its context does not reach the next
		second.setAuthentication(null);
		SecurityContext third = (SecurityContext) kept.convert(alice);
		assertThat(third.getAuthentication()).isNotNull();

		// other bytes (another member, or signed in again) are read anew
		SecurityContext bob = (SecurityContext) kept.convert(this.serializer.convert(context(2, "bob")));
		assertThat(reads).hasValue(2);
		assertThat(((MemberPrincipal) bob.getAuthentication().getPrincipal()).id()).isEqualTo(2);
		// and anything else is not kept
		kept.convert(this.serializer.convert("a flash message"));
		kept.convert(this.serializer.convert("a flash message"));
		assertThat(reads).hasValue(4);
	}

	@Test
	void theSessionConversionServiceWritesAndReadsAttributes() {
		ConversionService conversions = SessionReads.springSessionConversionService();
		Object bytes = conversions.convert(context(3, "carol"), TypeDescriptor.valueOf(Object.class),
				TypeDescriptor.valueOf(byte[].class));
		Object read = conversions.convert(bytes, TypeDescriptor.valueOf(byte[].class),
				TypeDescriptor.valueOf(Object.class));
		assertThat(read).isInstanceOf(SecurityContextImpl.class);
		assertThat(((MemberPrincipal) ((SecurityContext) read).getAuthentication().getPrincipal()).username())
			.isEqualTo("carol");
	}

	@Test
	void aSessionReadRunsWithoutATransactionAndEverythingElseInOne() {
		List<String> used = new ArrayList<>();
		TransactionOperations writes = new TransactionOperations() {
			@Override
			public <T> T execute(TransactionCallback<T> action) {
				used.add("transaction");
				return action.doInTransaction(new SimpleTransactionStatus());
			}
		};
		TransactionOperations transactions = new SessionReads.ReadsWithoutTransaction(writes);
		@SuppressWarnings("unchecked")
		FindByIndexNameSessionRepository<MapSession> repository = mock(FindByIndexNameSessionRepository.class);
		// as Spring Session JDBC: each call runs its statements through the operations
		given(repository.findById(anyString())).willAnswer((invocation) -> transactions.execute((status) -> {
			used.add(TransactionSynchronizationManager.isActualTransactionActive() ? "read in transaction"
					: "read alone");
			return new MapSession("s1");
		}));
		willAnswer((invocation) -> transactions.execute((status) -> used.add("saved"))).given(repository).save(any());
		CoarseSessionAccess<MapSession> sessions = new CoarseSessionAccess<>(repository, Duration.ofMinutes(1));

		CoarseSessionAccess.CoarseSession<MapSession> session = sessions.findById("s1");
		assertThat(CoarseSessionAccess.reading()).isFalse();
		sessions.save(session);
		assertThat(used).containsExactly("read alone", "transaction", "saved");
	}

	private static SecurityContext context(long id, String name) {
		MemberPrincipal member = new MemberPrincipal(id, name, null, false);
		return new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.authenticated(member, null, member.getAuthorities()));
	}

}
