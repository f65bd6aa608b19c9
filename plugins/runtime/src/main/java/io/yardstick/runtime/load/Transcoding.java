package io.yardstick.runtime.load;

import io.yardstick.runtime.text.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Files in another encoding than UTF-8 (GBK, as Excel saves a CSV on Chinese Windows): decoded strictly and
 * written as a temporary UTF-8 copy that the loader reads like any other file. Characters keep their lines
 * and columns, so every position in a message is the original file's. Bytes the encoding does not allow
 * stop loading, with their position and what encoding they look like.
 */
final class Transcoding {
	private static final int BLOCK = 1 << 16;

	private Transcoding() {
	}

	/** A temporary UTF-8 copy of the file, to be {@linkplain #delete deleted} after loading. */
	static Path toUtf8(Path file, Charset charset, String source, Texts texts) {
		CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		Path copy;
		try {
			copy = Files.createTempFile("yardstick-" + source + "-", ".csv");
		} catch (IOException e) {
			throw error(file, 0, 0, source, texts.get("encoding.cannotCopy", file, e.getMessage()));
		}
		boolean done = false;
		try (InputStream in = Files.newInputStream(file); Writer out = Files.newBufferedWriter(copy, StandardCharsets.UTF_8)) {
			ByteBuffer bytes = ByteBuffer.allocate(BLOCK);
			CharBuffer chars = CharBuffer.allocate(BLOCK);
			long line = 1;
			int column = 1;
			boolean afterCr = false;
			boolean eof = false;
			while (true) {
				if (!eof) {
					int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
					if (read < 0) {
						eof = true;
					} else {
						bytes.position(bytes.position() + read);
					}
				}
				bytes.flip();
				CoderResult result = decoder.decode(bytes, chars, eof);
				if (eof && !result.isError()) {
					result = decoder.flush(chars);
				}
				chars.flip();
				for (int i = 0; i < chars.limit(); i++) {
					char c = chars.get(i);
					if (c == '\n') {
						if (!afterCr) {
							line++;
						}
						column = 1;
					} else if (c == '\r') {
						line++;
						column = 1;
					} else if (!Character.isLowSurrogate(c)) {
						column++;
					}
					afterCr = c == '\r';
				}
				out.append(chars);
				chars.clear();
				if (result.isError()) {
					byte[] bad = new byte[Math.min(result.length(), bytes.remaining())];
					bytes.get(bytes.position(), bad);
					throw error(file, line, column, source, notIn(charset, bad, texts) + Encodings.hint(file, charset, source, texts));
				}
				bytes.compact();
				if (eof && bytes.position() == 0 && result.isUnderflow()) {
					break;
				}
			}
			done = true;
			return copy;
		} catch (NoSuchFileException e) {
			throw error(file, 0, 0, source, texts.get("hint.fileNotFound", file));
		} catch (CharacterCodingException e) {
			throw error(file, 0, 0, source, texts.get("encoding.cannotDecode", file, charset.name(), e));
		} catch (IOException e) {
			throw error(file, 0, 0, source, texts.get("load.cannotRead", file, e.getMessage()));
		} finally {
			if (!done) {
				delete(copy);
			}
		}
	}

	private static String notIn(Charset charset, byte[] bad, Texts texts) {
		StringBuilder bytes = new StringBuilder();
		for (byte b : bad) {
			bytes.append(bytes.length() == 0 ? "" : " ").append(String.format("0x%02x", b & 0xFF));
		}
		return texts.plural("encoding.notIn", bad.length, bytes, charset.name());
	}

	static void delete(Path copy) {
		try {
			Files.deleteIfExists(copy);
		} catch (IOException e) {
			// a temporary file left behind is harmless; the next run makes its own
		}
	}

	private static DataLoadException error(Path file, long line, int column, String source, String message) {
		return new DataLoadException(new DataError(file, line, column, source, null, message));
	}
}
