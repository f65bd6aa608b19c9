package io.yardstick.runtime.load;

import io.yardstick.runtime.data.Dataset;
import io.yardstick.runtime.data.Table;
import io.yardstick.runtime.load.LoadReport.SourceReport;
import io.yardstick.runtime.spec.FieldSpec;
import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.SourceSpec;
import io.yardstick.runtime.spec.TemplateSpec;
import io.yardstick.runtime.text.Texts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads the data of a template's sources from CSV files (or Excel and Parquet files, through a CSV copy) into
 * typed columns. See {@code docs/data.md} for the file formats, the accepted cells of every kind, and what
 * happens to bad rows.
 */
public final class DataLoader {
	private DataLoader() {
	}

	/** Every source from {@code dataDir/<Source>.csv}, failing on the first bad row. */
	public static LoadResult load(TemplateSpec template, Path dataDir) {
		return load(template, Bindings.byConvention(dataDir, template), LoadOptions.defaults());
	}

	/**
	 * Loads every source of the template from the file bound to it. Sources that others refer to are loaded
	 * first, so that references resolve to row indexes as they are read.
	 *
	 * @param bindings the file of each source, by source name (see {@link Bindings})
	 * @throws DataLoadException on a problem with a file, or on a bad row under {@link BadRowPolicy#FAIL}
	 * @throws IllegalArgumentException when the template itself is inconsistent (a reference to an unknown
	 *     source, or to a source without a key)
	 */
	public static LoadResult load(TemplateSpec template, Map<String, Path> bindings, LoadOptions options) {
		String[] loading = new String[1];
		try {
			return loadAll(template, bindings, options, loading);
		} catch (OutOfMemoryError e) {
			if (loading[0] == null || e instanceof LoadOutOfMemoryError) {
				throw e;
			}
			// loadAll's frames are gone, and with them every column loaded so far: there is memory again
			throw outOfMemory(e, loading[0], bindings);
		}
	}

	private static LoadOutOfMemoryError outOfMemory(OutOfMemoryError e, String source, Map<String, Path> bindings) {
		long dataBytes = 0;
		for (Path bound : bindings.values()) {
			dataBytes += Math.max(0, sizeOf(bound));
		}
		Path file = bindings.get(source);
		LoadOutOfMemoryError error = new LoadOutOfMemoryError(e.getMessage() == null ? "Java heap space"
				: e.getMessage(), source, file, sizeOf(file), dataBytes, Runtime.getRuntime().maxMemory());
		error.initCause(e);
		return error;
	}

	private static long sizeOf(Path file) {
		try {
			return java.nio.file.Files.size(file);
		} catch (java.io.IOException | RuntimeException e) {
			return -1;
		}
	}

	/** Loads every source; {@code loading[0]} names the source being loaded. */
	private static LoadResult loadAll(TemplateSpec template, Map<String, Path> bindings, LoadOptions options,
			String[] loading) {
		Texts texts = LoadTexts.of(options.language());
		List<SourceSpec> order = loadOrder(template, bindings, texts);
		Set<String> referenced = new HashSet<>();
		for (SourceSpec source : template.sources()) {
			for (FieldSpec field : source.fields()) {
				if (field.type() == FieldType.REFERENCE) {
					referenced.add(field.referencedSource());
				}
			}
		}
		ZoneTimes zone = new ZoneTimes(template.zone());
		Map<String, KeyIndex> indexes = new HashMap<>();
		Map<String, Table> tables = new HashMap<>();
		List<SourceReport> reports = new ArrayList<>();
		for (SourceSpec source : order) {
			Path file = bindings.get(source.name());
			if (file == null) {
				throw new DataLoadException(new DataError(null, 0, 0, source.name(), null, texts.get("load.unbound")));
			}
			boolean keepKey = source.key().map(key -> options.keepUnreferencedKeys() || key.dimension()
					|| template.reads(source.name(), key.name())).orElse(false);
			loading[0] = source.name();
			SourceLoader loader = new SourceLoader(source, file, zone, options, referenced.contains(source.name()),
					keepKey, indexes);
			loader.dropUnread(field -> template.unread(source.name(), field));
			TableFileReader reader = TableFiles.readerFor(file, source.name(), texts);
			if (reader == null) {
				tables.put(source.name(), loader.load());
				reports.add(loader.report());
			} else {
				loadCopy(loader, TableFiles.copy(reader, file, source, template.zone(), texts), tables, reports, texts);
			}
			if (options.policy() == BadRowPolicy.SKIP) {
				checkBadRowLimit(loader, options.maxBadRows(), texts);
			}
			if (loader.keyIndex() != null) {
				indexes.put(source.name(), loader.keyIndex());
			}
		}
		Dataset dataset = new Dataset();
		for (SourceSpec source : template.sources()) {
			dataset.add(tables.get(source.name()));
		}
		loading[0] = null;
		LoadReport report = new LoadReport(reports);
		return new LoadResult(dataset.withLoadReport(report), report);
	}

