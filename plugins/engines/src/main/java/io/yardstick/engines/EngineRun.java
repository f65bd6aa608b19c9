package io.yardstick.engines;

import io.yardstick.dsl.generator.CalculatorModel;
import io.yardstick.dsl.generator.sql.ScanQueries;
import io.yardstick.dsl.generator.sql.ScanQueries.DimensionColumn;
import io.yardstick.dsl.generator.sql.ScanQueries.LabelKind;
import io.yardstick.dsl.generator.sql.ScanQueries.ScanQuery;
import io.yardstick.dsl.generator.sql.SingleRowQueries;
import io.yardstick.dsl.generator.sql.SourceTable;
import io.yardstick.dsl.generator.sql.Sql;
import io.yardstick.dsl.generator.sql.SqlScriptGenerator;
import io.yardstick.dsl.generator.sql.SqlWriter;
import io.yardstick.runtime.calc.Calculator;
import io.yardstick.runtime.calc.DimensionOrder;
import io.yardstick.runtime.calc.Grouping;
import io.yardstick.runtime.calc.Run;
import io.yardstick.runtime.calc.RunOptions;
import io.yardstick.runtime.load.LoadMessage;
import io.yardstick.runtime.results.Results;
import io.yardstick.runtime.spec.DimensionSpec;
import io.yardstick.runtime.spec.FieldSpec;
import io.yardstick.runtime.spec.SourceSpec;
import io.yardstick.runtime.spec.TemplateSpec;
import io.yardstick.runtime.time.Periods;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of a template on an SQL engine: checks the keys references rely on, finds the periods and the
 * values of each breakdown, runs one query per source scan, and hands the aggregate states to the generated
 * calculator, which derives every metric exactly as it does after its own scan.
 */
public final class EngineRun {
	/** How many offending keys a data error lists. */
	private static final int EXAMPLES = 5;

	private final Engine engine;
	private final CalculatorModel model;
	private final Calculator calculator;
	private final Map<String, SourceTable> tables;
	private final TemplateSpec spec;
	private final SqlWriter writer;
	private final ScanQueries queries;

	/**
	 * @param tables every source of the template that has rows, by name: a table of the engine's own, or
	 *     rows {@link Engine#push pushed} from Yardstick's loader
	 */
	public EngineRun(Engine engine, CalculatorModel model, Calculator calculator, Map<String, SourceTable> tables) {
		this.engine = engine;
		this.model = model;
		this.calculator = calculator;
		this.tables = tables;
		this.spec = calculator.template();
		this.writer = new SqlWriter(engine.dialect());
		this.queries = new ScanQueries(model, spec, engine.dialect(), tables);
	}

	public Results run(RunOptions options) throws SQLException, EngineDataException {
		return run(options, null);
	}

	/**
	 * A run whose scans are the files {@code generate --target sql} wrote, run unchanged (each file's
	 * statements in order, the last one's rows read), over the periods table they read, which must hold
	 * the run's periods.
	 */
	public Results runScripts(RunOptions options, List<String> scanFiles) throws SQLException, EngineDataException {
		return run(options, scanFiles);
	}

