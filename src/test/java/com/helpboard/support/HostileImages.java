package com.helpboard.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * The "decompression" images of the security audit, made by the test instead of kept as
 * files: small PNGs that are expensive to decode.
 */
public final class HostileImages {

	private HostileImages() {
	}

	/** Grey with finder-like 1:1:3:1:1 stripes: a few KB that ZXing used to chew on. */
	public static byte[] stripes(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, height);
		g.setColor(Color.BLACK);
		int[] pattern = { 1, 1, 3, 1, 1, 1 };
		for (int x = 0, i = 0; x < width; i++) {
			int w = pattern[i % pattern.length] * 4;
			if (i % 2 == 0) {
				g.fillRect(x, 0, w, height);
			}
			x += w;
		}
		g.dispose();
		return png(image);
	}

	/** 16-bit RGBA (8 bytes a pixel once decoded) with a checkerboard. */
	public static byte[] rgba16(int width, int height) {
		ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), true, false,
				Transparency.TRANSLUCENT, DataBuffer.TYPE_USHORT);
		WritableRaster raster = model.createCompatibleWritableRaster(width, height);
		int[] white = { 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF };
		int[] black = { 0, 0, 0, 0xFFFF };
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				raster.setPixel(x, y, (((x / 7) + (y / 7)) % 2 == 0) ? black : white);
			}
		}
		return png(new BufferedImage(model, raster, false, null));
	}

	private static byte[] png(BufferedImage image) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
