package io.yardstick.runtime.results;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * How Yardstick writes every JSON document (results, report definitions, alerts): records written by
 * Jackson in their declared field order, two-space indentation, {@code \n} line ends and a final line feed, so
 * the same content gives the same bytes on every machine.
 *
 * <p>Text is written as Unicode characters (give the {@link Writer} UTF-8). So that a document can be placed
 * inside an HTML {@code <script>} element as it is, {@code </} is written {@code <\/}, the {@code !} of
 * {@code <!} as a six-character Unicode escape, and so are the line separators U+2028 and U+2029: all plain
 * JSON escapes, read back as the same text.
 */
public final class JsonDocuments {
	private static final ObjectMapper MAPPER = mapper();
	private static final ObjectWriter WRITER = writer();

	private JsonDocuments() {
	}

	/** Writes the document, ending with a line feed; the writer is flushed, not closed. */
	public static void write(Object document, Writer out) throws IOException {
		ScriptSafeWriter safe = new ScriptSafeWriter(out);
		WRITER.writeValue(safe, document);
		safe.write('\n');
		safe.flush();
	}

	/** The document as text, ending with a line feed. */
	public static String toJson(Object document) {
		StringWriter out = new StringWriter();
		try {
			write(document, out);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString();
	}

	/** Reads a document; fields the type does not know are ignored, so older readers accept added fields. */
	public static <T> T read(Reader in, Class<T> type) throws IOException {
		return MAPPER.readValue(in, type);
	}

	private static ObjectMapper mapper() {
		JsonFactory factory = new JsonFactoryBuilder()
				.disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
				.characterEscapes(new LineSeparatorEscapes())
				.build();
		return new ObjectMapper(factory).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
	}

	private static ObjectWriter writer() {
		DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
		Separators separators = Separators.createDefaultInstance()
				.withObjectFieldValueSpacing(Separators.Spacing.AFTER)
				.withObjectEmptySeparator("")
				.withArrayEmptySeparator("");
		DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators).withObjectIndenter(indenter)
				.withArrayIndenter(indenter);
		return MAPPER.writer(printer);
	}

	/** Writes a stored value as {@link Values#stored} does, so that JSON and CSV show the same digits. */
	public static final class StoredNumber extends JsonSerializer<Double> {
		@Override
		public void serialize(Double value, JsonGenerator generator, SerializerProvider serializers)
				throws IOException {
			String text = value == null ? null : Values.stored(value);
			if (text == null) {
				generator.writeNull();
			} else {
				generator.writeNumber(text);
			}
		}
	}

	/** JSON's own escapes, plus the two line separators that JavaScript before ES2019 refused in strings. */
	private static final class LineSeparatorEscapes extends CharacterEscapes {
		private static final long serialVersionUID = 1L;
		private static final int[] ASCII = standardAsciiEscapesForJSON();

		@Override
		public int[] getEscapeCodesForAscii() {
			return ASCII;
		}

		@Override
		public SerializableString getEscapeSequence(int ch) {
			return switch (ch) {
				case 0x2028 -> new SerializedString("\\u2028");
				case 0x2029 -> new SerializedString("\\u2029");
				default -> null;
			};
		}
	}

	/**
	 * Writes {@code </} as {@code <\/} and the {@code !} of {@code <!} as a Unicode escape, so that no text in the document ends
	 * or confuses an HTML {@code <script>} element. In JSON a {@code <} only occurs inside a string, where both
	 * are escapes of the same characters.
	 */
	private static final class ScriptSafeWriter extends Writer {
		private final Writer out;
		private boolean afterLess;

		ScriptSafeWriter(Writer out) {
			this.out = out;
		}

		@Override
		public void write(int c) throws IOException {
			if (afterLess && c == '/') {
				out.write("\\/");
			} else if (afterLess && c == '!') {
				out.write("\\u0021");
			} else {
				out.write(c);
			}
			afterLess = c == '<';
		}

		@Override
		public void write(char[] buffer, int offset, int length) throws IOException {
			int from = offset;
			int end = offset + length;
			for (int i = offset; i < end; i++) {
				char c = buffer[i];
				if (afterLess && (c == '/' || c == '!')) {
					out.write(buffer, from, i - from);
					out.write(c == '/' ? "\\/" : "\\u0021");
					from = i + 1;
				}
				afterLess = c == '<';
			}
			out.write(buffer, from, end - from);
		}

		@Override
		public void write(String text, int offset, int length) throws IOException {
			write(text.toCharArray(), offset, length);
		}

		@Override
		public void flush() throws IOException {
			out.flush();
		}

		@Override
		public void close() throws IOException {
			flush(); // the caller's writer stays open
		}
	}
}