	private Results run(RunOptions options, List<String> scanFiles) throws SQLException, EngineDataException {
		engine.prepare(spec.zone());
		// What the periods and the scans' SQL depend on: the time ranges, and where local times may be read by
		// arithmetic. Both are answered from a column's least and greatest values, in a millisecond or two.
		List<SingleRow> first = new ArrayList<>();
		long[] range = { Long.MAX_VALUE, Long.MIN_VALUE };
		List<Engine.Query> exactRanges = new ArrayList<>();
		timeRanges(first, range, exactRanges);
		Set<String> steady = new java.util.HashSet<>();
		offsetChecks(first, steady);
		askAtOnce(first);
		engine.queryAll(exactRanges);
		ScanQueries queries = this.queries.withSteadyOffset(steady);
		// scanned even when --from and --to fix the periods: where the data ends marks the partial ones
		Periods periods = Run.periods(spec, options, range[0], range[1]);
		List<List<String>> groupings = groupings(options);
		List<ScanQuery> scans = periods.count() == 0 ? List.of()
				: scanFiles == null
						? queries.scans(options.grain(), ScanQueries.periodRows(options.grain(), periods), groupings)
						: queries.scans(options.grain(), new Sql.Table(List.of(SqlScriptGenerator.PERIODS_TABLE)), groupings);

		// The key checks, the scans and the breakdowns' values in one batch. The scans find the values of the
		// breakdowns they group by in the rows they read; a query lists only those of the rows they leave out.
		List<Engine.Query> batch = new ArrayList<>();
		List<KeyCheck> keys = checkKeys(scans, batch);
		List<Engine.Query> valuesQueries = new ArrayList<>();
		Map<String, DimensionValues> found = new LinkedHashMap<>();
		for (List<String> grouping : groupings) {
			for (String dimension : grouping) {
				if (!found.containsKey(dimension)) {
					found.put(dimension, dimensionValues(valuesQueries, dimension, scans));
				}
			}
		}
		List<ScannedCell> cells = new ArrayList<>();
		Map<String, long[]> zeroDenominators = new LinkedHashMap<>();
		Map<String, long[]> dangling = new LinkedHashMap<>();
		if (scanFiles == null) {
			// a duplicate key fails the run before a scan's cells are put to use
			for (ScanQuery scan : heaviestFirst(scans)) {
				batch.add(new Engine.Query(writer.select(scan.select()), row -> {
					if (unique(keys)) {
						read(scan, row, periods.count(), found, cells, zeroDenominators, dangling);
					}
				}));
			}
			batch.addAll(valuesQueries);
			engine.queryAll(batch);
			failOnDuplicates(keys);
		} else {
			batch.addAll(valuesQueries);
			engine.queryAll(batch);
			failOnDuplicates(keys);
			for (int i = 0; i < scans.size(); i++) {
				List<String> statements = statements(scanFiles.get(i));
				for (String statement : statements.subList(0, statements.size() - 1)) {
					engine.execute(statement);
				}
				ScanQuery scan = scans.get(i);
				engine.query(statements.get(statements.size() - 1),
						row -> read(scan, row, periods.count(), found, cells, zeroDenominators, dangling));
			}
		}
		checkReferences(dangling);

		Map<String, List<String>> values = new LinkedHashMap<>();
		found.forEach((dimension, list) -> values.put(dimension, list.values()));
		Run run = Run.overCells(spec, periods, values, options);
		Map<String, List<CellState>> states = states(cells, run, values, options);
		for (int m = 0; m < spec.metrics().size(); m++) {
			long[] rows = zeroDenominators.get(spec.metrics().get(m).id());
			if (rows != null) {
				run.zeroDenominators(m, rows[0]);
			}
		}
		return calculator.derive(run, (aggregate, kernel) -> {
			for (CellState state : states.getOrDefault(aggregate, List.of())) {
				kernel.load(state.grouping(), state.cell(), state.state());
			}
		});
	}

	private record CellState(int grouping, int cell, double[] state) {
	}

	/**
	 * The scans in the order a batch should start them, so that the last to finish is not a long one left to run
	 * alone: first those without a time axis, each of whose rows meets every period (a table of customers, often
	 * few row groups, which DuckDB reads on about one thread), then by how many columns they compute. On
	 * after-sales at a million tickets the batch took 151-177 ms on two cores instead of 170-180.
	 */
	private static List<ScanQuery> heaviestFirst(List<ScanQuery> scans) {
		List<ScanQuery> ordered = new ArrayList<>(scans);
		ordered.sort(java.util.Comparator.comparing((ScanQuery scan) -> scan.timeAxis() != null)
				.thenComparing(scan -> -scan.select().items().size()));
		return ordered;
	}

	/** A query that gives exactly one row, and the reader of that row. */
	private record SingleRow(Sql.Select select, Engine.RowReader reader) {
	}

