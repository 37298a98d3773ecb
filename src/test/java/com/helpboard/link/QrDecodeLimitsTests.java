package com.helpboard.link;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.helpboard.link.QrImageReader.Decoded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Hostile QR uploads: too many pixels, 16-bit colour, slow decodes, many at once. The
 * images are built here, not committed.
 */
class QrDecodeLimitsTests {

	private static final String LINK = "https://p.pinduoduo.com/Id2XBFcQ";

	private final LinkParser parser = new LinkParser();

	@Test
	void hugeStripedGreyImageIsRefusedForPixelsBeforeDecoding() throws IOException {
		// 4096 x 4096 grey with finder-like 1:1:3:1:1 stripes: compresses to a few KB and
		// took ZXing ~25 s when it was decoded
		BufferedImage stripes = new BufferedImage(4096, 4096, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = stripes.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 4096, 4096);
		g.setColor(Color.BLACK);
		int[] pattern = { 1, 1, 3, 1, 1, 1 };
		for (int x = 0, i = 0; x < 4096; i++) {
			int width = pattern[i % pattern.length] * 4;
			if (i % 2 == 0) {
				g.fillRect(x, 0, width, 4096);
			}
			x += width;
		}
		g.dispose();
		byte[] png = png(stripes);
		assertThat(png.length).isLessThan(LinkParser.MAX_IMAGE_BYTES);
		ParseResult result = this.parser.parseQr(png);
		assertThat(result).isInstanceOf(Rejection.class);
		assertThat(((Rejection) result).reason()).isEqualTo(Reason.IMAGE_TOO_MANY_PIXELS);
		assertThat(((Rejection) result).detail()).contains("4096x4096");
		assertThat(Reason.IMAGE_TOO_MANY_PIXELS.messageKey()).isEqualTo("link.rejected.image-too-many-pixels");
	}

	@Test
	void subsamplingKeepsTheDecodedRasterSmall() {
		assertThat(QrImageReader.subsampling(300, 300, 4)).isEqualTo(1);
		assertThat(QrImageReader.subsampling(1200, 1200, 4)).isEqualTo(1);
		assertThat(QrImageReader.subsampling(1600, 1000, 4)).isEqualTo(2);
		assertThat(QrImageReader.subsampling(1170, 1700, 3)).isEqualTo(2);
		assertThat(QrImageReader.subsampling(4096, 488, 1)).isEqualTo(4);
		// 16-bit RGBA is 8 bytes a pixel: never more than ~6 MB decoded
		assertThat(QrImageReader.subsampling(1400, 1400, 8)).isEqualTo(2);
		assertThat(QrImageReader.subsampling(1100, 1100, 8)).isEqualTo(2);
		for (int side = 1; side <= 4096; side += 37) {
			for (int bytes : new int[] { 1, 3, 4, 8 }) {
				int step = QrImageReader.subsampling(side, Math.min(4096, 2_000_000 / side), bytes);
				int w = (side + step - 1) / step;
				int h = (Math.min(4096, 2_000_000 / side) + step - 1) / step;
				assertThat(Math.max(w, h)).isLessThanOrEqualTo(QrImageReader.TARGET_SIDE);
				assertThat((long) w * h * bytes).isLessThanOrEqualTo(QrImageReader.RASTER_BYTES);
			}
		}
	}

