package com.helpboard.link;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * Renders QR codes (e.g. of a canonical link) as PNG, each one checked to be found and
 * read by ZXing's detector as a phone's scanner would find it in a picture.
 */
public final class QrCodeImages {

	static final int MIN_SIZE = 64;

	static final int MAX_SIZE = 1024;

	private QrCodeImages() {
	}

	/** The masks a QR code may use (ISO/IEC 18004: eight). */
	private static final int MASKS = 8;

	/**
	 * Codes drawn lately, by text and size (about a thousand of the board's links): a
	 * code is drawn and read back once, however often its image is asked for.
	 */
	private static final Cache<Drawn, byte[]> DRAWN = Caffeine.newBuilder()
		.maximumWeight(4L << 20)
		.weigher((Drawn key, byte[] png) -> png.length + 2 * key.text().length())
		.build();

	private record Drawn(String text, int size) {
	}

	/**
	 * Render {@code text} as a square QR code PNG, error correction M, quiet zone 2. The
	 * encoder picks the mask with the lowest penalty; about 1 in 750 codes of the board's
	 * links drawn that way is one ZXing's detector cannot find in an image (its finder
	 * patterns are confused by the data), so a code that does not read back is drawn
	 * again with the first mask that does. Recently drawn codes are kept (by text and
	 * size), so asking again for an image costs a copy of its bytes.
	 * @param text the text to encode, not empty
	 * @param sizePx side length, clamped to 64..1024
	 * @return PNG bytes
	 * @throws IllegalArgumentException if the text is null, empty or too long for a QR
	 * code
	 */
	public static byte[] png(String text, int sizePx) {
		if (text == null || text.isEmpty()) {
			throw new IllegalArgumentException("QR text must not be empty");
		}
		int size = Math.max(MIN_SIZE, Math.min(MAX_SIZE, sizePx));
		return DRAWN.get(new Drawn(text, size), (key) -> draw(key.text(), key.size())).clone();
	}

	private static byte[] draw(String text, int size) {
		Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
		hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
		hints.put(EncodeHintType.MARGIN, 2);
		if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(text)) {
			// only non-Latin-1 text needs the UTF-8 ECI
			// marker; plain URLs stay maximally compatible
			hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
		}
		try {
			BitMatrix matrix = readable(text, size, hints);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			MatrixToImageWriter.writeToStream(matrix, "PNG", out);
			return out.toByteArray();
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("text cannot be encoded as a QR code: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The code of {@code text} as the encoder draws it, else the first mask whose code
	 * reads back, else (none does) the encoder's own.
	 */
	private static BitMatrix readable(String text, int size, Map<EncodeHintType, Object> hints) throws WriterException {
		QRCodeWriter writer = new QRCodeWriter();
		BitMatrix chosen = writer.encode(text, BarcodeFormat.QR_CODE, size, size, hints);
		if (readsBack(chosen, text)) {
			return chosen;
		}
		for (int mask = 0; mask < MASKS; mask++) {
			hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
			BitMatrix other = writer.encode(text, BarcodeFormat.QR_CODE, size, size, hints);
			if (readsBack(other, text)) {
				return other;
			}
		}
		return chosen;
	}

	/**
	 * Whether ZXing's detector finds the code in its image and reads {@code text}, as the
	 * board reads an uploaded screenshot ({@link QrImageReader#detect}).
	 */
	private static boolean readsBack(BitMatrix matrix, String text) {
		return text.equals(QrImageReader.detect(MatrixToImageWriter.toBufferedImage(matrix)));
	}

}
