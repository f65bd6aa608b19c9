package io.yardstick.runtime.spec;

import io.yardstick.runtime.text.Texts;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a source's file is written when it is not the plain format of docs/data.md: a template's
 * {@code data Source { … }} block. Settings by name ({@link #SETTINGS}), and the column each field reads
 * when it is not the field's own name. The same checks serve the language's validator and the loader, so a
 * value the validator accepts is one the loader can use.
 *
 * @param settings setting name to value, as written in the template
 * @param columns field name to the header of the column it reads
 */
public record SourceFormat(Map<String, String> settings, Map<String, String> columns) {

	/** The plain format: UTF-8, commas, ISO dates, {@code .} decimals, columns named after the fields. */
	public static final SourceFormat PLAIN = new SourceFormat(Map.of(), Map.of());

	public static final String ENCODING = "encoding";
	public static final String DELIMITER = "delimiter";
	public static final String DECIMAL = "decimal";
	public static final String THOUSANDS = "thousands";
	public static final String CURRENCY = "currency";
	public static final String TIMESTAMP = "timestamp";
	public static final String DATE = "date";
	/** The sheet of a workbook ({@code .xlsx}) the source reads; the first sheet when not set. */
	public static final String SHEET = "sheet";

	/** The problems' texts: {@code format_en.properties} and {@code format_zh.properties} beside this class. */
	public static final String TEXTS = "io/yardstick/runtime/spec/format";

	/** Every setting a {@code data} block may hold, in the order the docs list them. */
	public static final List<String> SETTINGS = List.of(ENCODING, DELIMITER, DECIMAL, THOUSANDS, CURRENCY, TIMESTAMP,
			DATE, SHEET);

	/** What a delimiter may be, and how it is written in a template: a comma, a semicolon, a tab, a bar. */
	private static final Map<String, Character> DELIMITERS = Map.of(",", ',', ";", ';', "\t", '\t', "tab", '\t', "|",
			'|');
	private static final List<String> THOUSANDS_SEPARATORS = List.of(",", ".", " ", "'", "\u00a0", "\u202f");

	public SourceFormat {
		settings = Specs.copy(settings);
		columns = Specs.copy(columns);
		for (Map.Entry<String, String> setting : settings.entrySet()) {
			String problem = problem(setting.getKey(), setting.getValue());
			if (problem != null) {
				throw new IllegalArgumentException(problem);
			}
		}
		String combination = combinationProblem(settings);
		if (combination != null) {
			throw new IllegalArgumentException(combination);
		}
	}

	/** The format of these settings and columns; {@link #PLAIN} when there are none. */
	public static SourceFormat of(Map<String, String> settings, Map<String, String> columns) {
		return settings.isEmpty() && columns.isEmpty() ? PLAIN : new SourceFormat(settings, columns);
	}

	/** Whether the file is read as the plain format describes it. */
	public boolean isPlain() {
		return settings.isEmpty() && columns.isEmpty();
	}

	/** The header of the column the field reads. */
	public String column(String field) {
		return columns.getOrDefault(field, field);
	}

	/** The file's encoding; UTF-8 unless declared. */
	public Charset encoding() {
		String name = settings.get(ENCODING);
		return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
	}

	/** Whether the bytes are UTF-8 already, so the loader reads them as they are. */
	public boolean isUtf8() {
		return encoding().equals(StandardCharsets.UTF_8);
	}

	public byte delimiter() {
		String written = settings.get(DELIMITER);
		return written == null ? (byte) ',' : (byte) DELIMITERS.get(written).charValue();
	}

	public char decimalSeparator() {
		String written = settings.get(DECIMAL);
		return written == null ? '.' : written.charAt(0);
	}

	/** The thousands separator, or 0 when numbers have none. */
	public char thousandsSeparator() {
		String written = settings.get(THOUSANDS);
		return written == null || written.isEmpty() ? 0 : written.charAt(0);
	}

	/** The currency symbol amounts may carry before or after the number ({@code ¥}, {@code €}), or null. */
	public String currencySymbol() {
		return settings.get(CURRENCY);
	}

	/** Whether numbers need rewriting before they are parsed: another separator, or a symbol. */
	public boolean rewritesNumbers() {
		return decimalSeparator() != '.' || thousandsSeparator() != 0 || currencySymbol() != null;
	}

	/** The pattern of timestamp cells, or null for ISO 8601. */
	public DateTimeFormatter timestampPattern() {
		String pattern = settings.get(TIMESTAMP);
		return pattern == null ? null : DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
	}

	/** The pattern of date cells, or null for ISO 8601. */
	public DateTimeFormatter datePattern() {
		String pattern = settings.get(DATE);
		return pattern == null ? null : DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
	}

	/**
	 * What is wrong with one setting, or null when it is fine.
	 *
	 * @return a message that says what is expected
	 */
	public static String problem(String name, String value) {
		return problem(name, value, "en");
	}

	/** {@link #problem(String, String)} in a language of {@link Texts} ({@code format_<language>.properties}). */
	public static String problem(String name, String value, String language) {
		Texts texts = Texts.of(TEXTS, language);
		switch (name) {
		case ENCODING:
			return encodingProblem(value, texts);
		case DELIMITER:
			return DELIMITERS.containsKey(value) ? null : texts.get("delimiter", printable(value));
		case DECIMAL:
			return value.equals(".") || value.equals(",") ? null : texts.get("decimal", printable(value));
		case THOUSANDS:
			return value.isEmpty() || THOUSANDS_SEPARATORS.contains(value) ? null
					: texts.get("thousands", printable(value));
		case CURRENCY:
			return currencyProblem(value, texts);
		case TIMESTAMP:
		case DATE:
			return patternProblem(name, value, texts);
		case SHEET:
			return value.isBlank() ? texts.get("sheet.empty") : null;
		default:
			return texts.get("unknownSetting", name, String.join(", ", SETTINGS));
		}
	}

	private static String encodingProblem(String value, Texts texts) {
		try {
			if (Charset.isSupported(value)) {
				return null;
			}
		} catch (IllegalCharsetNameException e) {
			// falls through to the message
		}
		return texts.get("encoding", printable(value));
	}

	private static String currencyProblem(String value, Texts texts) {
		if (value.isBlank()) {
			return texts.get("currency.empty");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isDigit(c) || c == '-' || c == '+' || c == '.' || c == ',') {
				return texts.get("currency.number", value, c);
			}
		}
		return null;
	}

	private static String patternProblem(String name, String value, Texts texts) {
		DateTimeFormatter formatter;
		try {
			formatter = DateTimeFormatter.ofPattern(value, Locale.ROOT);
		} catch (IllegalArgumentException e) {
			return texts.get(name.equals(DATE) ? "pattern.date" : "pattern.timestamp", value, e.getMessage());
		}
		String fields = formatter.toString();
		if (!fields.contains("YearOfEra") && !fields.contains("Year,")) {
			return texts.get("pattern.year", value, name);
		}
		if (!fields.contains("MonthOfYear") || !fields.contains("DayOfMonth")) {
			return texts.get(fields.contains("MonthOfYear") ? "pattern.day" : "pattern.month", value, name);
		}
		if (name.equals(DATE) && (fields.contains("HourOfDay") || fields.contains("MinuteOfHour"))) {
			return texts.get("pattern.time", value);
		}
		return null;
	}

	/** What is wrong with the settings together (the decimal and the thousands separator alike), or null. */
	public static String combinationProblem(Map<String, String> settings) {
		return combinationProblem(settings, "en");
	}

	/** {@link #combinationProblem(Map)} in a language of {@link Texts}. */
	public static String combinationProblem(Map<String, String> settings, String language) {
		String decimal = settings.getOrDefault(DECIMAL, ".");
		return decimal.equals(settings.get(THOUSANDS)) ? Texts.of(TEXTS, language).get("separators", decimal) : null;
	}

	private static String printable(String value) {
		return value.replace("\t", "\\t");
	}

	/** The settings as a map in the order given, from name, value pairs. */
	public static Map<String, String> pairs(String... nameValuePairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
			map.put(nameValuePairs[i], nameValuePairs[i + 1]);
		}
		return map;
	}
}
