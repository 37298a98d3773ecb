package com.helpboard.link;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class QrCodeTests {

	private static final String LINK = "https://mobile.yangkeduo.com/goods.html?goods_id=123456789";

	private final LinkParser parser = new LinkParser();

	@Test
	void pngRoundTripGivesTheSameParsedLink() {
		ParsedLink expected = (ParsedLink) this.parser.parse(LINK);
		ParseResult fromQr = this.parser.parseQr(QrCodeImages.png(expected.canonicalUrl(), 300));
		assertThat(fromQr).isEqualTo(this.parser.parse(expected.canonicalUrl()));
		assertThat(((ParsedLink) fromQr).dedupeKey()).isEqualTo("goods_id=123456789");
	}

	/**
	 * Links whose code, as the encoder first draws it, ZXing's detector cannot find in
	 * the image (found by drawing the board's request links 1 to 3 000, and a canonical
	 * link an earlier test met): each is drawn with a mask it finds, at the sizes the
	 * board serves (the share panel's and a request's 300, the poster's 380).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "http://localhost/r/47", "http://localhost/r/184", "http://localhost/r/1032",
			"http://localhost/r/2218", "https://mobile.yangkeduo.com/goods.html?goods_id=956251263" })
	void aCodeTheDetectorWouldMissIsDrawnWithAMaskItFinds(String url) throws Exception {
		for (int size : new int[] { 300, 380 }) {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodeImages.png(url, size)));
			BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
			assertThat(new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText())
				.as("the code of %s at %d px", url, size)
				.isEqualTo(url);
		}
	}

	@Test
	void aCodeAskedForAgainIsTheSameImageAndACopyOfIt() {
		byte[] first = QrCodeImages.png("http://localhost/r/1", 300);
		byte[] again = QrCodeImages.png("http://localhost/r/1", 300);
		assertThat(again).isEqualTo(first).isNotSameAs(first);
		first[first.length / 2] ^= 0x55;
		assertThat(QrCodeImages.png("http://localhost/r/1", 300)).isEqualTo(again);
		assertThat(QrCodeImages.png("http://localhost/r/1", 380)).isNotEqualTo(again);
	}

	@Test
	void shareTextInQrIsParsedToo() {
		String text = "帮我砍一刀！👉 https://p.pinduoduo.com/Zz9Kk1Qq 👈 复制打开拼多多";
		ParseResult fromQr = this.parser.parseQr(QrCodeImages.png(text, 400));
		assertThat(fromQr).isEqualTo(this.parser.parse(text));
	}

	@Test
	void jpegRoundTrip() throws IOException {
		BufferedImage qr = ImageIO.read(new ByteArrayInputStream(QrCodeImages.png(LINK, 300)));
		BufferedImage rgb = new BufferedImage(qr.getWidth(), qr.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = rgb.createGraphics();
		g.drawImage(qr, 0, 0, null);
		g.dispose();
		ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
		assertThat(ImageIO.write(rgb, "jpg", jpeg)).isTrue();
		ParseResult fromQr = this.parser.parseQr(jpeg.toByteArray());
		assertThat(fromQr).isEqualTo(this.parser.parse(LINK));
	}

	@Test
	void pngSizeIsClamped() throws IOException {
		assertThat(ImageIO.read(new ByteArrayInputStream(QrCodeImages.png(LINK, 1))).getWidth()).isEqualTo(64);
		assertThat(ImageIO.read(new ByteArrayInputStream(QrCodeImages.png(LINK, 99_999))).getWidth()).isEqualTo(1024);
		assertThatIllegalArgumentException().isThrownBy(() -> QrCodeImages.png("", 100));
		// more than a code holds: refused each time, nothing kept
		assertThatIllegalArgumentException().isThrownBy(() -> QrCodeImages.png("x".repeat(5_000), 300));
		assertThatIllegalArgumentException().isThrownBy(() -> QrCodeImages.png("x".repeat(5_000), 300));
	}

	@Test
	void tooLargeIsRefusedBeforeReading() {
		assertThat(reason(this.parser.parseQr(new byte[3 * 1024 * 1024]))).isEqualTo(Reason.IMAGE_TOO_LARGE);
	}

	@Test
	void randomBytesAreUnreadable() {
		byte[] bytes = new byte[5000];
		new Random(42).nextBytes(bytes);
		assertThat(reason(this.parser.parseQr(bytes))).isEqualTo(Reason.IMAGE_UNREADABLE);
		assertThat(reason(this.parser.parseQr(null))).isEqualTo(Reason.EMPTY);
	}

	@Test
	void otherFormatsAreUnreadable() throws IOException {
		ByteArrayOutputStream gif = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB), "gif", gif);
		assertThat(reason(this.parser.parseQr(gif.toByteArray()))).isEqualTo(Reason.IMAGE_UNREADABLE);
	}

	@Test
	void blankImageHasNoQrCode() throws IOException {
		BufferedImage white = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = white.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 300, 300);
		g.dispose();
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(white, "png", png);
		assertThat(reason(this.parser.parseQr(png.toByteArray()))).isEqualTo(Reason.NO_QR_CODE);
	}

	@Test
	void qrWithOtherHostIsRefused() {
		assertThat(reason(this.parser.parseQr(QrCodeImages.png("https://evil.cn/x", 200))))
			.isEqualTo(Reason.HOST_NOT_ALLOWED);
	}

	@Test
	void headerClaimingHugeImageIsRefusedWithoutDecoding() throws IOException {
		// 20000 x 20000 in the header, a few bytes of data: must fail on the header check
		byte[] png = lyingPng(20_000, 20_000);
		assertThat(png.length).isLessThan(200);
		ParseResult result = this.parser.parseQr(png);
		assertThat(reason(result)).isEqualTo(Reason.IMAGE_TOO_MANY_PIXELS);
		assertThat(((Rejection) result).detail()).contains("pixels is too many");
	}

	@Test
	void manyPixelsWithinSideLimitIsRefused() throws IOException {
		// one pixel over the 4096 side limit
		assertThat(reason(this.parser.parseQr(lyingPng(4096, 4097)))).isEqualTo(Reason.IMAGE_TOO_MANY_PIXELS);
		// within both side limits, over the pixel limit
		assertThat(reason(this.parser.parseQr(lyingPng(3000, 3000)))).isEqualTo(Reason.IMAGE_TOO_MANY_PIXELS);
	}

	private static Reason reason(ParseResult result) {
		assertThat(result).isInstanceOf(Rejection.class);
		return ((Rejection) result).reason();
	}

	// A valid PNG signature and IHDR for a 1-bit grey image of the given size, with one
	// small IDAT holding a single zero row: cheap to build, huge if decoded.
	static byte[] lyingPng(int width, int height) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		ByteBuffer ihdr = ByteBuffer.allocate(13);
		ihdr.putInt(width).putInt(height).put((byte) 1).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
		chunk(out, "IHDR", ihdr.array());
		Deflater deflater = new Deflater();
		deflater.setInput(new byte[1 + (width + 7) / 8]);
		deflater.finish();
		byte[] buffer = new byte[64 * 1024];
		int length = deflater.deflate(buffer);
		deflater.end();
		chunk(out, "IDAT", java.util.Arrays.copyOf(buffer, length));
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
		out.write(ByteBuffer.allocate(4).putInt(data.length).array());
		byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		out.write(typeBytes);
		out.write(data);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

}
