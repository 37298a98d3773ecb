package com.helpboard.notification;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.IContext;

import com.helpboard.account.MemberPrincipal;
import com.helpboard.help.Helps;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The top bar shows the member's counts of the moment on every page, and finds where they
 * are kept once rather than on every page.
 */
class NavBarCountsTests {

	private final Helps helps = mock(Helps.class);

	private final NotificationRepository repository = mock(NotificationRepository.class);

	private final MemberCounts counts = new MemberCounts(this.helps, this.repository, new NotificationSettings(30,
			Duration.ofHours(1), Duration.ofHours(6), Duration.ZERO, Duration.ofSeconds(20)));

	private final AtomicInteger lookedUp = new AtomicInteger();

	private final ITemplateEngine templates = mock(ITemplateEngine.class);

	private final Authentication alice = new UsernamePasswordAuthenticationToken(
			new MemberPrincipal(42, "alice", "", false), null, List.of());

	@Test
	void eachPageShowsTheCountsOfTheMomentAndTheCountsAreFoundOnce() {
		when(this.templates.process(anyString(), anySet(), any())).thenAnswer((invocation) -> {
			IContext context = invocation.getArgument(2);
			NavCounts shown = (NavCounts) context.getVariable("navCounts");
			return "<nav>" + shown.waiting() + "/" + shown.unread() + "</nav>";
		});
		NavBar bar = new NavBar(provider(mock(Notifications.class)), countingProvider(this.counts),
				provider(this.templates));

		when(this.helps.waitingCount(anyLong())).thenReturn(1L);
		when(this.repository.countByMemberIdAndReadAtIsNull(anyLong())).thenReturn(2L);
		assertThat(draw(bar)).isEqualTo("<nav>1/2</nav>");

		when(this.helps.waitingCount(anyLong())).thenReturn(3L);
		assertThat(draw(bar)).isEqualTo("<nav>3/2</nav>");
		assertThat(draw(bar)).isEqualTo("<nav>3/2</nav>");

		assertThat(this.lookedUp).hasValue(1);
	}

	private String draw(NavBar bar) {
		NavBar.Drawing drawing = bar.navBar(this.alice, new MockHttpServletRequest(), new MockHttpServletResponse(),
				Locale.SIMPLIFIED_CHINESE);
		assertThat(drawing).isNotNull();
		return drawing.html();
	}

	private ObjectProvider<MemberCounts> countingProvider(MemberCounts memberCounts) {
		return new ObjectProvider<>() {

			@Override
			public MemberCounts getObject() {
				NavBarCountsTests.this.lookedUp.incrementAndGet();
				return memberCounts;
			}

			@Override
			public MemberCounts getObject(Object... args) {
				return getObject();
			}

			@Override
			public MemberCounts getIfAvailable() {
				return getObject();
			}

			@Override
			public MemberCounts getIfUnique() {
				return getObject();
			}

		};
	}

	private static <T> ObjectProvider<T> provider(T object) {
		return new ObjectProvider<>() {

			@Override
			public T getObject() {
				return object;
			}

			@Override
			public T getObject(Object... args) {
				return object;
			}

			@Override
			public T getIfAvailable() {
				return object;
			}

			@Override
			public T getIfUnique() {
				return object;
			}

		};
	}

}