	/**
	 * Asks every single-row query in one statement ({@link SingleRowQueries}), and hands each reader its own
	 * query's columns: a statement costs DuckDB about a millisecond before it reads a row, and a run asks five or
	 * more of these questions.
	 */
	private void askAtOnce(List<SingleRow> questions) throws SQLException {
		if (questions.isEmpty()) {
			return;
		}
		Sql.Select combined = SingleRowQueries.combine(
				"the time ranges, and where the offsets of local times hold, in one row",
				questions.stream().map(SingleRow::select).toList());
		engine.query(writer.select(combined), row -> {
			for (int i = 0; i < questions.size(); i++) {
				questions.get(i).reader().row(EngineRow.prefixed(row, SingleRowQueries.prefix(i)));
			}
		});
	}

	/**
	 * A row of a scan's result in one of the run's periods: a cell of one grouping set, with its breakdown
	 * values as the calculator labels them and each aggregate's state, kept until the values of every
	 * breakdown are known and the cell can be given its group.
	 */
	private record ScannedCell(ScanQuery scan, int mask, int period, String[] labels, Map<String, double[]> states) {
	}

	private static List<List<String>> groupings(RunOptions options) {
		List<List<String>> groupings = new ArrayList<>();
		for (Grouping grouping : options.groupings()) {
			groupings.add(grouping.dimensions());
		}
		return groupings;
	}

	/** The statements of a generated file: each ends with a semicolon at the end of a line. */
	static List<String> statements(String file) {
		List<String> statements = new ArrayList<>();
		StringBuilder statement = new StringBuilder();
		for (String line : file.split("\n")) {
			statement.append(line).append('\n');
			if (line.endsWith(";")) {
				statements.add(statement.substring(0, statement.length() - 2));
				statement.setLength(0);
			}
		}
		return statements;
	}

	/**
	 * One row of a scan's result: the breakdown values of its grouping set are noted, then, for a row in one
	 * of the run's periods, its cell is kept.
	 */
	private static void read(ScanQuery scan, EngineRow row, int periodCount, Map<String, DimensionValues> found,
			List<ScannedCell> cells, Map<String, long[]> zeroDenominators, Map<String, long[]> dangling)
			throws SQLException {
		// Every grouping set holds each row of a period once: its zero denominators are read from one of them.
		Integer countedMask = scan.groupings().isEmpty() ? null : scan.groupings().keySet().iterator().next();
		int mask = scan.groupingId() ? row.getInt("grouping_id") : 0;
		String[] labels = new String[scan.dimensions().size()];
		for (int d = 0; d < labels.length; d++) {
			// a column the grouping set rolls up reads null, which is no value of its breakdown
			if ((mask & (1 << (labels.length - 1 - d))) == 0) {
				DimensionColumn column = scan.dimensions().get(d);
				labels[d] = label(row, column);
				found.get(column.dimension()).add(labels[d]);
			}
		}
		int period = row.getInt("period");
		if (row.wasNull() || period < 0 || period >= periodCount) {
			return; // a period no run has: the scans leave such rows out, but a script's table of periods may hold more
		}
		for (Map.Entry<String, List<String>> reference : scan.danglingReferences().entrySet()) {
			for (String column : reference.getValue()) {
				dangling.computeIfAbsent(reference.getKey(), k -> new long[1])[0] += row.getLong(column);
			}
		}
		if (!scan.groupings().containsKey(mask)) {
			return;
		}
		if (countedMask != null && mask == countedMask) {
			for (Map.Entry<String, List<String>> metric : scan.zeroDenominators().entrySet()) {
				for (String column : metric.getValue()) {
					zeroDenominators.computeIfAbsent(metric.getKey(), k -> new long[1])[0] += row.getLong(column);
				}
			}
		}
		Map<String, double[]> states = new LinkedHashMap<>();
		for (Map.Entry<String, List<String>> aggregate : scan.states().entrySet()) {
			double[] state = new double[aggregate.getValue().size()];
			for (int s = 0; s < state.length; s++) {
				double value = row.getDouble(aggregate.getValue().get(s));
				state[s] = row.wasNull() ? Double.NaN : value;
			}
			states.put(aggregate.getKey(), state);
		}
		cells.add(new ScannedCell(scan, mask, period, labels, states));
	}