	/** Loads a workbook's or a Parquet file's CSV copy, telling its errors in the file's own terms. */
	private static void loadCopy(SourceLoader loader, TableFiles.Copy copy, Map<String, Table> tables,
			List<SourceReport> reports, Texts texts) {
		try {
			loader.readCopy(copy.csv());
			tables.put(copy.sourceName(), loader.load());
			reports.add(copy.translate(loader.report()));
		} catch (DataLoadException e) {
			throw copy.translate(e);
		} catch (java.io.IOException e) {
			throw new DataLoadException(new DataError(copy.bound(), 0, 0, copy.sourceName(), null,
					texts.get("load.cannotWriteQuarantine", e.getMessage())));
		} finally {
			copy.delete();
		}
	}

	/**
	 * Stops loading when more of the source's rows were rejected than the limit allows: {@code 1735 of 1771
	 * rows rejected (98.0%), more than the limit of 5% (--max-bad-rows)}, then the count of each reason, most
	 * frequent first.
	 */
	private static void checkBadRowLimit(SourceLoader loader, BadRowLimit limit, Texts texts) {
		SourceReport report = loader.report();
		if (!limit.exceeded(report.rowsRejected(), report.rowsRead())) {
			return;
		}
		StringBuilder message = new StringBuilder(texts.plural("load.tooManyBadRows", report.rowsRead(),
				report.rowsRejected(), BadRowLimit.percentOf(report.rowsRejected(), report.rowsRead()),
				limit.toText(texts)));
		loader.rejectedByReason().entrySet().stream()
				.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
				.forEach(reason -> message.append("\n  ").append(reason.getValue()).append(" × ").append(reason.getKey()));
		throw new DataLoadException(new DataError(report.file(), 0, 0, report.source(), null, message.toString()));
	}

	/**
	 * The sources in an order where every source comes after the sources it refers to, otherwise in
	 * declaration order.
	 *
	 * @throws DataLoadException when sources refer to each other in a cycle (or a source to itself)
	 */
	static List<SourceSpec> loadOrder(TemplateSpec template, Map<String, Path> bindings) {
		return loadOrder(template, bindings, LoadTexts.of("en"));
	}

	static List<SourceSpec> loadOrder(TemplateSpec template, Map<String, Path> bindings, Texts texts) {
		Map<String, SourceSpec> byName = new LinkedHashMap<>();
		for (SourceSpec source : template.sources()) {
			byName.put(source.name(), source);
		}
		for (SourceSpec source : template.sources()) {
			for (FieldSpec field : source.fields()) {
				if (field.type() != FieldType.REFERENCE) {
					continue;
				}
				SourceSpec target = byName.get(field.referencedSource());
				if (target == null) {
					throw new IllegalArgumentException(source.name() + "." + field.name() + " refers to "
							+ field.referencedSource() + ", which is not a source of " + template.qualifiedName());
				}
				if (target.key().isEmpty()) {
					throw new IllegalArgumentException(source.name() + "." + field.name() + " refers to "
							+ target.name() + ", which has no key");
				}
			}
		}
		List<SourceSpec> order = new ArrayList<>();
		Map<String, Integer> state = new HashMap<>(); // 1 visiting, 2 done
		for (SourceSpec source : template.sources()) {
			visit(source, byName, state, new ArrayList<>(), order, bindings, texts);
		}
		return order;
	}

	private static void visit(SourceSpec source, Map<String, SourceSpec> byName, Map<String, Integer> state,
			List<String> path, List<SourceSpec> order, Map<String, Path> bindings, Texts texts) {
		Integer seen = state.get(source.name());
		if (seen != null && seen == 2) {
			return;
		}
		state.put(source.name(), 1);
		for (FieldSpec field : source.fields()) {
			if (field.type() != FieldType.REFERENCE) {
				continue;
			}
			String step = source.name() + "." + field.name() + " -> " + field.referencedSource();
			SourceSpec target = byName.get(field.referencedSource());
			if (target == source) {
				throw cycle(source, bindings, texts.get("load.selfReference", step));
			}
			Integer targetState = state.get(target.name());
			if (targetState != null && targetState == 1) {
				List<String> steps = new ArrayList<>(path.subList(indexOfSource(path, target.name()), path.size()));
				steps.add(step);
				throw cycle(target, bindings, texts.get("load.referenceCycle", String.join(", ", steps)));
			}
			path.add(step);
			visit(target, byName, state, path, order, bindings, texts);
			path.remove(path.size() - 1);
		}
		state.put(source.name(), 2);
		order.add(source);
	}

	private static int indexOfSource(List<String> path, String source) {
		for (int i = 0; i < path.size(); i++) {
			if (path.get(i).startsWith(source + ".")) {
				return i;
			}
		}
		return 0;
	}

	private static DataLoadException cycle(SourceSpec source, Map<String, Path> bindings, String message) {
		return new DataLoadException(new DataError(bindings.get(source.name()), 0, 0, source.name(), null, message));
	}
}
