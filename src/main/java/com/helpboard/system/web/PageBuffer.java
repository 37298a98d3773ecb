package com.helpboard.system.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The memory one page is drawn, encoded and gzipped in, kept for the next page instead of
 * made anew for each (docs/performance.md, "A page's buffers kept"). Drawn the usual way,
 * a 25 KB page went through a growing string builder, a growing char array, two strings,
 * a byte array and a new deflater with its own buffers: about half of all the memory a
 * page view allocated, and so of the collector's work and of the heap it grows under
 * load.
 * <p>
 * A buffer serves one page at a time: {@link #take()} it, write the page through
 * {@link #writer()}, {@link #write} or {@link #writeGzipped} it to the response, then
 * {@link #release()} it. An answer that is bytes already (JSON,
 * {@link GzippingJsonConverter}) is written through {@link #bytes()} instead of the
 * writer, and needs no {@link #encode}. At most {@value #KEPT_AT_MOST} are kept (as many
 * as pages are drawn at once under the bench's 32 connections), and none that grew past
 * {@value #KEEP_UP_TO_CHARS} characters, so a rare huge page does not hold its memory
 * afterwards.
 * <p>
 * The deflater reads and writes direct buffers: given Java arrays, zlib works on them
 * inside a JNI critical section, which holds off a garbage collection until it ends and
 * then forces one (G1's "GCLocker Initiated GC": over a third of all young collections
 * under the soak's load, and bursts of them are what made G1 grow the heap).
 */
final class PageBuffer {

	static final int KEPT_AT_MOST = 32;

	/**
	 * A kept buffer holds up to about 7 bytes per character of its largest page (chars,
	 * UTF-8 bytes, gzip) plus the deflater's 96 KB of direct buffers and zlib's ~300 KB:
	 * at most about 0.8 MB each, 26 MB for all kept, even if someone keeps asking for the
	 * largest pages. A group page is 12-20 K characters.
	 */
	static final int KEEP_UP_TO_CHARS = 64 * 1024;

	/**
	 * The deflater reads at most this many bytes at a time, so its direct buffers have a
	 * fixed size however large an answer is: sized to the answer, a member asking for the
	 * largest answers over and over (100 requests with the longest share texts, ~600 KB)
	 * left direct memory for the collector to free on each of them.
	 */
	static final int DEFLATE_CHUNK = 64 * 1024;

	/** Bytes of a kept buffer: those of its largest page, whether encoded or written. */
	static final int KEEP_UP_TO_BYTES = 3 * KEEP_UP_TO_CHARS + 16;

	private static final ArrayBlockingQueue<PageBuffer> kept = new ArrayBlockingQueue<>(KEPT_AT_MOST);

	/**
	 * gzip's header (RFC 1952): magic, deflate, no flags, no time, no extra flags, OS 0.
	 */
	private static final byte[] GZIP_HEADER = { 0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, 0 };

	private char[] chars = new char[32 * 1024];

	private int length;

	private byte[] bytes = new byte[0];

	private byte[] gzipped = new byte[0];

	/** How many of {@link #bytes} were written through {@link #bytes()}. */
	private int byteCount;

	private final OutputStream byteWriter = new OutputStream() {

		@Override
		public void write(int b) {
			ensureBytes(1);
			PageBuffer.this.bytes[PageBuffer.this.byteCount++] = (byte) b;
		}

		@Override
		public void write(byte[] source, int offset, int count) {
			ensureBytes(count);
			System.arraycopy(source, offset, PageBuffer.this.bytes, PageBuffer.this.byteCount, count);
			PageBuffer.this.byteCount += count;
		}

	};

	private ByteBuffer deflaterIn;

	private ByteBuffer deflaterOut;

	private Deflater deflater;

	private final CRC32 crc = new CRC32();

	private CharsetEncoder encoder;

	private final PrintWriter writer = new PrintWriter(Writer.nullWriter()) {

		@Override
		public void write(int c) {
			ensure(1);
			PageBuffer.this.chars[PageBuffer.this.length++] = (char) c;
		}

		@Override
		public void write(char[] source, int offset, int count) {
			ensure(count);
			System.arraycopy(source, offset, PageBuffer.this.chars, PageBuffer.this.length, count);
			PageBuffer.this.length += count;
		}

		@Override
		public void write(char[] source) {
			write(source, 0, source.length);
		}

		@Override
		public void write(String text, int offset, int count) {
			ensure(count);
			text.getChars(offset, offset + count, PageBuffer.this.chars, PageBuffer.this.length);
			PageBuffer.this.length += count;
		}

		@Override
		public void write(String text) {
			write(text, 0, text.length());
		}

		@Override
		public void flush() {
			// nothing leaves before the page is whole
		}

		@Override
		public void close() {
			// the page is sent by write or writeGzipped
		}

		@Override
		public boolean checkError() {
			return false;
		}

	};

	private PageBuffer() {
	}

	/** A kept buffer, or a new one when all are in use; empty either way. */
	static PageBuffer take() {
		PageBuffer buffer = kept.poll();
		return (buffer != null) ? buffer : new PageBuffer();
	}

	/**
	 * Gives this buffer back; it must not be used afterwards. One that is not kept frees
	 * its deflater's native memory now: left to the garbage collector, the zlib state of
	 * every page drawn while all kept buffers were in use (about 300 KB each) piled up in
	 * the C heap between collections, and glibc kept that memory resident afterwards.
	 */
	void release() {
		this.length = 0;
		this.byteCount = 0;
		if (this.chars.length > KEEP_UP_TO_CHARS || this.bytes.length > KEEP_UP_TO_BYTES || !kept.offer(this)) {
			if (this.deflater != null) {
				this.deflater.end();
				this.deflater = null;
			}
		}
	}

	/** Whether this buffer holds a deflater and its native memory (tests). */
	boolean holdsDeflater() {
		return this.deflater != null;
	}

	/** Writes into this buffer: unsynchronized, for the one thread drawing the page. */
	PrintWriter writer() {
		return this.writer;
	}

	/**
	 * Writes bytes into this buffer, for the one thread making the answer; the first
	 * {@link #byteCount()} are then sent with {@link #write} or {@link #writeGzipped}.
	 */
	OutputStream bytes() {
		return this.byteWriter;
	}

	/** How many bytes were written through {@link #bytes()}. */
	int byteCount() {
		return this.byteCount;
	}

	/** Forgets what was written. */
	void clear() {
		this.length = 0;
		this.byteCount = 0;
	}

	/** What was written, as a string (tests). */
	@Override
	public String toString() {
		return new String(this.chars, 0, this.length);
	}

	private void ensure(int more) {
		int needed = this.length + more;
		if (needed > this.chars.length) {
			this.chars = Arrays.copyOf(this.chars, Math.max(needed, this.chars.length * 2));
		}
	}

	private void ensureBytes(int more) {
		int needed = this.byteCount + more;
		if (needed > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(needed, Math.max(8 * 1024, this.bytes.length * 2)));
		}
	}

	/**
	 * Encodes the page in {@code charset} for {@link #write} or {@link #writeGzipped}; as
	 * {@link String#getBytes(Charset)} does, what cannot be encoded becomes the charset's
	 * replacement.
	 * @return the number of bytes
	 */
	int encode(Charset charset) {
		if (this.encoder == null || !this.encoder.charset().equals(charset)) {
			this.encoder = charset.newEncoder()
				.onMalformedInput(CodingErrorAction.REPLACE)
				.onUnmappableCharacter(CodingErrorAction.REPLACE);
		}
		int most = (int) Math.ceil(this.length * (double) this.encoder.maxBytesPerChar()) + 16;
		if (this.bytes.length < most) {
			this.bytes = new byte[most];
		}
		this.byteCount = 0;
		CharsetEncoder encoder = this.encoder.reset();
		ByteBuffer target = ByteBuffer.wrap(this.bytes);
		CharBuffer source = CharBuffer.wrap(this.chars, 0, this.length);
		CoderResult result = encoder.encode(source, target, true);
		if (!result.isUnderflow()) {
			throw new IllegalStateException("a page did not fit its bytes: " + result);
		}
		encoder.flush(target);
		return target.position();
	}

	/** Writes the first {@code count} encoded or written bytes. */
	void write(OutputStream out, int count) throws IOException {
		out.write(this.bytes, 0, count);
	}

	/** Writes the first {@code count} encoded or written bytes gzipped. */
	void writeGzipped(OutputStream out, int count) throws IOException {
		int size = gzip(count); // before reading the field: gzip may grow the array
		out.write(this.gzipped, 0, size);
	}

	/**
	 * gzips the first {@code count} of {@link #bytes} into {@link #gzipped}; its length.
	 */
	private int gzip(int count) {
		if (this.deflater == null) {
			this.deflater = new Deflater(Deflater.BEST_SPEED, true);
		}
		if (this.deflaterIn == null) {
			this.deflaterIn = ByteBuffer.allocateDirect(DEFLATE_CHUNK);
			this.deflaterOut = ByteBuffer.allocateDirect(DEFLATE_CHUNK / 2);
		}
		Deflater deflater = this.deflater;
		deflater.reset();
		this.crc.reset();
		int size = GZIP_HEADER.length;
		if (this.gzipped.length < size + count / 2 + 64) {
			this.gzipped = new byte[size + count / 2 + 64 + 8];
		}
		System.arraycopy(GZIP_HEADER, 0, this.gzipped, 0, size);
		int from = 0;
		do {
			int chunk = Math.min(DEFLATE_CHUNK, count - from);
			ByteBuffer in = this.deflaterIn.clear();
			in.put(this.bytes, from, chunk).flip();
			this.crc.update(in.duplicate());
			from += chunk;
			deflater.setInput(in);
			if (from == count) {
				deflater.finish();
			}
			while ((from == count) ? !deflater.finished() : !deflater.needsInput()) {
				size = drain(size);
			}
		}
		while (from < count);
		size = putIntelInt(size, (int) this.crc.getValue());
		return putIntelInt(size, count);
	}

	/** Appends what the deflater has ready to {@link #gzipped}; the new size. */
	private int drain(int size) {
		ByteBuffer out = this.deflaterOut.clear();
		this.deflater.deflate(out);
		out.flip();
		int made = out.remaining();
		if (this.gzipped.length < size + made + 8) {
			this.gzipped = Arrays.copyOf(this.gzipped, Math.max(size + made + 8, this.gzipped.length * 2));
		}
		out.get(this.gzipped, size, made);
		return size + made;
	}

	private int putIntelInt(int at, int value) {
		this.gzipped[at] = (byte) value;
		this.gzipped[at + 1] = (byte) (value >> 8);
		this.gzipped[at + 2] = (byte) (value >> 16);
		this.gzipped[at + 3] = (byte) (value >> 24);
		return at + 4;
	}

}