	/** Each kept cell's states, for every grouping its grouping set serves, under the cell the calculator gives it. */
	private static Map<String, List<CellState>> states(List<ScannedCell> cells, Run run, Map<String, List<String>> values,
			RunOptions options) throws SQLException {
		// Each breakdown value's position in its dimension's list, the group code the calculator gives it.
		Map<String, Map<String, Integer>> codes = new HashMap<>();
		values.forEach((dimension, list) -> {
			Map<String, Integer> code = new HashMap<>();
			for (int i = 0; i < list.size(); i++) {
				code.put(list.get(i), i);
			}
			codes.put(dimension, code);
		});
		Map<String, List<CellState>> states = new HashMap<>();
		for (ScannedCell scanned : cells) {
			for (Map.Entry<Integer, List<Integer>> grouping : scanned.scan().groupings().get(scanned.mask()).entrySet()) {
				int g = grouping.getKey();
				List<String> dimensions = options.groupings().get(g).dimensions();
				int code = 0;
				for (int i = 0; i < dimensions.size(); i++) {
					Map<String, Integer> known = codes.get(dimensions.get(i));
					String label = scanned.labels()[grouping.getValue().get(i)];
					Integer at = known.get(label);
					if (at == null) {
						throw new SQLException("the engine returned a value of " + dimensions.get(i)
								+ " that its list of values lacks: " + label);
					}
					code = code * known.size() + at;
				}
				int cell = scanned.period() * run.groups(g) + code;
				scanned.states().forEach((aggregate, state) -> states.computeIfAbsent(aggregate, k -> new ArrayList<>())
						.add(new CellState(g, cell, state)));
			}
		}
		return states;
	}

	/** A breakdown value as the calculator labels it. */
	private static String label(EngineRow row, DimensionColumn column) throws SQLException {
		return switch (column.labels()) {
			case TEXT, DATE -> row.getString(column.column());
			case BOOL -> {
				boolean flag = row.getBoolean(column.column());
				yield row.wasNull() ? null : Boolean.toString(flag);
			}
			case NUMBER -> {
				double value = row.getDouble(column.column());
				yield row.wasNull() ? null : numberLabel(value);
			}
		};
	}

	/** Whole numbers without a fraction, others as Java prints a double: as the calculator labels them. */
	static String numberLabel(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
	}

	// ------------------------------------------------------------------ periods and breakdown values

	/**
	 * The queries that find which local time columns lie wholly where the zone's offset no longer changes
	 * ({@link ScanQueries#offsetHolds}), which fill {@code steady}: a column without values counts, since
	 * both readings of a null are null.
	 */
	private void offsetChecks(List<SingleRow> batch, Set<String> steady) {
		for (String source : tables.keySet()) {
			queries.offsetHolds(source).ifPresent(check -> batch.add(new SingleRow(check.select(), row -> {
				for (Map.Entry<String, String> column : check.columns().entrySet()) {
					boolean holds = row.getBoolean(column.getKey());
					if (holds || row.wasNull()) {
						steady.add(column.getValue());
					}
				}
			})));
		}
	}

	/**
	 * The queries of each time axis's earliest and latest instant, which widen {@code range}; those read from
	 * the earliest and latest local times whose offset turns out not to hold for every value are added to
	 * {@code exact}, to run after the batch.
	 */
	private void timeRanges(List<SingleRow> batch, long[] range, List<Engine.Query> exact) {
		for (String axis : spec.timeAxes()) {
			String source = axis.substring(0, axis.indexOf('.'));
			if (!tables.containsKey(source)) {
				continue;
			}
			ScanQueries.TimeRange query = queries.timeRange(source, axis.substring(axis.indexOf('.') + 1));
			batch.add(new SingleRow(query.select(), row -> {
				if (query.exact().isPresent()) {
					boolean steady = row.getBoolean("steady");
					if (!steady && !row.wasNull()) {
						exact.add(new Engine.Query(writer.select(query.exact().get()), exactRow -> widen(exactRow, range)));
						return;
					}
				}
				widen(row, range);
			}));
		}
	}

