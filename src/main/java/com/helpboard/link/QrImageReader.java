package com.helpboard.link;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * Reads a PNG or JPEG screenshot and decodes the first QR code in it.
 *
 * <p>
 * The pixel size is read from the header and checked before any pixel data is decoded, so
 * a small file that claims a huge image cannot exhaust memory.
 */
final class QrImageReader {

	static final int MAX_SIDE = 4096;

	static final long MAX_PIXELS = 16L * 1024 * 1024;

	private static final Set<String> FORMATS = Set.of("png", "jpeg", "jpg");

	private static final Map<DecodeHintType, Object> HARDER = hints(false);

	private static final Map<DecodeHintType, Object> PURE = hints(true);

	private QrImageReader() {
	}

	/**
	 * Decode the QR code text.
	 * @param bytes image bytes, already size-checked
	 * @return the decoded text or a rejection
	 */
	static Decoded decode(byte[] bytes) {
		BufferedImage image;
		try {
			image = readImage(bytes);
		}
		catch (TooManyPixels ex) {
			return failed(Reason.IMAGE_UNREADABLE, ex.getMessage());
		}
		catch (IOException | RuntimeException ex) {
			return failed(Reason.IMAGE_UNREADABLE, "could not read image: " + ex.getClass().getSimpleName());
		}
		if (image == null) {
			return failed(Reason.IMAGE_UNREADABLE, "not a PNG or JPEG image");
		}
		String text = decodeQr(image);
		return (text != null) ? new Decoded(text, null) : failed(Reason.NO_QR_CODE, "no QR code found in image");
	}

	// Returns null when the format is not PNG/JPEG or the header dimensions are too
	// large.
	private static BufferedImage readImage(byte[] bytes) throws IOException {
		// MemoryCacheImageInputStream: never spill member uploads to temp files
		try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
			while (readers.hasNext()) {
				ImageReader reader = readers.next();
				try {
					if (!FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
						continue;
					}
					reader.setInput(input, true, true);
					long width = reader.getWidth(0);
					long height = reader.getHeight(0);
					if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE
							|| width * height > MAX_PIXELS) {
						throw new TooManyPixels(width + "x" + height + " pixels is too many");
					}
					return reader.read(0, reader.getDefaultReadParam());
				}
				finally {
					reader.dispose();
				}
			}
			return null;
		}
	}

	// Hybrid binarizer first (good for screenshots), then global histogram, then the
	// image
	// inverted (dark mode), then PURE_BARCODE for clean renders.
	private static String decodeQr(BufferedImage image) {
		LuminanceSource source = new BufferedImageLuminanceSource(image);
		List<BinaryBitmap> bitmaps = List.of(new BinaryBitmap(new HybridBinarizer(source)),
				new BinaryBitmap(new GlobalHistogramBinarizer(source)),
				new BinaryBitmap(new HybridBinarizer(source.invert())));
		for (BinaryBitmap bitmap : bitmaps) {
			String text = tryDecode(bitmap, HARDER);
			if (text != null) {
				return text;
			}
		}
		return tryDecode(new BinaryBitmap(new HybridBinarizer(source)), PURE);
	}

	private static String tryDecode(BinaryBitmap bitmap, Map<DecodeHintType, Object> hints) {
		try {
			// QRCodeReader keeps state: a new one per attempt keeps this thread-safe
			return new QRCodeReader().decode(bitmap, hints).getText();
		}
		catch (ReaderException | RuntimeException ex) {
			return null;
		}
	}

	private static Map<DecodeHintType, Object> hints(boolean pure) {
		Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
		hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
		hints.put(DecodeHintType.CHARACTER_SET, "UTF-8");
		if (pure) {
			hints.put(DecodeHintType.PURE_BARCODE, Boolean.TRUE);
		}
		else {
			hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
		}
		return Map.copyOf(hints);
	}

	private static Decoded failed(Reason reason, String detail) {
		return new Decoded(null, new Rejection(reason, detail));
	}

	private static final class TooManyPixels extends IOException {

		TooManyPixels(String message) {
			super(message);
		}

	}

	/**
	 * Either decoded text or a rejection.
	 *
	 * @param text the QR text, or {@code null}
	 * @param rejection the rejection, or {@code null}
	 */
	record Decoded(String text, Rejection rejection) {

	}

}
