package io.yardstick.dsl.workspace;

import io.yardstick.dsl.validation.FindingTexts;
import io.yardstick.dsl.validation.IssueCodes;
import io.yardstick.runtime.text.Texts;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Finds the .kpi files under the paths a user names, and reads them as UTF-8, strictly. */
public final class KpiFiles {
	public static final String EXTENSION = ".kpi";

	private KpiFiles() {
	}

	/** A file to read, with the path as the user should see it. */
	public record InputFile(String displayPath, Path path) {
	}

	/** A file's text, or the finding that says why there is none. */
	public record ReadResult(InputFile file, String text, Finding problem) {
	}

	/**
	 * The .kpi files named directly or found below the named folders, each once, folders' files in
	 * path order.
	 *
	 * @throws NoSuchFileException for a path that does not exist: a usage problem, not a finding
	 */
	public static List<InputFile> collect(List<Path> inputs) throws IOException {
		Map<Path, InputFile> files = new LinkedHashMap<>();
		for (Path input : inputs) {
			if (!Files.exists(input)) {
				throw new NoSuchFileException(input.toString(), null, "no such file or folder");
			}
			if (Files.isDirectory(input)) {
				try (Stream<Path> walk = Files.walk(input)) {
					walk.filter(path -> path.getFileName().toString().endsWith(EXTENSION))
							.filter(path -> !Files.isDirectory(path)).sorted()
							.forEach(path -> files.putIfAbsent(key(path), new InputFile(path.toString(), path)));
				}
			} else {
				files.putIfAbsent(key(input), new InputFile(input.toString(), input));
			}
		}
		return new ArrayList<>(files.values());
	}

	private static Path key(Path path) {
		try {
			return path.toRealPath();
		} catch (IOException unreadable) {
			return path.toAbsolutePath().normalize();
		}
	}

	/** Reads a file; an unreadable file or bytes that are not UTF-8 give a finding instead of text. */
	public static ReadResult read(InputFile file) {
		return read(file, "en");
	}

	/** {@link #read(InputFile)} with the finding's message in {@code zh} or {@code en}. */
	public static ReadResult read(InputFile file, String language) {
		Texts texts = FindingTexts.of(language);
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file.path());
		} catch (AccessDeniedException e) {
			return failure(file, 1, 1, IssueCodes.UNREADABLE_FILE, texts.get("unreadable-file.denied"));
		} catch (NoSuchFileException e) {
			return failure(file, 1, 1, IssueCodes.UNREADABLE_FILE, texts.get("unreadable-file.missing"));
		} catch (IOException e) {
			return failure(file, 1, 1, IssueCodes.UNREADABLE_FILE, Files.isDirectory(file.path())
					? texts.get("unreadable-file.folder") : texts.get("unreadable-file.other", e.getMessage()));
		}
		return decode(file, bytes, texts);
	}

	/** Strict UTF-8: the first byte that is not part of a valid character is reported with its position. */
	static ReadResult decode(InputFile file, byte[] bytes) {
		return decode(file, bytes, FindingTexts.of("en"));
	}

	private static ReadResult decode(InputFile file, byte[] bytes, Texts texts) {
		int start = hasBom(bytes) ? 3 : 0;
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
		CharBuffer out = CharBuffer.allocate(bytes.length);
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) {
			result = decoder.flush(out);
		}
		if (result.isError()) {
			int bad = in.position();
			int lineStart = start;
			int line = 1;
			for (int i = start; i < bad; i++) {
				if (bytes[i] == '\n') {
					line++;
					lineStart = i + 1;
				}
			}
			int column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
			String message = texts.get(IssueCodes.ENCODING_ERROR, String.format("0x%02X", bytes[bad] & 0xFF));
			return failure(file, line, column, IssueCodes.ENCODING_ERROR, message);
		}
		out.flip();
		return new ReadResult(file, out.toString(), null);
	}

	private static boolean hasBom(byte[] bytes) {
		return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
	}

	private static ReadResult failure(InputFile file, int line, int column, String code, String message) {
		return new ReadResult(file, null,
				new Finding(file.displayPath(), line, column, line, column, Severity.ERROR, code, message));
	}
}