	private static void widen(EngineRow row, long[] range) throws SQLException {
		long lo = row.getLong("first");
		if (!row.wasNull()) {
			range[0] = Math.min(range[0], lo);
			range[1] = Math.max(range[1], row.getLong("last"));
		}
	}

	/** The values of one dimension, gathered from every source that maps it. */
	private static final class DimensionValues {
		private final Set<String> labels = new LinkedHashSet<>();
		private boolean hasNull;
		private boolean allEnums = true;
		private List<String> enumOrder;

		void add(String label) {
			if (label == null) {
				hasNull = true;
			} else {
				labels.add(label);
			}
		}

		/** In the calculator's order. */
		List<String> values() {
			return DimensionOrder.of(allEnums ? enumOrder : null, labels, hasNull);
		}
	}

	/**
	 * The queries of a dimension's values on every source that maps it, but for the sources a scan reads every
	 * row of and groups by the dimension ({@link ScanQuery#everyRow}): their values come with the scan's rows.
	 * Where a scan keeps the rows of the run's periods, the query lists the values of the other rows only
	 * (where the periods span the data, those without a time: none or few, found from the engine's statistics).
	 */
	private DimensionValues dimensionValues(List<Engine.Query> batch, String dimension, List<ScanQuery> scans) {
		DimensionSpec dimensionSpec = spec.dimension(dimension)
				.orElseThrow(() -> new IllegalArgumentException("unknown breakdown \"" + dimension + "\""));
		DimensionValues found = new DimensionValues();
		for (String source : dimensionSpec.paths().keySet()) {
			if (!tables.containsKey(source)) {
				continue;
			}
			var query = queries.dimensionValues(dimension, source);
			if (query.isEmpty()) {
				continue;
			}
			FieldSpec last = lastField(source, dimensionSpec.paths().get(source));
			DimensionColumn column = new DimensionColumn("value", dimension, query.get().getValue());
			List<ScanQuery> grouping = scans.stream().filter(scan -> scan.source().equals(source)
					&& scan.dimensions().stream().anyMatch(d -> d.dimension().equals(dimension))).toList();
			if (grouping.stream().noneMatch(ScanQuery::everyRow)) {
				// a scan that keeps the rows of the run's periods leaves only the others for a query to list
				var select = grouping.stream().filter(scan -> scan.keptRows() != null).findFirst()
						.flatMap(scan -> queries.dimensionValues(dimension, source, scan.keptRows()))
						.orElse(query.get()).getKey();
				batch.add(new Engine.Query(writer.select(select), row -> found.add(label(row, column))));
			}
			// The calculator lists an enum's every value and both values of a flag, whether rows have them or not
			// (the values are sorted in the end: the order they are found in does not matter).
			if (query.get().getValue() == LabelKind.BOOL) {
				found.labels.addAll(List.of("false", "true"));
			}
			if (last.enumValues().isEmpty()) {
				found.allEnums = false;
			} else {
				found.labels.addAll(last.enumValues());
				found.enumOrder = last.enumValues();
			}
		}
		return found;
	}

	private FieldSpec lastField(String source, List<String> path) {
		SourceSpec at = spec.source(source).orElseThrow();
		for (int step = 0; step < path.size() - 1; step++) {
			at = spec.source(at.field(path.get(step)).orElseThrow().referencedSource()).orElseThrow();
		}
		return at.field(path.get(path.size() - 1)).orElseThrow();
	}

	// ------------------------------------------------------------------ keys

