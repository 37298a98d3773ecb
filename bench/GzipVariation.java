import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;

/**
 * What gzip costs a page that is byte for byte the same on every view (an anonymous
 * group page) against one whose CSRF token differs on every view (a signed-in page:
 * Spring Security masks the token anew for each response against BREACH). Compresses
 * the page as PageBuffer does (zlib level 1, raw deflate, one deflater reset per page),
 * cycling through 1, 2, 4 or 64 copies that differ only in the token, and splits each
 * compression into the page's first part and its last 400 bytes with the block's end
 * (where zlib builds its Huffman tables and codes every symbol of the block).
 *
 * Usage (single-file source launch, JDK 17):
 *   curl -s -b 'SESSION=…' http://127.0.0.1:18080/g/small > page.html
 *   java bench/GzipVariation.java page.html
 */
public class GzipVariation {

	public static void main(String[] args) throws Exception {
		String page = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		if (!token.find()) {
			System.err.println("no CSRF token in " + args[0] + ": save a signed-in page");
			System.exit(2);
		}
		String original = token.group(1);
		Random random = new Random(1);
		byte[][] copies = new byte[64][];
		for (int i = 0; i < copies.length; i++) {
			byte[] mask = new byte[original.length() * 3 / 4];
			random.nextBytes(mask);
			String other = Base64.getUrlEncoder().withoutPadding().encodeToString(mask);
			copies[i] = page.replace(original, other).getBytes(StandardCharsets.UTF_8);
		}
		System.out.printf("page: %d bytes, token of %d characters in %d places%n", copies[0].length, original.length(),
				page.split(Pattern.quote(original), -1).length - 1);
		byte[] out = new byte[64 * 1024];
		for (int round = 1; round <= 2; round++) {
			for (int variants : new int[] { 1, 2, 4, 64 }) {
				Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
				int views = 20_000;
				long first = 0;
				long last = 0;
				for (int i = 0; i < views; i++) {
					byte[] bytes = copies[i % variants];
					int cut = bytes.length - 400;
					deflater.reset();
					deflater.setInput(bytes, 0, cut);
					long t0 = System.nanoTime();
					while (!deflater.needsInput()) {
						deflater.deflate(out);
					}
					long t1 = System.nanoTime();
					deflater.setInput(bytes, cut, bytes.length - cut);
					deflater.finish();
					while (!deflater.finished()) {
						deflater.deflate(out);
					}
					long t2 = System.nanoTime();
					if (i >= views / 2) { // the first half warms up
						first += t1 - t0;
						last += t2 - t1;
					}
				}
				deflater.end();
				double n = views / 2.0;
				System.out.printf("round %d, %2d different pages in turn: %5.1f µs a page (first part %5.1f, last 400 bytes and the block's end %5.1f)%n",
						round, variants, (first + last) / 1000.0 / n, first / 1000.0 / n, last / 1000.0 / n);
			}
		}
	}

}