	@Test
	void sixteenBitRgbaImageIsReadAsASmallGreyCopy() throws IOException {
		BufferedImage qr = ImageIO.read(new ByteArrayInputStream(QrCodeImages.png(LINK, 1000)));
		byte[] png = png(rgba16(qr, 1400, 1400, 200, 200));
		assertThat(png.length).isLessThan(LinkParser.MAX_IMAGE_BYTES);
		BufferedImage grey = QrImageReader.readGrey(png);
		assertThat(grey.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
		assertThat(grey.getWidth()).isEqualTo(700);
		assertThat(grey.getHeight()).isEqualTo(700);
		ParseResult result = this.parser.parseQr(png);
		assertThat(result).isInstanceOf(ParsedLink.class);
		assertThat(((ParsedLink) result).dedupeKey()).isEqualTo("short=Id2XBFcQ");
	}

	@Test
	void qrInALargeScreenshotStillDecodesAfterDownscaling() throws IOException {
		BufferedImage qr = ImageIO.read(new ByteArrayInputStream(QrCodeImages.png(LINK, 360)));
		BufferedImage screen = new BufferedImage(1600, 1000, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = screen.createGraphics();
		g.setColor(new Color(0xEDEDED));
		g.fillRect(0, 0, 1600, 1000);
		g.setColor(new Color(0x07C160));
		g.fillRect(0, 0, 1600, 90);
		g.setColor(Color.DARK_GRAY);
		for (int y = 130; y < 1000; y += 40) {
			g.fillRect(60, y, 500 + (y * 7) % 300, 14);
		}
		g.drawImage(qr, 1100, 400, null);
		g.dispose();
		byte[] png = png(screen);
		assertThat(QrImageReader.readGrey(png).getWidth()).isEqualTo(800);
		ParseResult result = this.parser.parseQr(png);
		assertThat(result).isInstanceOf(ParsedLink.class);
		assertThat(((ParsedLink) result).canonicalUrl()).isEqualTo(LINK);
	}

	@Test
	void aFullPhoneScreenshotWithAShareQrDecodes() throws IOException {
		// 1170 x 2532: a phone's whole screen, ~3 Mpx, as members really upload it
		BufferedImage qr = ImageIO.read(new ByteArrayInputStream(QrCodeImages.png(LINK, 600)));
		BufferedImage screen = new BufferedImage(1170, 2532, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = screen.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 1170, 2532);
		g.setColor(new Color(0xE02E24));
		g.fillRect(0, 0, 1170, 300);
		g.drawImage(qr, 285, 900, null);
		g.dispose();
		byte[] png = png(screen);
		assertThat(QrImageReader.readGrey(png).getHeight()).isLessThanOrEqualTo(QrImageReader.TARGET_SIDE);
		ParseResult result = this.parser.parseQr(png);
		assertThat(result).isInstanceOf(ParsedLink.class);
		assertThat(((ParsedLink) result).canonicalUrl()).isEqualTo(LINK);
	}

	@Test
	void aSecondDecodeIsRefusedWhileTheOnlyDecoderIsBusy() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		QrDecodeGate gate = new QrDecodeGate(new QrDecodeLimits(1, Duration.ofMillis(20), Duration.ofSeconds(30)),
				blocking(started, release));
		LinkParser limited = new LinkParser(gate);
		byte[] png = QrCodeImages.png(LINK, 200);
		CompletableFuture<ParseResult> first = CompletableFuture.supplyAsync(() -> limited.parseQr(png));
		try {
			assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
			ParseResult second = limited.parseQr(png);
			assertThat(second).isInstanceOf(Rejection.class);
			assertThat(((Rejection) second).reason()).isEqualTo(Reason.IMAGE_BUSY);
			assertThat(Reason.IMAGE_BUSY.messageKey()).isEqualTo("link.rejected.image-busy");
		}
		finally {
			release.countDown();
		}
		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(this.parser.parse(LINK));
		// the permit is back once the first decode has returned
		assertThat(limited.parseQr(png)).isEqualTo(this.parser.parse(LINK));
	}

	@Test
	void aDecodeOverTheTimeLimitIsAbandonedButKeepsItsPermitUntilItEnds() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		QrDecodeGate gate = new QrDecodeGate(new QrDecodeLimits(1, Duration.ofMillis(20), Duration.ofMillis(100)),
				blocking(started, release));
		LinkParser limited = new LinkParser(gate);
		byte[] png = QrCodeImages.png(LINK, 200);
		try {
			ParseResult slow = limited.parseQr(png);
			assertThat(slow).isInstanceOf(Rejection.class);
			assertThat(((Rejection) slow).reason()).isEqualTo(Reason.IMAGE_TOO_COMPLEX);
			assertThat(Reason.IMAGE_TOO_COMPLEX.messageKey()).isEqualTo("link.rejected.image-too-complex");
			assertThat(started.getCount()).isZero();
			// the abandoned decode still runs, so it still counts against the limit
			assertThat(((Rejection) limited.parseQr(png)).reason()).isEqualTo(Reason.IMAGE_BUSY);
		}
		finally {
			release.countDown();
		}
		// once it really ends, its permit is back
		assertThat(gate.awaitIdle(10_000)).isTrue();
	}

	@Test
	void limitsAreValidatedAndTheDefaultParserUsesTheDefaults() {
		assertThat(QrDecodeLimits.DEFAULT.maxConcurrentDecodes()).isEqualTo(2);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new QrDecodeLimits(0, Duration.ZERO, Duration.ofSeconds(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new QrDecodeLimits(1, Duration.ZERO, Duration.ZERO));
		assertThat(QrDecodeGate.shared(QrDecodeLimits.DEFAULT)).isSameAs(QrDecodeGate.shared(QrDecodeLimits.DEFAULT));
		LinkParser configured = new LinkParser(new QrDecodeLimits(3, Duration.ofSeconds(1), Duration.ofSeconds(5)));
		assertThat(configured.parseQr(QrCodeImages.png(LINK, 200))).isEqualTo(this.parser.parse(LINK));
	}

	// The first decode reports it started, then blocks until released (at most 30 s),
	// ignoring interrupts like ZXing does; later ones decode normally.
	private static Function<byte[], Decoded> blocking(CountDownLatch started, CountDownLatch release) {
		return (bytes) -> {
			if (started.getCount() > 0) {
				started.countDown();
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
				boolean released = false;
				while (!released && System.nanoTime() < deadline) {
					try {
						released = release.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
					}
					catch (InterruptedException ex) {
						// cancel(true) interrupts; an uninterruptible decode goes on
					}
				}
			}
			return QrImageReader.decodePixels(bytes);
		};
	}

	// A 16-bit-per-channel RGBA image of the given size,
	// white, with the QR code copied in at (x, y).
	private static BufferedImage rgba16(BufferedImage qr, int width, int height, int x0, int y0) {
		ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), true, false,
				Transparency.TRANSLUCENT, DataBuffer.TYPE_USHORT);
		WritableRaster raster = model.createCompatibleWritableRaster(width, height);
		int[] white = { 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF };
		int[] black = { 0, 0, 0, 0xFFFF };
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				boolean inQr = x >= x0 && y >= y0 && x < x0 + qr.getWidth() && y < y0 + qr.getHeight();
				boolean dark = inQr && (qr.getRGB(x - x0, y - y0) & 0xFF) < 128;
				raster.setPixel(x, y, dark ? black : white);
			}
		}
		return new BufferedImage(model, raster, false, null);
	}

	private static byte[] png(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(ImageIO.write(image, "png", out)).isTrue();
		return out.toByteArray();
	}

}
