package com.helpboard.support;

import java.util.UUID;

import com.helpboard.account.Accounts;
import com.helpboard.account.MemberPrincipal;
import com.helpboard.account.MemberSummary;

import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Makes members for tests: each with a unique name and an API token. Tests ask
 * {@link TestData#member(String)}, which uses this; {@link TestMember} and
 * {@link #PASSWORD} are what they get back.
 */
@Component
public class TestMembers {

	/** A password the password rules accept (12+ characters, not common). */
	public static final String PASSWORD = "correct-horse-battery";

	private final Accounts accounts;

	public TestMembers(Accounts accounts) {
		this.accounts = accounts;
	}

	public record TestMember(long id, String username, String token) {

		public String bearer() {
			return "Bearer " + this.token;
		}

		/** Signs MockMvc page requests in as this member. */
		public RequestPostProcessor session() {
			return user(new MemberPrincipal(this.id, this.username, "", false));
		}

	}

	public TestMember create(String prefix) {
		String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		MemberSummary member = this.accounts.register(name, PASSWORD);
		return new TestMember(member.id(), member.username(), this.accounts.issueToken(member.id(), "test").token());
	}

}
