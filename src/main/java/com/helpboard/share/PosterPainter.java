package com.helpboard.share;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import com.helpboard.link.QrCodeImages;

/**
 * Draws a request's poster with Java2D (headless): the board's band, platform and
 * campaign badges, the title, progress, end time, author and group, and a large QR code
 * of the request's page on this board. Fixed size, every text cut to its room.
 */
final class PosterPainter {

	static final int WIDTH = 750;

	static final int HEIGHT = 1200;

	static final int QR_SIZE = 380;

	private static final int MARGIN = 48;

	private static final Color BRAND = new Color(0xe0, 0x2e, 0x24);

	private static final Color TEMU = new Color(0xc2, 0x41, 0x0c);

	private static final Color INK = new Color(0x1d, 0x1d, 0x1f);

	private static final Color MUTED = new Color(0x5f, 0x5f, 0x64);

	private static final Color LINE = new Color(0xe4, 0xe4, 0xe0);

	private static final Color BG = new Color(0xf6, 0xf6, 0xf4);

	private static final Color OK = new Color(0x1a, 0x7f, 0x37);

	/** Chinese words every poster has: a font must draw them to be picked. */
	private static final String SAMPLE = "助力广场还差次截止拼多多发起人长按识别二维码";

	/** Fonts known to draw Chinese, best first; the logical ones last. */
	private static final List<String> CANDIDATES = List.of("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
			"WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "PingFang SC", "Microsoft YaHei", "SimHei",
			"Droid Sans Fallback", Font.SANS_SERIF, Font.DIALOG);

	/**
	 * The family drawing Chinese, or sans-serif (Latin only) when no installed one can.
	 */
	static final String FAMILY = pickFamily(CANDIDATES, installedFamilies());

	/** The painter of this machine's posters, in {@link #FAMILY}. */
	static final PosterPainter DEFAULT = new PosterPainter(FAMILY);

	private final String family;

	PosterPainter(String family) {
		this.family = family;
	}

	/** Whether this painter's font draws Chinese (else Chinese shows as boxes). */
	boolean drawsChinese() {
		return new Font(this.family, Font.PLAIN, 20).canDisplayUpTo(SAMPLE) == -1;
	}

	static String pickFamily(List<String> candidates, Set<String> installed) {
		for (String family : candidates) {
			boolean logical = family.equals(Font.SANS_SERIF) || family.equals(Font.DIALOG);
			if ((logical || installed.contains(family))
					&& new Font(family, Font.PLAIN, 20).canDisplayUpTo(SAMPLE) == -1) {
				return family;
			}
		}
		return Font.SANS_SERIF;
	}

