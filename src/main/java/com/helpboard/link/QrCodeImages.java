package com.helpboard.link;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * Renders QR codes (e.g. of a canonical link) as PNG.
 */
public final class QrCodeImages {

	static final int MIN_SIZE = 64;

	static final int MAX_SIZE = 1024;

	private QrCodeImages() {
	}

	/**
	 * Render {@code text} as a square QR code PNG, error correction M, quiet zone 2.
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
		Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
		hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
		hints.put(EncodeHintType.MARGIN, 2);
		if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(text)) {
			// only non-Latin-1 text needs the UTF-8 ECI
			// marker; plain URLs stay maximally compatible
			hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
		}
		try {
			BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, hints);
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

}
