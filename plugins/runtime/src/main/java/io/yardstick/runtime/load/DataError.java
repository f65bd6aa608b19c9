package io.yardstick.runtime.load;

import io.yardstick.runtime.text.Texts;
import java.nio.file.Path;

/**
 * A problem in a data file: where it is and what is wrong.
 *
 * @param file the data file (as it was bound), or null when no file is concerned
 * @param line the 1-based physical line where the record starts; 0 for a problem with the whole file
 * @param column the 1-based character column where the cell starts; 0 when no cell is concerned
 * @param source the source the file holds
 * @param field the field of the cell, or null when the problem is not one field's
 * @param message what was found and what was expected
 */
public record DataError(Path file, long line, int column, String source, String field, String message) {

	/** The issue code of every data problem. */
	public static final String CODE = "bad-data";

	/** {@code Ticket.csat: "6" is outside score(1..5)}: the problem without its position. */
	public String reason() {
		return (field == null ? source : source + "." + field) + ": " + message;
	}

	/** {@code path:line:column: error bad-data: Ticket.csat: message}, like the validator's findings. */
	public String toText() {
		return toText("en");
	}

	/**
	 * {@link #toText()} with the word {@code error} in a language ({@code en} or {@code zh}); the message is in
	 * the language it was loaded in ({@link LoadOptions#language}).
	 */
	public String toText(String language) {
		Texts texts = LoadTexts.of(language);
		StringBuilder text = new StringBuilder();
		if (file != null) {
			text.append(file);
			if (line > 0) {
				text.append(':').append(line).append(':').append(Math.max(column, 1));
			}
			text.append(": ");
		}
		return text.append(texts.get("error")).append(' ').append(CODE).append(": ").append(reason()).toString();
	}

	@Override
	public String toString() {
		return toText();
	}
}