	/**
	 * A join through a reference must not multiply rows: the key of every source a scan joins, or an aggregate
	 * per entity groups by, is checked unique in the engine before the scans, for the tables Yardstick did not
	 * load itself (its loader checks its own). A source no scan joins is not checked: its keys change no number.
	 */
	private List<KeyCheck> checkKeys(List<ScanQuery> scans, List<Engine.Query> batch) {
		Set<String> joined = new LinkedHashSet<>();
		for (ScanQuery scan : scans) {
			for (String reference : scan.danglingReferences().keySet()) {
				joined.add(referencedSource(reference));
			}
		}
		for (String reference : entityReferences()) {
			joined.add(referencedSource(reference));
		}
		List<KeyCheck> checks = new ArrayList<>();
		for (String target : joined) {
			if (!tables.containsKey(target) || tables.get(target).times() == SourceTable.TimeStorage.MILLIS) {
				continue;
			}
			KeyCheck check = new KeyCheck(target, new ArrayList<>());
			checks.add(check);
			batch.add(new Engine.Query(writer.select(queries.duplicateKeys(target, EXAMPLES)), row -> check.duplicates()
					.add(LoadMessage.of("engine.duplicate", row.getString("key"), row.getLong("rows")))));
		}
		return checks;
	}

	/** The keys of a source found more than once, as the key check's query lists them. */
	private record KeyCheck(String source, List<LoadMessage> duplicates) {
	}

	private static boolean unique(List<KeyCheck> checks) {
		return checks.stream().allMatch(check -> check.duplicates().isEmpty());
	}

	/** A data error per source whose keys are not unique. */
	private void failOnDuplicates(List<KeyCheck> checks) throws EngineDataException {
		List<LoadMessage> errors = new ArrayList<>();
		for (KeyCheck check : checks) {
			if (!check.duplicates().isEmpty()) {
				String key = spec.source(check.source()).flatMap(SourceSpec::key).map(FieldSpec::name).orElse("key");
				errors.add(LoadMessage.of("engine.duplicateKey", check.source(), key,
						String.join(".", tables.get(check.source()).name()), check.duplicates()));
			}
		}
		if (!errors.isEmpty()) {
			throw new EngineDataException(errors);
		}
	}

	/**
	 * Every reference a run follows must name a row. The scans count the rows whose followed reference names
	 * none (no pass of their own: the join is made anyway); where they found some, or for the references an
	 * aggregate per entity groups by, a query lists the values. A reference nothing follows is not checked.
	 */
	private void checkReferences(Map<String, long[]> dangling) throws SQLException, EngineDataException {
		Set<String> suspect = new LinkedHashSet<>();
		dangling.forEach((reference, rows) -> {
			if (rows[0] > 0) {
				suspect.add(reference);
			}
		});
		for (String reference : entityReferences()) {
			String source = reference.substring(0, reference.indexOf('.'));
			if (tables.containsKey(source) && tables.get(source).times() == SourceTable.TimeStorage.NATIVE
					&& tables.containsKey(referencedSource(reference))) {
				suspect.add(reference);
			}
		}
		List<LoadMessage> errors = new ArrayList<>();
		for (String reference : suspect) {
			String source = reference.substring(0, reference.indexOf('.'));
			String field = reference.substring(reference.indexOf('.') + 1);
			List<String> values = new ArrayList<>();
			engine.query(writer.select(queries.danglingReferences(source, field, EXAMPLES)),
					row -> values.add("\"" + row.getString("reference") + "\""));
			if (!values.isEmpty()) {
				errors.add(LoadMessage.of("engine.danglingReference", source, field,
						String.join(".", tables.get(source).name()), referencedSource(reference), values));
			}
		}
		if (!errors.isEmpty()) {
			throw new EngineDataException(errors);
		}
	}

	/** The references ({@code Source.field}) the aggregates per entity group their rows by. */
	private Set<String> entityReferences() {
		Set<String> references = new LinkedHashSet<>();
		for (CalculatorModel.EntityAggregateModel entity : model.entityAggregates()) {
			references.add(entity.source().getName() + "." + entity.reference().getName());
		}
		return references;
	}

	/** The source a reference ({@code Source.field}) points at. */
	private String referencedSource(String reference) {
		String source = reference.substring(0, reference.indexOf('.'));
		String field = reference.substring(reference.indexOf('.') + 1);
		return spec.source(source).flatMap(s -> s.field(field)).map(FieldSpec::referencedSource).orElseThrow();
	}
}
