package com.helpboard.share;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

/** Reads images and the QR codes in them, as a phone's scanner would. */
final class QrDecoding {

	private QrDecoding() {
	}

	static BufferedImage image(byte[] png) {
		try {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
			if (image == null) {
				throw new AssertionError("not an image ImageIO can read");
			}
			return image;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The text of the one QR code in the image, found by the detector, which looks for a
	 * code within a photo (the board draws each code so it finds it: QrCodeImages).
	 */
	static String qrText(BufferedImage image) {
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
		try {
			return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE,
					DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE)))
				.getText();
		}
		catch (NotFoundException ex) {
			throw new AssertionError("no QR code found in the image", ex);
		}
	}

	static String qrText(byte[] png) {
		return qrText(image(png));
	}

}
