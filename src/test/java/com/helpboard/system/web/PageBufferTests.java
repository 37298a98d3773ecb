package com.helpboard.system.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page buffer gives the bytes {@link String#getBytes} would, gzipped as a gzip reader
 * reads them, whatever page it held before.
 */
class PageBufferTests {

	private static byte[] plain(PageBuffer buffer, Charset charset) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		buffer.write(out, buffer.encode(charset));
		return out.toByteArray();
	}

	private static byte[] gzipped(PageBuffer buffer, Charset charset) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		buffer.writeGzipped(out, buffer.encode(charset));
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(out.toByteArray()))) {
			return in.readAllBytes();
		}
	}

	private static String page(int characters, long seed) {
		Random random = new Random(seed);
		StringBuilder page = new StringBuilder("<!DOCTYPE html><title>助力广场</title>");
		String[] pieces = { "<li class=\"card\">", "砍价免费拿", "多多果园 ", "😀", "Temu Farmland", "</li>\n", "&amp;",
				"\u00e9" };
		while (page.length() < characters) {
			page.append(pieces[random.nextInt(pieces.length)]);
			if (random.nextInt(50) == 0) {
				page.append((char) (0x4e00 + random.nextInt(0x5000)));
			}
		}
		return page.toString();
	}

	private static void draw(PageBuffer buffer, String page) {
		// the writer's ways of writing, as Thymeleaf and PrintWriter use them
		int third = page.length() / 3;
		buffer.writer().write(page, 0, third);
		buffer.writer().write(page.substring(third, 2 * third).toCharArray());
		buffer.writer().print(page.substring(2 * third, page.length() - 1));
		buffer.writer().write(page.charAt(page.length() - 1));
	}

	@Test
	void aPageComesOutAsItsBytesPlainAndGzipped() throws IOException {
		String page = page(40_000, 1);
		PageBuffer buffer = PageBuffer.take();
		try {
			draw(buffer, page);
			assertThat(buffer.toString()).isEqualTo(page);
			assertThat(plain(buffer, StandardCharsets.UTF_8)).isEqualTo(page.getBytes(StandardCharsets.UTF_8));
			assertThat(gzipped(buffer, StandardCharsets.UTF_8)).isEqualTo(page.getBytes(StandardCharsets.UTF_8));
			// another charset, with characters it cannot hold: replaced as getBytes does
			Charset latin1 = StandardCharsets.ISO_8859_1;
			assertThat(plain(buffer, latin1)).isEqualTo(page.getBytes(latin1));
			assertThat(gzipped(buffer, latin1)).isEqualTo(page.getBytes(latin1));
		}
		finally {
			buffer.release();
		}
	}

	@Test
	void aLoneSurrogateBecomesAQuestionMarkAsWithGetBytes() throws IOException {
		String page = "<p>a\ud83d b \ude00c 助</p>";
		PageBuffer buffer = PageBuffer.take();
		try {
			draw(buffer, page);
			assertThat(plain(buffer, StandardCharsets.UTF_8)).isEqualTo(page.getBytes(StandardCharsets.UTF_8));
		}
		finally {
			buffer.release();
		}
	}

	/** Random characters hardly compress: the deflater's output takes several rounds. */
	@Test
	void aPageThatDoesNotCompressIsWholeAfterGzip() throws IOException {
		Random random = new Random(7);
		StringBuilder page = new StringBuilder();
		for (int i = 0; i < 200_000; i++) {
			page.append((char) (0x4e00 + random.nextInt(0x5000)));
		}
		PageBuffer buffer = PageBuffer.take();
		try {
			draw(buffer, page.toString());
			assertThat(gzipped(buffer, StandardCharsets.UTF_8))
				.isEqualTo(page.toString().getBytes(StandardCharsets.UTF_8));
		}
		finally {
			buffer.release();
		}
	}

	/**
	 * Each buffer taken is empty and sends only its own page, after any page before it.
	 */
	@Test
	void aKeptBufferSendsOnlyTheNextPage() throws IOException {
		for (int round = 0; round < 3 * PageBuffer.KEPT_AT_MOST; round++) {
			String page = page((round % 2 == 0) ? 60_000 : 500, round);
			PageBuffer buffer = PageBuffer.take();
			try {
				assertThat(buffer.toString()).isEmpty();
				draw(buffer, page);
				byte[] expected = page.getBytes(StandardCharsets.UTF_8);
				assertThat(gzipped(buffer, StandardCharsets.UTF_8)).isEqualTo(expected);
				assertThat(plain(buffer, StandardCharsets.UTF_8)).isEqualTo(expected);
				buffer.clear();
				draw(buffer, "<p>reset</p>");
				assertThat(plain(buffer, StandardCharsets.UTF_8)).isEqualTo("<p>reset</p>".getBytes());
			}
			finally {
				buffer.release();
			}
		}
	}

	/**
	 * More pages at once than buffers are kept: the ones not kept free their zlib memory.
	 */
	@Test
	void aBufferNotKeptEndsItsDeflater() throws IOException {
		java.util.List<PageBuffer> atOnce = new java.util.ArrayList<>();
		for (int i = 0; i <= PageBuffer.KEPT_AT_MOST; i++) {
			PageBuffer buffer = PageBuffer.take();
			draw(buffer, page(5_000, i));
			gzipped(buffer, StandardCharsets.UTF_8);
			assertThat(buffer.holdsDeflater()).isTrue();
			atOnce.add(buffer);
		}
		atOnce.forEach(PageBuffer::release);
		assertThat(atOnce.get(0).holdsDeflater()).isTrue();
		assertThat(atOnce.get(PageBuffer.KEPT_AT_MOST).holdsDeflater()).isFalse();
	}

	@Test
	void aBufferThatGrewHugeIsNotKept() {
		PageBuffer buffer = PageBuffer.take();
		draw(buffer, "x".repeat(PageBuffer.KEEP_UP_TO_CHARS + 1));
		buffer.release();
		for (int i = 0; i <= PageBuffer.KEPT_AT_MOST; i++) {
			assertThat(PageBuffer.take()).isNotSameAs(buffer);
		}
	}

	/**
	 * Bytes written (a JSON answer) come out as written, plain and gzipped, however they
	 * were written and whatever the buffer held before; a page drawn afterwards is only
	 * itself.
	 */
	@Test
	void writtenBytesComeOutAsWritten() throws IOException {
		for (int round = 0; round < 2 * PageBuffer.KEPT_AT_MOST; round++) {
			byte[] answer = page((round % 2 == 0) ? 30_000 : 300, round).getBytes(StandardCharsets.UTF_8);
			PageBuffer buffer = PageBuffer.take();
			try {
				assertThat(buffer.byteCount()).isZero();
				buffer.bytes().write(answer, 0, 7);
				buffer.bytes().write(answer[7]);
				buffer.bytes().write(answer, 8, answer.length - 8);
				assertThat(buffer.byteCount()).isEqualTo(answer.length);
				ByteArrayOutputStream plain = new ByteArrayOutputStream();
				buffer.write(plain, buffer.byteCount());
				assertThat(plain.toByteArray()).isEqualTo(answer);
				ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
				buffer.writeGzipped(gzipped, buffer.byteCount());
				try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.toByteArray()))) {
					assertThat(in.readAllBytes()).isEqualTo(answer);
				}
				buffer.clear();
				assertThat(buffer.byteCount()).isZero();
				draw(buffer, "<p>then a page</p>");
				assertThat(plain(buffer, StandardCharsets.UTF_8)).isEqualTo("<p>then a page</p>".getBytes());
			}
			finally {
				buffer.release();
			}
		}
	}

	@Test
	void aBufferThatWroteHugeBytesIsNotKept() throws IOException {
		PageBuffer buffer = PageBuffer.take();
		buffer.bytes().write(new byte[PageBuffer.KEEP_UP_TO_BYTES + 1]);
		buffer.release();
		for (int i = 0; i <= PageBuffer.KEPT_AT_MOST; i++) {
			assertThat(PageBuffer.take()).isNotSameAs(buffer);
		}
	}

	/**
	 * The deflater reads an answer a chunk at a time: answers on either side of a chunk's
	 * end, none at all and several chunks long come out whole.
	 */
	@Test
	void answersOfEveryLengthAroundAChunkComeOutWhole() throws IOException {
		int chunk = PageBuffer.DEFLATE_CHUNK;
		Random random = new Random(11);
		for (int length : new int[] { 0, 1, chunk - 1, chunk, chunk + 1, 2 * chunk, 3 * chunk + 17 }) {
			byte[] answer = new byte[length];
			for (int i = 0; i < length; i++) {
				// half compressible, half not
				answer[i] = (byte) ((i % 2 == 0) ? 'a' + i % 7 : random.nextInt());
			}
			PageBuffer buffer = PageBuffer.take();
			try {
				buffer.bytes().write(answer);
				ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
				buffer.writeGzipped(gzipped, buffer.byteCount());
				try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.toByteArray()))) {
					assertThat(in.readAllBytes()).as("%d bytes", length).isEqualTo(answer);
				}
			}
			finally {
				buffer.release();
			}
		}
	}

}