	private static Set<String> installedFamilies() {
		try {
			return new HashSet<>(
					Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()));
		}
		catch (RuntimeException | Error ex) {
			// no font configuration at all: the logical fonts still draw Latin
			return Set.of();
		}
	}

	/** The poster as PNG bytes. */
	byte[] png(PosterText text) {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			paint(g, text);
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(96 * 1024);
		try {
			ImageIO.write(image, "PNG", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private void paint(Graphics2D g, PosterText text) {
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		int inner = WIDTH - 2 * MARGIN;

		g.setColor(BG);
		g.fillRect(0, 0, WIDTH, HEIGHT);

		// the board's band
		g.setColor(BRAND);
		g.fillRect(0, 0, WIDTH, 170);
		g.setColor(Color.WHITE);
		g.setFont(font(Font.BOLD, 46));
		g.drawString(fit(text.board(), g.getFontMetrics(), inner), MARGIN, 82);
		g.setFont(font(Font.PLAIN, 24));
		g.drawString(fit(text.tagline(), g.getFontMetrics(), inner), MARGIN, 128);

		// the card
		int top = 140;
		g.setColor(Color.WHITE);
		g.fill(new RoundRectangle2D.Float(24, top, WIDTH - 48, HEIGHT - top - 24, 28, 28));
		g.setColor(LINE);
		g.setStroke(new BasicStroke(2));
		g.draw(new RoundRectangle2D.Float(24, top, WIDTH - 48, HEIGHT - top - 24, 28, 28));

		// badges
		int y = top + 66;
		g.setFont(font(Font.BOLD, 26));
		int x = badge(g, text.platform(), MARGIN, y, text.temu() ? TEMU : BRAND, Color.WHITE, inner);
		badge(g, text.campaign(), x + 12, y, LINE, INK, MARGIN + inner - x - 12);

		// the title, up to three lines
		y += 92;
		g.setColor(INK);
		g.setFont(font(Font.BOLD, 42));
		FontMetrics title = g.getFontMetrics();
		for (String line : wrap(text.title(), title, inner, 3)) {
			g.drawString(line, MARGIN, y);
			y += 58;
		}

		// progress
		y += 14;
		g.setFont(font(Font.PLAIN, 30));
		g.setColor(INK);
		g.drawString(fit(text.progress(), g.getFontMetrics(), inner / 2), MARGIN, y);
		g.setFont(font(Font.BOLD, 34));
		g.setColor(BRAND);
		String remaining = fit(text.remaining(), g.getFontMetrics(), inner / 2);
		g.drawString(remaining, MARGIN + inner - g.getFontMetrics().stringWidth(remaining), y);
		y += 24;
		g.setColor(LINE);
		g.fill(new RoundRectangle2D.Float(MARGIN, y, inner, 16, 16, 16));
		int done = (text.needed() > 0)
				? (int) Math.round(inner * Math.min(1.0, (double) text.confirmed() / text.needed())) : 0;
		if (done > 0) {
			g.setColor(OK);
			g.fill(new RoundRectangle2D.Float(MARGIN, y, Math.max(16, done), 16, 16, 16));
		}

		// when it ends, who asks, in which group
		y += 62;
		g.setFont(font(Font.PLAIN, 27));
		g.setColor(MUTED);
		g.drawString(fit(text.ends(), g.getFontMetrics(), inner), MARGIN, y);
		y += 44;
		g.drawString(fit(text.byline(), g.getFontMetrics(), inner), MARGIN, y);

		// the QR code of the request's page on this board, then how to use it, in the
		// middle of the room left
		int block = QR_SIZE + 44 + 38;
		int room = HEIGHT - 48 - (y + 24);
		int qrTop = y + 24 + Math.max(0, (room - block) / 2);
		g.drawImage(qr(text.url()), (WIDTH - QR_SIZE) / 2, qrTop, QR_SIZE, QR_SIZE, null);
		int below = qrTop + QR_SIZE + 44;
		g.setColor(INK);
		g.setFont(font(Font.BOLD, 28));
		centered(g, fit(text.scan(), g.getFontMetrics(), inner), below);
		g.setColor(MUTED);
		g.setFont(font(Font.PLAIN, 22));
		centered(g, fit(text.url().replaceFirst("^https?://", ""), g.getFontMetrics(), inner), below + 38);
	}

	private Font font(int style, int size) {
		return new Font(this.family, style, size);
	}

	/** A rounded badge at (x, baseline y); returns where the next one may start. */
	private static int badge(Graphics2D g, String label, int x, int y, Color fill, Color ink, int room) {
		FontMetrics metrics = g.getFontMetrics();
		String text = fit(label, metrics, Math.max(40, room - 32));
		int width = metrics.stringWidth(text) + 32;
		g.setColor(fill);
		g.fill(new RoundRectangle2D.Float(x, y - metrics.getAscent() - 8, width, metrics.getAscent() + 24, 30, 30));
		g.setColor(ink);
		g.drawString(text, x + 16, y + 2);
		return x + width;
	}

	private static void centered(Graphics2D g, String text, int y) {
		g.drawString(text, (WIDTH - g.getFontMetrics().stringWidth(text)) / 2, y);
	}

	private static BufferedImage qr(String url) {
		try {
			return ImageIO.read(new ByteArrayInputStream(QrCodeImages.png(url, QR_SIZE)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code text} cut with "…" to fit {@code width} pixels. */
	static String fit(String text, FontMetrics metrics, int width) {
		if (metrics.stringWidth(text) <= width) {
			return text;
		}
		int[] points = text.codePoints().limit(200).toArray();
		int end = points.length;
		while (end > 0 && metrics.stringWidth(new String(points, 0, end) + "…") > width) {
			end--;
		}
		return new String(points, 0, end).strip() + "…";
	}

	/**
	 * {@code text} in at most {@code lines} lines of {@code width} pixels, broken between
	 * characters (Chinese has no spaces) or at a space in Latin text; the last line cut
	 * with "…" when the text goes on.
	 */
	static List<String> wrap(String text, FontMetrics metrics, int width, int lines) {
		List<String> result = new ArrayList<>();
		int[] points = text.codePoints().toArray();
		int start = 0;
		while (start < points.length && result.size() < lines) {
			int end = start;
			while (end < points.length && metrics.stringWidth(new String(points, start, end - start + 1)) <= width) {
				end++;
			}
			if (end == start) {
				// a glyph wider than the line: draw it alone
				end = start + 1;
			}
			if (end < points.length) {
				int space = lastSpace(points, start, end);
				if (space > start + (end - start) / 2) {
					end = space + 1;
				}
			}
			String line = new String(points, start, end - start).strip();
			if (result.size() == lines - 1 && end < points.length) {
				line = fit(new String(points, start, points.length - start).strip(), metrics, width);
			}
			if (!line.isEmpty()) {
				result.add(line);
			}
			start = end;
		}
		return result;
	}

	private static int lastSpace(int[] points, int start, int end) {
		for (int i = end - 1; i > start; i--) {
			if (Character.isWhitespace(points[i])) {
				return i;
			}
		}
		return -1;
	}

}
