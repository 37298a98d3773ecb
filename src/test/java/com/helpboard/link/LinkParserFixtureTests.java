package com.helpboard.link;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sample in {@code links.tsv} gets the verdict the file gives.
 */
class LinkParserFixtureTests {

	private static final Map<String, Reason> REASONS = Map.of("host not allowed", Reason.HOST_NOT_ALLOWED,
			"credentials in URL", Reason.CREDENTIALS_IN_URL, "scheme not allowed", Reason.SCHEME_NOT_ALLOWED,
			"no link or token", Reason.NO_LINK_OR_TOKEN, "empty", Reason.EMPTY);

	private final LinkParser parser = new LinkParser();

	static List<Arguments> samples() throws IOException {
		List<Arguments> samples = new ArrayList<>();
		try (InputStream in = Objects.requireNonNull(LinkParserFixtureTests.class.getResourceAsStream("/links.tsv"));
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.startsWith("#") || line.isEmpty()) {
					continue;
				}
				// limit 4 keeps the input column whole,
				// including the all-spaces "empty" sample
				String[] cols = line.split("\t", 4);
				samples.add(Arguments.of(cols[0], cols[1], cols[2], cols[3]));
			}
		}
		return samples;
	}

	@Test
	void fixtureHasAllSamples() throws IOException {
		assertThat(samples()).hasSize(23);
		assertThat(samples()).last().satisfies((args) -> assertThat(args.get()[3]).isEqualTo("   "));
	}

	@ParameterizedTest(name = "{0} {2}: {3}")
	@MethodSource("samples")
	void sample(String verdict, String platform, String identifies, String input) {
		ParseResult result = this.parser.parse(input);
		if (verdict.equals("accept")) {
			assertThat(result).isInstanceOf(ParsedLink.class);
			ParsedLink link = (ParsedLink) result;
			assertThat(link.platform().code()).isEqualTo(platform);
			assertThat(link.dedupeKey()).isEqualTo(identifies);
			assertThat(link.rawText()).isEqualTo(input.strip());
		}
		else {
			assertThat(verdict).isEqualTo("reject");
			assertThat(REASONS).containsKey(identifies);
			assertThat(result).isInstanceOf(Rejection.class);
			assertThat(((Rejection) result).reason()).isEqualTo(REASONS.get(identifies));
		}
	}

}
