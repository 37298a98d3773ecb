package com.helpboard.share;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.helpboard.system.LimitReached;
import com.helpboard.system.MemberIdentity;
import com.helpboard.system.RenderLimits;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The poster painter and its cache, without Spring. */
class PostersTests {

	private static final String URL = "https://board.example.com/r/4711";

	private static PosterText text(String title, int confirmed) {
		return new PosterText("助力广场", "公平地互换拼多多和 Temu 助力链接", "拼多多", false, "砍价免费拿", title, confirmed, 5,
				"已助力 " + confirmed + "/5", "还差 " + (5 - confirmed) + " 次", "截止 12月4日 21:30（北京时间）", "发起人 小红 · 砍价免费拿",
				"长按识别二维码，打开助力广场帮 TA", URL);
	}

	/** Counts the attempts the posters take from the render limit. */
	static final class CountingLimits implements RenderLimits {

		final AtomicInteger taken = new AtomicInteger();

		boolean spent;

		@Override
		public void take(String address, @Nullable MemberIdentity member) {
			if (this.spent) {
				throw new LimitReached(Instant.now().plusSeconds(60), "share.poster.throttled", 60);
			}
			this.taken.incrementAndGet();
		}

	}

	@Test
	void aPosterIsAFixedSizePngWhoseQrOpensTheBoardsRequestPage() throws Exception {
		byte[] png = PosterPainter.DEFAULT.png(text("空气炸锅 还差3刀", 2));
		BufferedImage image = QrDecoding.image(png);
		assertThat(image.getWidth()).isEqualTo(PosterPainter.WIDTH);
		assertThat(image.getHeight()).isEqualTo(PosterPainter.HEIGHT);
		assertThat(QrDecoding.qrText(image)).isEqualTo(URL);
		Files.createDirectories(Path.of("target", "screenshots"));
		Files.write(Path.of("target", "screenshots", "poster-unit.png"), png);
	}

	@Test
	void hostileAndVeryLongTitlesAreCutAndStillDraw() throws Exception {
		String hostile = "<script>alert(1)</script>\"'&" + "很长的标题".repeat(200) + "\u202e\u200b🎁";
		byte[] png = PosterPainter.DEFAULT.png(text(hostile, 0));
		BufferedImage image = QrDecoding.image(png);
		assertThat(image.getWidth()).isEqualTo(PosterPainter.WIDTH);
		assertThat(QrDecoding.qrText(image)).isEqualTo(URL);
		Files.createDirectories(Path.of("target", "screenshots"));
		Files.write(Path.of("target", "screenshots", "poster-unit-long-title.png"), png);
	}

	@Test
	void aFontThatCannotDrawChineseStillDrawsThePoster() {
		// no candidate installed and none displays the sample: the logical sans-serif
		assertThat(PosterPainter.pickFamily(List.of("No Such Font"), Set.of())).isEqualTo(Font.SANS_SERIF);
		byte[] png = new PosterPainter("No Such Font").png(text("Air fryer 空气炸锅", 1));
		assertThat(QrDecoding.qrText(png)).isEqualTo(URL);
	}

	@Test
	void onThisMachineTheChosenFontDrawsChinese() {
		assumeTrue(Set.of(java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
			.contains("WenQuanYi Micro Hei"), "fonts-wqy-microhei is not installed here");
		assertThat(PosterPainter.DEFAULT.drawsChinese()).as("font %s", PosterPainter.FAMILY).isTrue();
	}

	@Test
	void titlesWrapIntoThreeLinesAtMostAndTheLastIsCut() {
		BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
		FontMetrics metrics = scratch.createGraphics().getFontMetrics(new Font(PosterPainter.FAMILY, Font.BOLD, 42));
		List<String> lines = PosterPainter.wrap("砍一刀".repeat(100), metrics, 654, 3);
		assertThat(lines).hasSize(3);
		assertThat(lines).allMatch((line) -> metrics.stringWidth(line) <= 654);
		assertThat(lines.get(2)).endsWith("…");
		assertThat(PosterPainter.wrap("short", metrics, 654, 3)).containsExactly("short");
	}

	@Test
	void onlyADrawingCountsAgainstTheRenderLimitACachedPosterIsFree() {
		CountingLimits limits = new CountingLimits();
		Posters posters = new Posters(limits, new StaticMessageSource());
		Posters.Poster first = posters.poster(text("空气炸锅", 1), "10.0.0.1", null);
		Posters.Poster again = posters.poster(text("空气炸锅", 1), "10.0.0.1", null);
		assertThat(again.png()).isSameAs(first.png());
		assertThat(again.etag()).isEqualTo(first.etag());
		assertThat(limits.taken).hasValue(1);

		// a new help is a new poster, with a new tag
		Posters.Poster helped = posters.poster(text("空气炸锅", 2), "10.0.0.1", null);
		assertThat(helped.etag()).isNotEqualTo(first.etag());
		assertThat(limits.taken).hasValue(2);

		// past the limit: refused, nothing drawn, but what is cached is still served
		limits.spent = true;
		assertThatExceptionOfType(LimitReached.class)
			.isThrownBy(() -> posters.poster(text("空气炸锅", 3), "10.0.0.1", null));
		assertThat(posters.poster(text("空气炸锅", 1), "10.0.0.1", null).png()).isSameAs(first.png());
	}

}
