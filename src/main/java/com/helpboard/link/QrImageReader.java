package com.helpboard.link;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
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
 * Cost is bounded before and during decoding:
 * <ul>
 * <li>the pixel size is read from the header and checked ({@link #MAX_SIDE},
 * {@link #MAX_PIXELS}) before any pixel data is decoded, so a small file that claims or
 * holds a huge image is refused cheaply;</li>
 * <li>pixels are decoded with source subsampling, so the decoded raster has at most
 * {@link #TARGET_SIDE} pixels on its longer side and at most {@link #RASTER_BYTES} bytes
 * (a 16-bit RGBA image is never held at full size), then turned into an 8-bit grey copy
 * row by row;</li>
 * <li>the slow TRY_HARDER attempts with several binarizers run only on small images
 * ({@link #TRY_HARDER_MAX_PIXELS}); larger ones get one fast attempt and the pure-barcode
 * one.</li>
 * </ul>
 * Time and concurrency limits are applied by {@link QrDecodeGate}.
 */
final class QrImageReader {

	static final int MAX_SIDE = 4096;

	// a full phone screenshot (up to ~1440x3200) fits; only a subsampled grey copy of at
	// most TARGET_SIDE a side is ever decoded, so the work stays bounded
	static final long MAX_PIXELS = 8_000_000;

	static final int TARGET_SIDE = 1200;

	static final long RASTER_BYTES = 6L * 1024 * 1024;

	static final long TRY_HARDER_MAX_PIXELS = 500_000;

	private static final Set<String> FORMATS = Set.of("png", "jpeg", "jpg");

	private static final Map<DecodeHintType, Object> HARDER = hints(DecodeHintType.TRY_HARDER);

	private static final Map<DecodeHintType, Object> FAST = hints(null);

	private static final Map<DecodeHintType, Object> PURE = hints(DecodeHintType.PURE_BARCODE);

	private QrImageReader() {
	}

	/**
	 * Check format and pixel size from the header only; cheap, no pixel data decoded.
	 * @param bytes image bytes, already size-checked
	 * @return a rejection, or {@code null} when the image may be decoded
	 */
	static Rejection checkHeader(byte[] bytes) {
		try {
			Boolean known = withReader(bytes, (reader) -> {
				checkSize(reader.getWidth(0), reader.getHeight(0));
				return Boolean.TRUE;
			});
			return (known != null) ? null : new Rejection(Reason.IMAGE_UNREADABLE, "not a PNG or JPEG image");
		}
		catch (TooManyPixels ex) {
			return new Rejection(Reason.IMAGE_TOO_MANY_PIXELS, ex.getMessage());
		}
		catch (IOException | RuntimeException ex) {
			return new Rejection(Reason.IMAGE_UNREADABLE, "could not read image: " + ex.getClass().getSimpleName());
		}
	}

	/**
	 * Decode the QR code text: the slow part, run by {@link QrDecodeGate}.
	 * @param bytes image bytes, already size-checked
	 * @return the decoded text or a rejection
	 */
	static Decoded decodePixels(byte[] bytes) {
		BufferedImage grey;
		try {
			grey = readGrey(bytes);
		}
		catch (TooManyPixels ex) {
			return failed(Reason.IMAGE_TOO_MANY_PIXELS, ex.getMessage());
		}
		catch (IOException | RuntimeException ex) {
			return failed(Reason.IMAGE_UNREADABLE, "could not read image: " + ex.getClass().getSimpleName());
		}
		if (grey == null) {
			return failed(Reason.IMAGE_UNREADABLE, "not a PNG or JPEG image");
		}
		String text = decodeQr(grey);
		return (text != null) ? new Decoded(text, null) : failed(Reason.NO_QR_CODE, "no QR code found in image");
	}

	/**
	 * The image as a downscaled 8-bit grey copy.
	 * @param bytes image bytes
	 * @return a {@link BufferedImage#TYPE_BYTE_GRAY} image, or {@code null} when not a
	 * PNG or JPEG
	 * @throws IOException if unreadable or too large
	 */
	static BufferedImage readGrey(byte[] bytes) throws IOException {
		return withReader(bytes, (reader) -> {
			int width = reader.getWidth(0);
			int height = reader.getHeight(0);
			checkSize(width, height);
			int step = subsampling(width, height, bytesPerPixel(reader));
			ImageReadParam param = reader.getDefaultReadParam();
			param.setSourceSubsampling(step, step, 0, 0);
			return toGrey(reader.read(0, param));
		});
	}

	/**
	 * Source subsampling step so that the decoded raster has at most {@link #TARGET_SIDE}
	 * pixels on its longer side and at most {@link #RASTER_BYTES} bytes.
	 * @param width source width
	 * @param height source height
	 * @param bytesPerPixel bytes per decoded pixel (8 for 16-bit RGBA)
	 * @return the step, at least 1
	 */
	static int subsampling(int width, int height, int bytesPerPixel) {
		int longer = Math.max(width, height);
		int bySide = (longer + TARGET_SIDE - 1) / TARGET_SIDE;
		int byBytes = 1;
		while ((long) ceilDiv(width, byBytes) * ceilDiv(height, byBytes) * Math.max(1, bytesPerPixel) > RASTER_BYTES) {
			byBytes++;
		}
		return Math.max(1, Math.max(bySide, byBytes));
	}

	/**
	 * An 8-bit grey copy, converted row by row; fully transparent pixels become white (as
	 * in ZXing).
	 * @param image any image
	 * @return the image itself when already 8-bit grey, else a grey copy
	 */
	static BufferedImage toGrey(BufferedImage image) {
		if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
			return image;
		}
		int width = image.getWidth();
		int height = image.getHeight();
		BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
		byte[] out = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
		int[] row = new int[width];
		for (int y = 0; y < height; y++) {
			image.getRGB(0, y, width, 1, row, 0, width);
			for (int x = 0; x < width; x++) {
				int argb = row[x];
				int luminance;
				if ((argb >>> 24) == 0) {
					luminance = 0xFF;
				}
				else {
					int r = (argb >> 16) & 0xFF;
					int g = (argb >> 8) & 0xFF;
					int b = argb & 0xFF;
					luminance = (306 * r + 601 * g + 117 * b + 0x200) >> 10;
				}
				out[y * width + x] = (byte) luminance;
			}
		}
		return grey;
	}

	private static void checkSize(long width, long height) throws TooManyPixels {
		if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
			throw new TooManyPixels(
					width + "x" + height + " pixels is too many (limit " + MAX_PIXELS + " pixels); crop the QR code");
		}
	}

	private static int bytesPerPixel(ImageReader reader) throws IOException {
		ImageTypeSpecifier type = reader.getRawImageType(0);
		if (type == null) {
			return 4;
		}
		int bits = 0;
		for (int size : type.getSampleModel().getSampleSize()) {
			bits += size;
		}
		return Math.max(1, (bits + 7) / 8);
	}

	// Opens the first PNG/JPEG reader on the bytes; null when there is none.
	private static <T> T withReader(byte[] bytes, ReaderFunction<T> function) throws IOException {
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
					return function.apply(reader);
				}
				finally {
					reader.dispose();
				}
			}
			return null;
		}
	}

	// Small images: hybrid binarizer (good for screenshots), global histogram, the image
	// inverted (dark mode), all with TRY_HARDER. Larger ones: one fast attempt. Then
	// PURE_BARCODE for clean renders.
	private static String decodeQr(BufferedImage grey) {
		LuminanceSource source = new BufferedImageLuminanceSource(grey);
		long pixels = (long) grey.getWidth() * grey.getHeight();
		if (pixels <= TRY_HARDER_MAX_PIXELS) {
			List<BinaryBitmap> bitmaps = List.of(new BinaryBitmap(new HybridBinarizer(source)),
					new BinaryBitmap(new GlobalHistogramBinarizer(source)),
					new BinaryBitmap(new HybridBinarizer(source.invert())));
			for (BinaryBitmap bitmap : bitmaps) {
				String text = tryDecode(bitmap, HARDER);
				if (text != null) {
					return text;
				}
			}
		}
		else {
			String text = tryDecode(new BinaryBitmap(new HybridBinarizer(source)), FAST);
			if (text != null) {
				return text;
			}
		}
		return tryDecode(new BinaryBitmap(new HybridBinarizer(source)), PURE);
	}

	/**
	 * The text ZXing's detector finds in {@code image}, as it finds a code within a photo
	 * (hybrid binarizer, TRY_HARDER; no pure-code reading), or null: what
	 * {@link QrCodeImages} checks each code it draws against.
	 */
	static String detect(BufferedImage image) {
		return tryDecode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))), HARDER);
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

	private static Map<DecodeHintType, Object> hints(DecodeHintType flag) {
		Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
		hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
		hints.put(DecodeHintType.CHARACTER_SET, "UTF-8");
		if (flag != null) {
			hints.put(flag, Boolean.TRUE);
		}
		return Map.copyOf(hints);
	}

	private static int ceilDiv(int a, int b) {
		return (a + b - 1) / b;
	}

	private static Decoded failed(Reason reason, String detail) {
		return new Decoded(null, new Rejection(reason, detail));
	}

	@FunctionalInterface
	private interface ReaderFunction<T> {

		T apply(ImageReader reader) throws IOException;

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
