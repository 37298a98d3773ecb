package com.helpboard.account;

import java.util.Set;

import com.helpboard.system.FieldRejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	static final PasswordPolicy POLICY = PasswordPolicy.shipped();

	private static String refusal(String password, String username) {
		return POLICY.check(password, username, "password").map(FieldRejection::messageKey).orElse(null);
	}

	@Test
	void theShippedListIsLoaded() {
		assertThat(POLICY.size()).isEqualTo(50_000);
	}

	@ParameterizedTest
	@ValueSource(strings = { "correct-horse-battery", "correct horse 42", "  spaced out password  ", "小明的密码很长很长很长很长",
			"xxxxxxxxxxxy", "Tr0ub4dor&3-horse", "パスワードはとても長いです" })
	void goodPasswordsPass(String password) {
		assertThat(refusal(password, "alice")).as(password).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "12345678", "password", "short", "elevenchars" })
	void tooShort(String password) {
		assertThat(refusal(password, "alice")).isEqualTo("account.password.invalid");
	}

	@Test
	void lengthCountsCodePointsNotUtf16Units() {
		// 11 emoji are 22 UTF-16 units but 11 characters
		assertThat(refusal("😀".repeat(5) + "🐱".repeat(6), "alice")).isEqualTo("account.password.invalid");
		assertThat(refusal("😀".repeat(6) + "🐱".repeat(6), "alice")).isNull();
		assertThat(refusal("ab".repeat(64), "alice")).isNull();
		assertThat(refusal("ab".repeat(64) + "c", "alice")).isEqualTo("account.password.invalid");
	}

	@Test
	void nullIsRefused() {
		assertThat(refusal(null, "alice")).isEqualTo("account.password.invalid");
	}

	@ParameterizedTest
	@ValueSource(strings = { "            ", "\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000",
			" \u2003 \u2003 \u2003 \u2003 \u2003 \u2003" })
	void blankIsRefused(String password) {
		assertThat(refusal(password, "alice")).isEqualTo("account.password.blank");
	}

	@ParameterizedTest
	@ValueSource(strings = { "correct-horse\u0000battery", "correct-horse\nbattery", "correct-horse\tbattery",
			"correct-horse\u001Bbattery", "correct-horse\u202Ebattery", "correct-horse\uD800battery" })
	void controlCharactersAreRefused(String password) {
		assertThat(refusal(password, "alice")).isEqualTo("account.password.control");
	}

	@Test
	void notTheUsername() {
		assertThat(refusal("CorrectHorse42", "correcthorse42")).isEqualTo("account.password.username");
		// full-width letters are the same name to a person
		assertThat(refusal("ＣｏｒｒｅｃｔＨｏｒｓｅ４２", "correcthorse42")).isEqualTo("account.password.username");
		// a name of four or more characters may not be part of it either
		assertThat(refusal("my name is alice!", "Alice")).isEqualTo("account.password.username");
		assertThat(refusal("小明的密码很长很长很长很长", "小明的密")).isEqualTo("account.password.username");
		// shorter names occur by chance
		assertThat(refusal("correct-horse-battery", "cor")).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "password1234", "PASSWORD1234", "123456789012", "qwertyuiopasdfgh", "1q2w3e4r5t6y",
			"ｐａｓｓｗｏｒｄ１２３４", "aaaaaaaaaaaaaaaa", "密密密密密密密密密密密密" })
	void commonPasswordsAreRefused(String password) {
		assertThat(refusal(password, "somebody")).as(password).isEqualTo("account.password.common");
	}

	@Test
	void theFieldIsTheOneAsked() {
		assertThat(POLICY.check("short", "alice", "newPassword")).get()
			.extracting(FieldRejection::field)
			.isEqualTo("newPassword");
	}

	@Test
	void aListOfOurOwnIsComparedLowerCased() {
		PasswordPolicy policy = new PasswordPolicy(Set.of("helpboard-rocks"));
		assertThat(policy.check("HelpBoard-Rocks", "alice", "password")).isPresent();
		assertThat(policy.check("helpboard-rolls", "alice", "password")).isEmpty();
	}

}
