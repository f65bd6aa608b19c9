package io.yardstick.runtime.load;

import io.yardstick.runtime.text.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What encoding a data file's bytes look like, for the message of a file that is not in the encoding it
 * was read in, from the file's first megabyte: UTF-16 by its byte order mark; UTF-8 when it holds fewer
 * than 16 malformed sequences, or at least as many well-formed ones (a damaged UTF-8 file;
 * GBK text makes about one well-formed pair by chance for four malformed bytes); else the first of
 * GB18030 (which includes GBK), Big5 and Shift_JIS that decodes it whole into CJK text.
 * Only asked when reading already failed, so it costs nothing on good files.
 */
final class Encodings {
	private static final int SAMPLE = 1 << 20;
	/** Malformed UTF-8 sequences needed before another encoding is guessed: a few stray bytes are damage. */
	private static final int MIN_EVIDENCE = 16;
	private static final List<String> CANDIDATES = List.of("GB18030", "Big5", "Shift_JIS");

	private Encodings() {
	}

	/** The encoding the file looks like, or null when none of the candidates decodes it. */
	static String guess(Path file) {
		byte[] sample;
		try (InputStream in = Files.newInputStream(file)) {
			sample = in.readNBytes(SAMPLE);
		} catch (IOException e) {
			return null;
		}
		if (sample.length >= 2 && ((sample[0] == (byte) 0xFF && sample[1] == (byte) 0xFE)
				|| (sample[0] == (byte) 0xFE && sample[1] == (byte) 0xFF))) {
			return "UTF-16";
		}
		int[] utf8 = utf8Sequences(sample);
		if (utf8[1] < MIN_EVIDENCE || utf8[0] >= utf8[1]) {
			// a few bad spots, or many well-formed sequences among them: a damaged UTF-8 file, not another encoding
			return "UTF-8";
		}
		for (String candidate : CANDIDATES) {
			Charset charset = Charset.forName(candidate);
			// a sample cut inside a character: drop up to three bytes at its end
			for (int cut = 0; cut <= Math.min(3, sample.length); cut++) {
				String text = decode(sample, sample.length - cut, charset);
				if (text != null) {
					if (cjkCount(text) >= 2) {
						return candidate;
					}
					break;
				}
				if (sample.length < SAMPLE) {
					break;
				}
			}
		}
		return null;
	}

	/**
	 * The advice that ends an encoding error: what the bytes look like and how to declare it. The declared
	 * encoding is the one that failed.
	 */
	static String hint(Path file, Charset declared, String source, Texts texts) {
		String guess = guess(file);
		if (guess == null || Charset.forName(guess).equals(declared)) {
			return declared.equals(StandardCharsets.UTF_8) ? "" : texts.get("encoding.unknown", source);
		}
		String name = guess.equals("GB18030") ? texts.get("encoding.gbk") : guess;
		return texts.get("encoding.looksLike", name, source, guess);
	}

	private static String decode(byte[] bytes, int length, Charset charset) {
		try {
			return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length)).toString();
		} catch (CharacterCodingException e) {
			return null;
		}
	}

	private static long cjkCount(String text) {
		return text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
				|| Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
				|| Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA).count();
	}

	/** How many well-formed multi-byte UTF-8 sequences the bytes hold, and how many malformed ones. */
	private static int[] utf8Sequences(byte[] bytes) {
		int[] counts = new int[2];
		int p = 0;
		while (p < bytes.length) {
			if (bytes[p] >= 0) {
				p++;
				continue;
			}
			int n = CsvReader.utf8Length(bytes, p, bytes.length, true);
			if (n > 0) {
				counts[0]++;
				p += n;
			} else {
				counts[1]++;
				p++;
			}
		}
		return counts;
	}

}
