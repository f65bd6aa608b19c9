package io.yardstick.cli.sample;

import io.yardstick.dsl.kpi.Template;
import io.yardstick.runtime.spec.DimensionSpec;
import io.yardstick.runtime.spec.FieldSpec;
import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.SourceFormat;
import io.yardstick.runtime.spec.SourceSpec;
import io.yardstick.runtime.spec.TemplateSpec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.CharsetEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Plausible sample data for any template, drawn from its sources' declared fields alone: kinds, ranges, enum and
 * dimension values, keys, references and the time axis. Each source's file is written as the template's
 * {@code data} block says (encoding, delimiter, column names, number and time patterns), or as plain UTF-8 CSV,
 * named {@code <Source>.csv} as {@code run} binds it by convention. {@code docs/sample-data.md#any-template}
 * describes every choice; the same settings always give byte-identical files.
 *
 * <p>Rows are streamed: nothing of a source is held but the row being written, because keys and references are
 * functions of row numbers.
 */
public final class TemplateSampleData {
	/** A source that others refer to gets one row for every this many rows of its largest referrer... */
	public static final int ROWS_PER_REFERENCED_ROW = 5;
	/** ... and at least this many, so that every breakdown of it has values. */
	public static final int MIN_REFERENCED_ROWS = 10;
	public static final long MAX_ROWS = 100_000_000L;
	/** The share of an optional field's cells left empty. */
	static final double NULL_SHARE = 0.1;
	/** The values of a text breakdown the template lists none for: "Region A" to "Region E". */
	static final int TEXT_DIMENSION_VALUES = 5;
	private static final int PROGRESS_EVERY = 1 << 16;
	private static final long DAY = 86_400;

	/**
	 * What is asked for.
	 *
	 * @param rows rows of each source no other refers to; referenced sources get fewer ({@link #sizes})
	 * @param seed the seed of every draw
	 * @param from the first day of the first month of the time axis
	 * @param months how many months the time axes span
	 */
	public record Settings(long rows, long seed, LocalDate from, int months) {
		/** @throws IllegalArgumentException with a message for the user when a setting is out of range */
		public Settings {
			if (rows < 1 || rows > MAX_ROWS) {
				throw new IllegalArgumentException("rows must be between 1 and " + MAX_ROWS + ", not " + rows);
			}
			new SampleDataSettings(1, seed, from, months); // the same checks of the months as the after-sales data's
		}
	}

	/** One file written: the source, its file and its number of rows. */
	public record Written(String source, Path file, long rows) {
	}

	/** Told how far the writing of a source has come, every 65,536 rows and at its end. */
	public interface Progress {
		Progress NONE = (source, done, total) -> {
		};

		void rows(String source, long done, long total);
	}

	private final TemplateSpec spec;
	private final FormulaHints hints;
	private final Settings settings;
	private final Map<String, Long> sizes;

	TemplateSampleData(TemplateSpec spec, FormulaHints hints, Settings settings) {
		this.spec = Objects.requireNonNull(spec, "spec");
		this.hints = Objects.requireNonNull(hints, "hints");
		this.settings = Objects.requireNonNull(settings, "settings");
		this.sizes = sizes(spec, settings.rows());
		for (SourceSpec source : spec.sources()) {
			for (FieldSpec field : source.fields()) {
				if (field.key()) {
					checkKey(source, field);
				}
				if (field.type() == FieldType.REFERENCE && spec.source(field.referencedSource())
						.flatMap(SourceSpec::key).isEmpty()) {
					throw new SampleRefusal("keylessReference", source.name() + "." + field.name() + " refers to "
							+ field.referencedSource() + ", which has no key", source.name() + "." + field.name(),
							field.referencedSource());
				}
			}
		}
	}

	/**
	 * The generator for a template: its compiled spec says what each source holds, the template's formulas which
	 * time fields follow which and which texts are compared with ({@link FormulaHints}).
	 *
	 * @throws IllegalArgumentException when the template has a key no unique values can be drawn for (of kind bool,
	 *     enum, date, timestamp or a reference), or a reference to a source without a key
	 */
	public static TemplateSampleData of(Template template, TemplateSpec spec, Settings settings) {
		return new TemplateSampleData(spec, FormulaHints.of(template), settings);
	}

	/**
	 * How many rows each source gets: {@code rows} for a source no other refers to, else one for every
	 * {@link #ROWS_PER_REFERENCED_ROW} rows of its largest referrer, at least {@link #MIN_REFERENCED_ROWS}.
	 */
	public static Map<String, Long> sizes(TemplateSpec spec, long rows) {
		Map<String, Long> sizes = new LinkedHashMap<>();
		for (SourceSpec source : spec.sources()) {
			size(spec, source.name(), rows, sizes, new ArrayList<>());
		}
		return sizes;
	}

	private static long size(TemplateSpec spec, String name, long rows, Map<String, Long> sizes, List<String> path) {
		Long known = sizes.get(name);
		if (known != null) {
			return known;
		}
		if (path.contains(name)) {
			return rows; // a cycle of references, which the loader refuses anyway
		}
		path.add(name);
		long largestReferrer = 0;
		for (SourceSpec referrer : spec.sources()) {
			boolean refers = referrer.fields().stream().anyMatch(field -> name.equals(field.referencedSource()));
			if (refers && !referrer.name().equals(name)) {
				largestReferrer = Math.max(largestReferrer, size(spec, referrer.name(), rows, sizes, path));
			}
		}
		path.remove(path.size() - 1);
		long size = largestReferrer == 0 ? rows
				: Math.max(MIN_REFERENCED_ROWS, (largestReferrer + ROWS_PER_REFERENCED_ROW - 1) / ROWS_PER_REFERENCED_ROW);
		sizes.put(name, size);
		return size;
	}

	/** The sources in the order they are written: those referred to before those that refer to them. */
	List<SourceSpec> writingOrder() {
		List<SourceSpec> ordered = new ArrayList<>();
		for (SourceSpec source : spec.sources()) {
			visit(source, ordered, new ArrayList<>());
		}
		return ordered;
	}

	private void visit(SourceSpec source, List<SourceSpec> ordered, List<SourceSpec> path) {
		if (ordered.contains(source) || path.contains(source)) {
			return;
		}
		path.add(source);
		for (FieldSpec field : source.fields()) {
			if (field.referencedSource() != null) {
				spec.source(field.referencedSource()).ifPresent(target -> visit(target, ordered, path));
			}
		}
		path.remove(source);
		ordered.add(source);
	}

	/**
	 * Writes {@code <Source>.csv} for every source into the folder, creating it when needed.
	 *
	 * @throws IllegalArgumentException before any file is written, when a header, a value or a symbol cannot be
	 *     written in the encoding a data block declares
	 */
	public List<Written> write(Path dir, Progress progress) throws IOException {
		Map<String, SourceRows> plans = new LinkedHashMap<>();
		for (SourceSpec source : writingOrder()) {
			plans.put(source.name(), new SourceRows(source));
		}
		Files.createDirectories(dir);
		List<Written> written = new ArrayList<>();
		for (SourceRows rows : plans.values()) {
			Path file = dir.resolve(rows.source.name() + ".csv");
			try (OutputStream out = Files.newOutputStream(file)) {
				write(rows, out, progress);
			}
			written.add(new Written(rows.source.name(), file, sizes.get(rows.source.name())));
		}
		return written;
	}

	/** Writes one source's file to the stream, which is flushed but not closed. */
	private void write(SourceRows rows, OutputStream out, Progress progress) throws IOException {
		SourceSpec source = rows.source;
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, source.format().encoding().newEncoder()), 1 << 16);
		long total = sizes.get(source.name());
		StringBuilder line = new StringBuilder(256);
		for (int f = 0; f < source.fields().size(); f++) {
			rows.cell(line, f, source.format().column(source.fields().get(f).name()));
		}
		writer.append(line).append('\n');
		for (long row = 0; row < total; row++) {
			line.setLength(0);
			rows.row(row, total, line);
			writer.append(line).append('\n');
			if ((row + 1) % PROGRESS_EVERY == 0) {
				progress.rows(source.name(), row + 1, total);
			}
		}
		writer.flush();
		progress.rows(source.name(), total, total);
	}

	private void checkKey(SourceSpec source, FieldSpec key) {
		switch (key.type()) {
			case TEXT, COUNT, NUMBER, RATIO -> {
			}
			default -> throw new SampleRefusal("keyKind", source.name() + "." + key.name() + ": a key of kind "
					+ key.type().keyword() + " cannot be given a unique value per row", source.name() + "." + key.name(),
					key.type().keyword());
		}
	}

	/** The key of row {@code row} of a source, as its file writes it. */
	static String key(SourceSpec source, FieldSpec key, long row, long rows) {
		return switch (key.type()) {
			case TEXT -> {
				String digits = Long.toString(row + 1);
				int width = Math.max(6, Long.toString(rows).length());
				yield prefix(source.name()) + "-" + "0".repeat(Math.max(0, width - digits.length())) + digits;
			}
			default -> Long.toString(row + 1);
		};
	}

	/** The capitals of a source's name ({@code AdverseEvent}: {@code AE}), or its first letter. */
	static String prefix(String sourceName) {
		StringBuilder capitals = new StringBuilder();
		for (int i = 0; i < sourceName.length(); i++) {
			if (Character.isUpperCase(sourceName.charAt(i))) {
				capitals.append(sourceName.charAt(i));
			}
		}
		return capitals.isEmpty() ? sourceName.substring(0, 1).toUpperCase(java.util.Locale.ROOT) : capitals.toString();
	}

	/** What one source's rows are drawn from: its fields' plans, made once. */
	private final class SourceRows {
		private final SourceSpec source;
		private final SourceFormat format;
		private final char delimiter;
		private final SplittableRandom random;
		private final List<FieldSpec> fields;
		/** Per field: the categories a text, enum or dimension field draws from, else null. */
		private final List<List<String>> categories = new ArrayList<>();
		/** The time fields in the order they are drawn, the anchor first. */
		private final List<TimeStep> steps = new ArrayList<>();
		private final long[] times;
		private final ZoneRules zone;
		private final DateTimeFormatter timestampPattern;
		private final DateTimeFormatter datePattern;
		private final long windowStart;
		private final long windowSeconds;

		SourceRows(SourceSpec source) {
			this.source = source;
			this.format = source.format();
			this.delimiter = (char) format.delimiter();
			this.fields = source.fields();
			int index = spec.sources().indexOf(source);
			this.random = new SplittableRandom(settings.seed() ^ (0x9E3779B97F4A7C15L * (index + 1)));
			this.times = new long[fields.size()];
			this.zone = (spec.zone() == null ? ZoneId.of("UTC") : spec.zone()).getRules();
			this.timestampPattern = format.timestampPattern();
			this.datePattern = format.datePattern();
			this.windowStart = settings.from().atStartOfDay().toEpochSecond(ZoneOffset.UTC);
			this.windowSeconds = settings.from().plusMonths(settings.months()).atStartOfDay().toEpochSecond(ZoneOffset.UTC)
					- windowStart;
			CharsetEncoder encoder = format.encoding().newEncoder();
			for (FieldSpec field : fields) {
				List<String> values = categoriesOf(field);
				List<String> written = new ArrayList<>(values == null ? List.of() : values);
				written.add(format.column(field.name()));
				if (field.type() == FieldType.CURRENCY && format.currencySymbol() != null) {
					written.add(format.currencySymbol());
				}
				for (String text : written) {
					if (!encoder.canEncode(text)) {
						throw new SampleRefusal("encoding", source.name() + "." + field.name() + ": \"" + text
								+ "\" cannot be written in " + format.encoding().name() + ", the encoding its data block declares",
								source.name() + "." + field.name(), text, format.encoding().name());
					}
				}
				categories.add(values);
			}
			planTimes();
		}

		/**
		 * The values an enum or a text field is drawn from, the most frequent first: the texts formulas compare the
		 * field with, then a breakdown's labelled values or invented ones ({@code Region A}). Null for a text field
		 * that is neither compared nor a breakdown: it gets a text of its own per row.
		 */
		private List<String> categoriesOf(FieldSpec field) {
			if (field.key()) {
				return null;
			}
			if (field.type() == FieldType.ENUM) {
				return field.enumValues();
			}
			List<String> compared = hints.texts().getOrDefault(source.name() + "." + field.name(), List.of());
			DimensionSpec dimension = dimensionOf(field);
			boolean breakdown = field.dimension() || dimension != null;
			if (field.type() != FieldType.TEXT || !breakdown && compared.isEmpty()) {
				return null;
			}
			List<String> values = new ArrayList<>(compared);
			String name = Character.toUpperCase(field.name().charAt(0)) + field.name().substring(1);
			if (dimension != null && !dimension.valueLabels().isEmpty()) {
				dimension.valueLabels().keySet().stream().filter(value -> !values.contains(value)).forEach(values::add);
			} else if (breakdown) {
				for (int i = 0; i < TEXT_DIMENSION_VALUES; i++) {
					String invented = name + " " + (char) ('A' + i);
					if (!values.contains(invented)) {
						values.add(invented);
					}
				}
			} else {
				values.add(name + " other"); // so that a comparison is also false sometimes
			}
			return values;
		}

		/** The breakdown that reads this field of this source directly, or null. */
		private DimensionSpec dimensionOf(FieldSpec field) {
			for (DimensionSpec dimension : spec.dimensions()) {
				if (List.of(field.name()).equals(dimension.paths().get(source.name()))) {
					return dimension;
				}
			}
			return null;
		}

		/**
		 * The anchor (the time axis, else the first time field) spreads the rows over the months. A field a formula
		 * subtracts from the anchor, directly or through others, comes before it; every other time field after the
		 * latest of the fields subtracted from it, or after the anchor. Fields that formulas measure from the same
		 * start follow each other in declaration order ({@code firstResponseAt} before {@code resolvedAt}, both
		 * measured from {@code createdAt}), unless the formulas order them the other way.
		 */
		private void planTimes() {
			List<Integer> timeFields = new ArrayList<>();
			for (int f = 0; f < fields.size(); f++) {
				if (isTime(fields.get(f))) {
					timeFields.add(f);
				}
			}
			if (timeFields.isEmpty()) {
				return;
			}
			int anchor = timeFields.get(0);
			for (int f : timeFields) {
				if (fields.get(f).timeAxis()) {
					anchor = f;
				}
			}
			Map<Integer, List<Integer>> earlier = new HashMap<>();
			Map<Integer, List<Integer>> later = new HashMap<>();
			for (FormulaHints.Later pair : hints.order()) {
				int after = indexOf(pair.later());
				int before = indexOf(pair.earlier());
				if (pair.source().equals(source.name()) && after >= 0 && before >= 0 && isTime(fields.get(after))
						&& isTime(fields.get(before))) {
					earlier.computeIfAbsent(after, k -> new ArrayList<>()).add(before);
					later.computeIfAbsent(before, k -> new ArrayList<>()).add(after);
				}
			}
			for (int start : timeFields) {
				List<Integer> measured = timeFields.stream().filter(later.getOrDefault(start, List.of())::contains).toList();
				for (int i = 0; i + 1 < measured.size(); i++) {
					int first = measured.get(i);
					int second = measured.get(i + 1);
					if (!reaches(second, first, later)) {
						earlier.computeIfAbsent(second, k -> new ArrayList<>()).add(first);
						later.computeIfAbsent(first, k -> new ArrayList<>()).add(second);
					}
				}
			}
			List<Integer> ancestors = new ArrayList<>();
			List<Integer> frontier = new ArrayList<>(List.of(anchor));
			while (!frontier.isEmpty()) {
				int next = frontier.remove(0);
				for (int before : earlier.getOrDefault(next, List.of())) {
					if (before != anchor && !ancestors.contains(before)) {
						ancestors.add(before);
						frontier.add(before);
					}
				}
			}
			List<Integer> placed = new ArrayList<>(List.of(anchor));
			steps.add(new TimeStep(anchor, false, List.of()));
			place(timeFields, placed, ancestors, true, later);
			place(timeFields, placed, timeFields.stream().filter(f -> !ancestors.contains(f)).toList(), false, earlier);
		}

		/**
		 * Places the fields of a group, each once every field it is bounded by is placed (declaration order among
		 * the ready ones; a cycle is broken at the first field left).
		 */
		private void place(List<Integer> timeFields, List<Integer> placed, List<Integer> group, boolean before,
				Map<Integer, List<Integer>> bounds) {
			List<Integer> left = new ArrayList<>(timeFields.stream().filter(group::contains)
					.filter(f -> !placed.contains(f)).toList());
			while (!left.isEmpty()) {
				int chosen = left.get(0);
				for (int f : left) {
					if (placed.containsAll(bounds.getOrDefault(f, List.of()))) {
						chosen = f;
						break;
					}
				}
				List<Integer> bounding = bounds.getOrDefault(chosen, List.of()).stream().filter(placed::contains).toList();
				steps.add(new TimeStep(chosen, before, bounding));
				placed.add(chosen);
				left.remove(Integer.valueOf(chosen));
			}
		}

		private int indexOf(String fieldName) {
			for (int f = 0; f < fields.size(); f++) {
				if (fields.get(f).name().equals(fieldName)) {
					return f;
				}
			}
			return -1;
		}

		void row(long row, long rows, StringBuilder line) {
			drawTimes(row, rows);
			for (int f = 0; f < fields.size(); f++) {
				FieldSpec field = fields.get(f);
				String value;
				if (field.key()) {
					value = key(source, field, row, rows);
				} else if (isTime(field)) {
					value = times[f] == Long.MIN_VALUE ? "" : time(field, times[f]);
				} else if (field.optional() && random.nextDouble() < NULL_SHARE) {
					value = "";
				} else {
					value = value(field, categories.get(f), row);
				}
				cell(line, f, value);
			}
		}

		void cell(StringBuilder line, int index, String value) {
			if (index > 0) {
				line.append(delimiter);
			}
			boolean quote = false;
			for (int i = 0; i < value.length() && !quote; i++) {
				char c = value.charAt(i);
				quote = c == delimiter || c == '"' || c == '\n' || c == '\r';
			}
			if (quote) {
				line.append('"').append(value.replace("\"", "\"\"")).append('"');
			} else {
				line.append(value);
			}
		}

		/**
		 * Local times in seconds since 1970 on the template's clock. The anchor of row {@code row} lies in its own
		 * slice of the months, so the file is in time order and evenly spread; a time that falls in a
		 * daylight-saving gap is moved to the gap's end, so that the loader reads the times in the same order.
		 */
		private void drawTimes(long row, long rows) {
			for (TimeStep step : steps) {
				FieldSpec field = fields.get(step.field());
				boolean anchor = steps.get(0) == step;
				if (!anchor && field.optional() && !field.key() && random.nextDouble() < NULL_SHARE) {
					times[step.field()] = Long.MIN_VALUE;
					continue;
				}
				long value;
				if (anchor) {
					double slice = (row + random.nextDouble()) / rows;
					value = windowStart + (long) (slice * windowSeconds);
					value = field.type() == FieldType.DATE ? Math.floorDiv(value, DAY) * DAY : value;
				} else {
					long bound = times[steps.get(0).field()];
					boolean found = false;
					for (int b : step.bounds()) {
						if (times[b] != Long.MIN_VALUE) {
							bound = found ? (step.before() ? Math.min(bound, times[b]) : Math.max(bound, times[b])) : times[b];
							found = true;
						}
					}
					long gap = gap(field, step);
					value = step.before() ? bound - gap : bound + gap;
					if (field.type() == FieldType.DATE) {
						value = step.before() ? Math.floorDiv(value, DAY) * DAY : -Math.floorDiv(-value, DAY) * DAY;
					}
				}
				if (field.type() == FieldType.TIMESTAMP) {
					value = outOfGap(value);
				}
				times[step.field()] = value;
			}
		}

		/** A lapse between two times: hours between timestamps, days where a date is involved. */
		private long gap(FieldSpec field, TimeStep step) {
			boolean days = field.type() == FieldType.DATE
					|| step.bounds().stream().anyMatch(b -> fields.get(b).type() == FieldType.DATE)
					|| step.bounds().isEmpty() && fields.get(steps.get(0).field()).type() == FieldType.DATE;
			double median = days ? 20 * DAY : 3 * 3600;
			return (long) (median * StrictMath.exp(normal() * (days ? 0.9 : 1.3)));
		}

		private long outOfGap(long localSeconds) {
			LocalDateTime local = LocalDateTime.ofEpochSecond(localSeconds, 0, ZoneOffset.UTC);
			if (!zone.getValidOffsets(local).isEmpty()) {
				return localSeconds;
			}
			return zone.getTransition(local).getDateTimeAfter().toEpochSecond(ZoneOffset.UTC);
		}

		private String time(FieldSpec field, long localSeconds) {
			LocalDateTime local = LocalDateTime.ofEpochSecond(localSeconds, 0, ZoneOffset.UTC);
			if (field.type() == FieldType.DATE) {
				return datePattern == null ? local.toLocalDate().toString() : datePattern.format(local.toLocalDate());
			}
			return timestampPattern == null ? DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(local)
					: timestampPattern.format(local);
		}

		private String value(FieldSpec field, List<String> values, long row) {
			return switch (field.type()) {
				case ENUM, TEXT -> values != null ? values.get(category(values.size()))
						: field.name() + " " + (row + 1);
				case BOOL -> random.nextDouble() < 0.3 ? "true" : "false";
				case COUNT -> Long.toString((long) (-StrictMath.log(1 - random.nextDouble()) * 2));
				case NUMBER -> number(100 * StrictMath.exp(normal() * 0.8), 2, false);
				case RATIO -> number(random.nextDouble(), 3, false);
				case PERCENT -> number(100 * (1 - StrictMath.pow(random.nextDouble(), 2)), 1, false) + "%";
				case CURRENCY -> number(800 * StrictMath.exp(normal()), 2, true);
				case DURATION -> duration(field);
				case SCORE -> score(field);
				case REFERENCE -> reference(field);
				case TIMESTAMP, DATE -> throw new IllegalStateException("times are drawn apart");
			};
		}

		/** An index into {@code count} categories, the first the most frequent: weights 1, 1/2, 1/3 and so on. */
		private int category(int count) {
			double total = 0;
			for (int k = 1; k <= count; k++) {
				total += 1.0 / k;
			}
			double draw = random.nextDouble() * total;
			for (int k = 1; k < count; k++) {
				draw -= 1.0 / k;
				if (draw < 0) {
					return k - 1;
				}
			}
			return count - 1;
		}

		private String duration(FieldSpec field) {
			String unit = field.unit() == null ? "s" : field.unit();
			double median = switch (unit) {
				case "min" -> 30;
				case "h" -> 4;
				case "d" -> 3;
				case "w" -> 2;
				default -> 600;
			};
			return number(median * StrictMath.exp(normal() * 0.8), "s".equals(unit) ? 0 : 2, false);
		}

		/** A score, mostly in the upper part of its range; whole when the range is a short one of whole numbers. */
		private String score(FieldSpec field) {
			double min = field.min() == null ? 0 : field.min();
			double max = field.max() == null ? 100 : field.max();
			double value = min + (max - min) * (1 - StrictMath.pow(random.nextDouble(), 2));
			boolean whole = min == Math.rint(min) && max == Math.rint(max) && max - min <= 10;
			return number(Math.min(max, Math.max(min, value)), whole ? 0 : 1, false);
		}

		/** A key of the referenced source; earlier rows more often, as long-standing customers have more tickets. */
		private String reference(FieldSpec field) {
			SourceSpec target = spec.source(field.referencedSource()).orElseThrow();
			long rows = sizes.get(target.name());
			long row = Math.min(rows - 1, (long) (rows * StrictMath.pow(random.nextDouble(), 1.3)));
			return key(target, target.key().orElseThrow(), row, rows);
		}

		/** A standard normal draw (Box-Muller), with StrictMath so that every JVM draws the same. */
		private double normal() {
			double u = 1 - random.nextDouble();
			return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * random.nextDouble());
		}

		/** A number rounded to {@code decimals}, written with the file's separators and, for amounts, its symbol. */
		private String number(double value, int decimals, boolean amount) {
			String plain = BigDecimal.valueOf(Math.round(value * StrictMath.pow(10, decimals)), decimals).toPlainString();
			if (format.isPlain() || !format.rewritesNumbers()) {
				return plain;
			}
			int point = plain.indexOf('.');
			String whole = point < 0 ? plain : plain.substring(0, point);
			String fraction = point < 0 ? "" : format.decimalSeparator() + plain.substring(point + 1);
			char thousands = format.thousandsSeparator();
			if (thousands != 0) {
				StringBuilder grouped = new StringBuilder();
				int start = whole.startsWith("-") ? 1 : 0;
				for (int i = start; i < whole.length(); i++) {
					if (i > start && (whole.length() - i) % 3 == 0) {
						grouped.append(thousands);
					}
					grouped.append(whole.charAt(i));
				}
				whole = whole.substring(0, start) + grouped;
			}
			String symbol = amount && format.currencySymbol() != null ? format.currencySymbol() : "";
			return symbol + whole + fraction;
		}
	}

	/**
	 * One time field's draw: after (or, {@code before}, before) the latest (earliest) of the {@code bounds} that
	 * are not null, else the anchor. The first step is the anchor itself.
	 */
	private record TimeStep(int field, boolean before, List<Integer> bounds) {
	}

	/** Whether {@code to} must come after {@code from}, directly or through other fields. */
	private static boolean reaches(int from, int to, Map<Integer, List<Integer>> later) {
		List<Integer> frontier = new ArrayList<>(List.of(from));
		List<Integer> seen = new ArrayList<>();
		while (!frontier.isEmpty()) {
			int next = frontier.remove(0);
			if (next == to) {
				return true;
			}
			if (!seen.contains(next)) {
				seen.add(next);
				frontier.addAll(later.getOrDefault(next, List.of()));
			}
		}
		return false;
	}

	private static boolean isTime(FieldSpec field) {
		return field.type() == FieldType.TIMESTAMP || field.type() == FieldType.DATE;
	}
}
