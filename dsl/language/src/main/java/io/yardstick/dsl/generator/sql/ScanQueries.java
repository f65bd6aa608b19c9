package io.yardstick.dsl.generator.sql;

import io.yardstick.dsl.generator.CalculatorModel;
import io.yardstick.dsl.generator.CalculatorModel.AggregateModel;
import io.yardstick.dsl.generator.CalculatorModel.ScanModel;
import io.yardstick.dsl.generator.GeneratorException;
import io.yardstick.dsl.generator.sql.Sql.Aggregate;
import io.yardstick.dsl.generator.sql.Sql.AggregateFunction;
import io.yardstick.dsl.generator.sql.Sql.Binary;
import io.yardstick.dsl.generator.sql.Sql.Call;
import io.yardstick.dsl.generator.sql.Sql.Column;
import io.yardstick.dsl.generator.sql.Sql.Expr;
import io.yardstick.dsl.generator.sql.Sql.Function;
import io.yardstick.dsl.generator.sql.Sql.IsNull;
import io.yardstick.dsl.generator.sql.Sql.Item;
import io.yardstick.dsl.generator.sql.Sql.Join;
import io.yardstick.dsl.generator.sql.Sql.JoinKind;
import io.yardstick.dsl.generator.sql.Sql.Select;
import io.yardstick.dsl.generator.sql.SqlDialect.Capability;
import io.yardstick.dsl.kpi.Expression;
import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.FunctionCall;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.SymbolReference;
import io.yardstick.dsl.model.ModelText;
import io.yardstick.dsl.model.Sources;
import io.yardstick.dsl.types.Constants;
import io.yardstick.dsl.types.Kind;
import io.yardstick.runtime.spec.DimensionSpec;
import io.yardstick.runtime.spec.TemplateSpec;
import io.yardstick.runtime.time.Grain;
import io.yardstick.runtime.time.Periods;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans the SQL of a run from the calculator's plan ({@link CalculatorModel}): for each source scan and each
 * time axis it buckets by, one query that joins the references its expressions follow, cuts rows into the
 * run's periods and the groups of every requested breakdown (GROUPING SETS), and returns every aggregate's
 * state per cell, named as the calculator's kernels are. Everything after the aggregates (derived formulas,
 * period functions, targets) is the calculator's own Java, run on those cells.
 */
public final class ScanQueries {
	/** The alias of the periods relation in every scan. */
	static final String PERIODS = "periods";

	/**
	 * One reported period: its index, its key ({@link #periodKey}), its bounds in epoch milliseconds, and its
	 * first local day and the next period's, which dates compare with: a date is the first instant of its day,
	 * and that instant grows with the day, so a date compares with a bound as its day with the bound's day.
	 */
	public record PeriodRow(int index, long key, long startMillis, long endMillis, LocalDate startDay, LocalDate endDay) {
	}

	/** How a dimension's raw value becomes the label the calculator gives it. */
	public enum LabelKind {
		TEXT, BOOL, DATE, NUMBER
	}

	/** A column of a scan's result that holds a breakdown's raw value. */
	public record DimensionColumn(String column, String dimension, LabelKind labels) {
	}

	/**
	 * One query: the rows of {@code source} bucketed by {@code timeAxis} (null: every row in every period).
	 *
	 * @param groupings per grouping set's mask (from {@code grouping_id}), the run's groupings it serves,
	 *     each with the indexes into {@code dimensions} of its dimensions in order
	 * @param states per aggregate (the kernel's name), its state columns in the kernel's order; aggregates
	 *     that compute the same thing share one column
	 * @param zeroDenominators per metric, the columns that count the rows of a cell whose division inside the
	 *     metric's aggregates met a zero denominator where the calculator evaluates it (each grouping set counts
	 *     every row of the period again: read one set)
	 * @param danglingReferences per reference the scan's joins follow on a table of the engine's own
	 *     ({@code Source.field}), the columns that count the scanned rows whose reference names no row: the
	 *     check that every followed reference names a row, made in the scan that follows it rather than in a
	 *     pass of its own; any row in any cell is a data error
	 * @param everyRow whether every row of the source is in some group of the result (a source without a time
	 *     axis: every row in every period): the result then holds every value of each breakdown it groups by
	 * @param keptRows where the result holds every row of the source but those a condition leaves out (a scan
	 *     grouped by the period key keeps the rows of the run's periods), that condition: the values of a
	 *     breakdown are then those of the result and {@link #dimensionValues(String, String, Expr) those of the
	 *     rows left out}
	 */
	public record ScanQuery(String source, String timeAxis, Select select, boolean groupingId,
			List<DimensionColumn> dimensions, Map<Integer, Map<Integer, List<Integer>>> groupings,
			Map<String, List<String>> states, Map<String, List<String>> zeroDenominators,
			Map<String, List<String>> danglingReferences, boolean everyRow, Expr keptRows) {
	}

	private final CalculatorModel model;
	private final TemplateSpec spec;
	private final SqlDialect dialect;
	private final Map<String, SourceTable> tables;
	private final WallClock wallClock;
	private final Set<String> steady;

	public ScanQueries(CalculatorModel model, TemplateSpec spec, SqlDialect dialect, Map<String, SourceTable> tables) {
		this(model, spec, dialect, tables, Set.of());
	}

	private ScanQueries(CalculatorModel model, TemplateSpec spec, SqlDialect dialect, Map<String, SourceTable> tables,
			Set<String> steady) {
		this.model = model;
		this.spec = spec;
		this.dialect = dialect;
		this.tables = tables;
		this.wallClock = WallClock.of(spec.zone(), dialect);
		this.steady = steady;
	}

	/**
	 * The queries of a run that found, by {@link #offsetHolds}, local time columns whose every value lies where
	 * the zone's offset no longer changes: they are read as their wall-clock reading less the offset, with no
	 * test per value. A scan that reads three such columns spent a sixth of its time on the tests.
	 *
	 * @param steady such columns, as {@link OffsetCheck#columns} names them
	 */
	public ScanQueries withSteadyOffset(Set<String> steady) {
		return new ScanQueries(model, spec, dialect, tables, Set.copyOf(steady));
	}

	// ------------------------------------------------------------------ periods

	/** A period's key: consecutive periods have consecutive keys; computed alike in Java and in SQL. */
	public static long periodKey(Grain grain, LocalDate firstDay) {
		return grain.key(firstDay);
	}

	/** {@link #periodKey} of a local date in SQL; 1970-01-01 is a Thursday, so Monday-weeks are shifted by 3 days. */
	static Expr periodKey(Grain grain, Expr localDate) {
		return switch (grain) {
			case DAY -> new Call(Function.EPOCH_DAY, localDate);
			case WEEK -> new Call(Function.FLOOR, new Binary("/", new Binary("+", new Call(Function.EPOCH_DAY, localDate),
					new Sql.Integer(3)), new Sql.Number(BigDecimal.valueOf(7))));
			case MONTH -> new Binary("-", new Binary("+", new Binary("*", new Call(Function.DATE_YEAR, localDate),
					new Sql.Integer(12)), new Call(Function.DATE_MONTH, localDate)), new Sql.Integer(1));
			case QUARTER -> new Binary("-", new Binary("+", new Binary("*", new Call(Function.DATE_YEAR, localDate),
					new Sql.Integer(4)), new Call(Function.DATE_QUARTER, localDate)), new Sql.Integer(1));
			case YEAR -> new Call(Function.DATE_YEAR, localDate);
		};
	}

	/** The rows of the periods relation for a run's periods. */
	public static List<PeriodRow> periodRows(Grain grain, Periods periods) {
		List<PeriodRow> rows = new ArrayList<>();
		for (int p = 0; p < periods.count(); p++) {
			LocalDate firstDay = periods.firstDay(p);
			// the next period's first day, as Periods bounds the last one
			LocalDate endDay = p + 1 < periods.count() ? periods.firstDay(p + 1) : grain.next(firstDay);
			rows.add(new PeriodRow(p, periodKey(grain, firstDay), periods.start(p), periods.end(p), firstDay, endDay));
		}
		return rows;
	}

	/** The periods as inline rows: what a run sends, so that it needs no table of its own in the engine. */
	public static Sql.Relation inlinePeriods(List<PeriodRow> periods) {
		List<List<Expr>> rows = new ArrayList<>();
		for (PeriodRow period : periods) {
			rows.add(List.of(new Sql.Integer(period.index()), new Sql.Integer(period.key()),
					new Sql.Integer(period.startMillis()), new Sql.Integer(period.endMillis()), new Sql.Date(period.startDay()),
					new Sql.Date(period.endDay())));
		}
		return new Sql.Values(PERIOD_COLUMNS, rows);
	}

	/**
	 * The columns of the periods relation: index, key, first instant, first instant of the next period, first
	 * local day, first local day of the next period.
	 */
	public static final List<String> PERIOD_COLUMNS = List.of("p", "k", "start_ms", "end_ms", "start_day", "end_day");

	// ------------------------------------------------------------------ scans

	/**
	 * The queries of a run.
	 *
	 * @param periods the run's periods ({@link #PERIOD_COLUMNS}): {@link #inlinePeriods inline}, or a table
	 * @param groupings the run's groupings: each a list of dimension names (the total is empty)
	 * @throws GeneratorException for a construct the dialect cannot compute exactly, with its position
	 */
	public List<ScanQuery> scans(Grain grain, Sql.Relation periods, List<List<String>> groupings) {
		return scans(grain, periods, null, groupings);
	}

	/**
	 * The queries of a run whose periods are sent inline. Where the dialect {@link SqlDialect#groupsByPeriodKey
	 * groups by the period key}, the keys are consecutive and the grain's key is a whole number, a scan groups
	 * by its rows' key less the first period's instead of joining the relation, and reads a period's bounds,
	 * where its expressions compare with them, from lists of the run's bounds by that index.
	 */
	public List<ScanQuery> scans(Grain grain, List<PeriodRow> periods, List<List<String>> groupings) {
		boolean consecutive = grain != Grain.WEEK && dialect.groupsByPeriodKey() && !periods.isEmpty();
		for (int p = 0; consecutive && p < periods.size(); p++) {
			consecutive = periods.get(p).key() == periods.get(0).key() + p;
		}
		KeyRange keys = consecutive ? new KeyRange(periods) : null;
		return scans(grain, inlinePeriods(periods), keys, groupings);
	}

	/** The periods of a run whose periods have consecutive keys. */
	private record KeyRange(List<PeriodRow> periods) {
		long first() {
			return periods.get(0).key();
		}

		/**
		 * What each column of the periods relation becomes in a scan grouped by the key: the period, its
		 * index; the key, the row's; a bound, the run's list of that bound picked by the index.
		 */
		Map<Expr, Expr> columns(Column period, Expr key, Expr index) {
			Map<Expr, Expr> columns = new LinkedHashMap<>();
			columns.put(period, index);
			columns.put(new Column(PERIODS, "k"), key);
			columns.put(new Column(PERIODS, "start_ms"), pick(index, row -> new Sql.Integer(row.startMillis())));
			columns.put(new Column(PERIODS, "end_ms"), pick(index, row -> new Sql.Integer(row.endMillis())));
			columns.put(new Column(PERIODS, "start_day"), pick(index, row -> new Sql.Date(row.startDay())));
			columns.put(new Column(PERIODS, "end_day"), pick(index, row -> new Sql.Date(row.endDay())));
			return columns;
		}

		private Expr pick(Expr index, java.util.function.Function<PeriodRow, Expr> bound) {
			return new Sql.Pick(periods.stream().map(bound).toList(), index);
		}
	}

	private List<ScanQuery> scans(Grain grain, Sql.Relation periods, KeyRange keys, List<List<String>> groupings) {
		List<ScanQuery> queries = new ArrayList<>();
		for (ScanModel scan : model.scans()) {
			for (Map.Entry<Field, List<AggregateModel>> axis : scan.byTimeAxis().entrySet()) {
				queries.add(scan(scan.source(), axis.getKey(), axis.getValue(), grain, periods, keys, groupings));
			}
			if (!scan.everyPeriod().isEmpty()) {
				queries.add(scan(scan.source(), null, scan.everyPeriod(), grain, periods, keys, groupings));
			}
		}
		return queries;
	}

	private ScanQuery scan(Source source, Field timeAxis, List<AggregateModel> aggregates, Grain grain,
			Sql.Relation periodRows, KeyRange keys, List<List<String>> groupings) {
		require(Capability.TIME_ZONES, source);
		ScanRelations relations = new ScanRelations(source, tables, wallClock, steady);
		EntityRelations entities = new EntityRelations(model, dialect, relations, grain, periodRows,
				(scanned, axis) -> periodJoin(grain, periodRows, scanned, axis));
		SqlExpressions expressions = new SqlExpressions(relations, PERIODS, entities, grain);
		String root = relations.rootAlias();

		// Breakdowns: one column per distinct dimension expression this source can provide.
		List<Expr> dimensionExpressions = new ArrayList<>();
		List<DimensionColumn> dimensionColumns = new ArrayList<>();
		Map<Integer, List<Integer>> groupingDimensions = new LinkedHashMap<>();
		for (int g = 0; g < groupings.size(); g++) {
			List<Integer> indexes = new ArrayList<>();
			for (String dimension : groupings.get(g)) {
				Optional<DimensionRead> read = dimension(relations, source, dimension);
				if (read.isEmpty()) {
					indexes = null;
					break;
				}
				int at = dimensionExpressions.indexOf(read.get().expression());
				if (at < 0) {
					at = dimensionExpressions.size();
					dimensionExpressions.add(read.get().expression());
					dimensionColumns.add(new DimensionColumn("d" + at, dimension, read.get().labels()));
				}
				indexes.add(at);
			}
			if (indexes != null) {
				groupingDimensions.put(g, indexes);
			}
		}
		if (dimensionExpressions.size() > 30) {
			throw new GeneratorException(source, "more than 30 breakdown columns in one scan");
		}
		Column period = new Column(PERIODS, "p");
		Map<Integer, Map<Integer, List<Integer>>> byMask = new LinkedHashMap<>();
		Map<Integer, List<Expr>> setsByMask = new LinkedHashMap<>();
		int all = (1 << dimensionExpressions.size()) - 1;
		groupingDimensions.forEach((g, indexes) -> {
			int mask = all;
			List<Expr> set = new ArrayList<>(List.of(period));
			for (int index : new LinkedHashSet<>(indexes)) {
				mask &= ~(1 << (dimensionExpressions.size() - 1 - index));
			}
			for (int index = 0; index < dimensionExpressions.size(); index++) {
				if ((mask & (1 << (dimensionExpressions.size() - 1 - index))) == 0) {
					set.add(dimensionExpressions.get(index));
				}
			}
			byMask.computeIfAbsent(mask, m -> new LinkedHashMap<>()).put(g, indexes);
			setsByMask.putIfAbsent(mask, set);
		});
		if (dimensionExpressions.size() > 0 && setsByMask.size() > 1) {
			require(Capability.GROUPING_SETS, source);
		}

		List<Item> items = new ArrayList<>();
		boolean groupingId = !dimensionExpressions.isEmpty();
		if (groupingId) {
			items.add(new Item(new Call(Function.GROUPING_ID, dimensionExpressions), "grouping_id"));
		}
		items.add(new Item(period, "period"));
		for (int i = 0; i < dimensionExpressions.size(); i++) {
			items.add(new Item(dimensionExpressions.get(i), dimensionColumns.get(i).column()));
		}
		Map<String, List<String>> states = new LinkedHashMap<>();
		Map<String, List<String>> zeroDenominators = new LinkedHashMap<>();
		// An aggregate the scan already computes (the base of two shares, a sum two metrics take) is read twice.
		Map<Expr, String> computed = new LinkedHashMap<>();
		Set<String> metrics = new LinkedHashSet<>();
		for (AggregateModel aggregate : aggregates) {
			String metric = aggregate.metric().metric().getName();
			metrics.add(metric);
			List<Expr> parts = states(aggregate, expressions);
			List<String> names = stateNames(aggregate.kernel());
			List<String> columns = new ArrayList<>();
			for (int i = 0; i < parts.size(); i++) {
				columns.add(column(items, computed, parts.get(i), aggregate.field() + "__" + names.get(i)));
			}
			states.put(aggregate.field(), columns);
			List<SqlExpressions.Division> divisions = expressions.takeDivisions();
			for (int i = 0; i < divisions.size(); i++) {
				Expr zero = new Binary("=", divisions.get(i).denominator(), new Sql.Number(BigDecimal.ZERO));
				zeroDenominators.computeIfAbsent(metric, m -> new ArrayList<>()).add(column(items, computed,
						new Aggregate(AggregateFunction.COUNT_ROWS, null, and(divisions.get(i).guard(), zero), 0),
						aggregate.field() + "__zero" + (i + 1)));
			}
			// Divisions inside an aggregate per entity count in its derived table, per period and entity; each
			// of those rows joins one row of this source per grouping set, so their sum is the rows counted.
			List<Column> entityZeros = entities.takeZeroDenominators();
			for (int i = 0; i < entityZeros.size(); i++) {
				zeroDenominators.computeIfAbsent(metric, m -> new ArrayList<>()).add(column(items, computed,
						new Aggregate(AggregateFunction.SUM, entityZeros.get(i), null, 0),
						aggregate.field() + "__entityzero" + (i + 1)));
			}
		}

		Map<String, List<String>> danglingReferences = new LinkedHashMap<>();
		List<String> danglingComments = new ArrayList<>();
		for (ScanRelations.Followed followed : relations.followed()) {
			Source from = relations.sourceOf(followed.from());
			if (relations.table(from).times() != SourceTable.TimeStorage.NATIVE) {
				continue; // Yardstick's loader has checked every reference of the rows it read
			}
			String name = "dangling" + (danglingComments.size() + 1);
			String reference = from.getName() + "." + followed.reference().getName();
			danglingReferences.computeIfAbsent(reference, r -> new ArrayList<>()).add(column(items, computed,
					new Aggregate(AggregateFunction.COUNT_ROWS, null, relations.danglingReference(followed), 0), name));
			danglingComments.add(name + ": rows whose " + reference + " names no "
					+ followed.reference().getReference().getName() + " (a data error)");
		}

		List<Join> joins = new ArrayList<>(relations.joins());
		Expr keptKeys = null;
		// the joins that follow references are LEFT joins: only the periods' join or a WHERE leaves rows out
		boolean everyRow = entities.joins().isEmpty() && timeAxis == null;
		if (keys != null && timeAxis != null && entities.joins().isEmpty()) {
			// The period as the row's key less the first one's: what the join with the periods relation gave.
			Expr key = periodKey(grain, relations.localDate(root, timeAxis));
			Expr index = new Binary("-", key, new Sql.Integer(keys.first()));
			Map<Expr, Expr> columns = keys.columns(period, key, index);
			items.replaceAll(item -> new Item(Sql.replace(item.expression(), columns), item.alias()));
			setsByMask.values().forEach(set -> set.replaceAll(expr -> Sql.replace(expr, columns)));
			// The rows of the run's keys: those whose local date lies from the first period's first day to the day
			// after the last period, the same rows, since the key grows with the date. Without a filter DuckDB ran
			// the split grouping sets of count(DISTINCT ...) and quantile_cont on one thread at 10 M rows (29 s
			// against 14): kept even where it leaves no row with a time out.
			keptKeys = relations.localDayWithin(root, timeAxis, keys.periods().get(0).startDay(),
					keys.periods().get(keys.periods().size() - 1).endDay());
		} else {
			joins.add(periodJoin(grain, periodRows, relations, timeAxis));
		}
		joins.addAll(entities.joins());
		List<String> comments = new ArrayList<>();
		comments.add(source.getName() + (timeAxis == null ? ": no time axis, every row in every period"
				: ": periods by " + source.getName() + "." + timeAxis.getName()));
		comments.add("serves " + String.join(", ", metrics));
		for (DimensionColumn column : dimensionColumns) {
			comments.add(column.column() + ": " + column.dimension());
		}
		comments.addAll(danglingComments);
		if (groupingId) {
			byMask.forEach((mask, served) -> {
				List<String> names = new ArrayList<>();
				served.keySet().forEach(g -> names.add(groupings.get(g).isEmpty() ? "total" : String.join("*", groupings.get(g))));
				comments.add("grouping_id " + mask + ": " + String.join(", ", names));
			});
		}
		Select select = Select.of(comments, items, entities.from(), root, joins)
				.groupBy(new ArrayList<>(setsByMask.values()));
		if (keptKeys != null) {
			select = select.where(keptKeys);
		}
		if (timeAxis == null) {
			String keyColumn = Sources.key(source).map(key -> relations.column(root, key).name()).orElse(null);
			select = WeightedRows.collapse(select, keyColumn).orElse(select);
		}
		select = SharedExpressions.hoist(select);
		return new ScanQuery(source.getName(), timeAxis == null ? null : timeAxis.getName(), select, groupingId,
				dimensionColumns, byMask, states, zeroDenominators, danglingReferences, everyRow, keptKeys);
	}

	/** The column of an aggregate: the one already selected for it, or a new one. */
	private static String column(List<Item> items, Map<Expr, String> computed, Expr aggregate, String name) {
		return computed.computeIfAbsent(aggregate, a -> {
			items.add(new Item(a, name));
			return name;
		});
	}

	/** The join that puts each row of a scan in its period by a time axis, or in every period without one. */
	private static Join periodJoin(Grain grain, Sql.Relation periodRows, ScanRelations relations, Field timeAxis) {
		if (timeAxis == null) {
			return new Join(JoinKind.CROSS, periodRows, PERIODS, null);
		}
		return new Join(JoinKind.INNER, periodRows, PERIODS, new Binary("=", new Column(PERIODS, "k"),
				periodKey(grain, relations.localDate(relations.rootAlias(), timeAxis))));
	}

	private record DimensionRead(Expr expression, LabelKind labels) {
	}

	/** The expression of a dimension on a source, following its path through references; empty if unmapped. */
	private Optional<DimensionRead> dimension(ScanRelations relations, Source source, String dimension) {
		DimensionSpec spec = this.spec.dimension(dimension)
				.orElseThrow(() -> new IllegalArgumentException("unknown breakdown \"" + dimension + "\""));
		List<String> path = spec.paths().get(source.getName());
		if (path == null) {
			return Optional.empty();
		}
		String alias = relations.rootAlias();
		Source at = source;
		for (int step = 0; step < path.size() - 1; step++) {
			Field reference = field(at, path.get(step));
			alias = relations.join(alias, reference);
			at = reference.getReference();
		}
		Field last = field(at, path.get(path.size() - 1));
		if (last.getReference() != null) {
			return Optional.of(new DimensionRead(relations.column(alias, last), LabelKind.TEXT));
		}
		Kind kind = Sources.typeOf(last.getKind()).kind();
		return Optional.of(switch (kind) {
			case TIMESTAMP, DATE -> new DimensionRead(relations.localDate(alias, last), LabelKind.DATE);
			case TEXT, ENUM -> new DimensionRead(relations.column(alias, last), LabelKind.TEXT);
			case BOOL -> new DimensionRead(relations.column(alias, last), LabelKind.BOOL);
			default -> new DimensionRead(relations.column(alias, last), LabelKind.NUMBER);
		});
	}

	private Field field(Source source, String name) {
		for (Field field : Sources.fields(source, model.template())) {
			if (field.getName().equals(name)) {
				return field;
			}
		}
		throw new GeneratorException(source, "source " + source.getName() + " has no field " + name);
	}

	// ------------------------------------------------------------------ aggregates

	/** The names of a kernel's state, as {@code Kernel.stateNames()} gives them. */
	static List<String> stateNames(String kernel) {
		return switch (kernel) {
			case "Count" -> List.of("rows");
			case "Distinct" -> List.of("distinct");
			case "Sum" -> List.of("sum");
			case "Mean" -> List.of("sum", "values");
			case "Extreme" -> List.of("extreme");
			case "Quantile" -> List.of("percentile");
			case "Deviation" -> List.of("values", "stddev");
			case "Ratio" -> List.of("numerator", "denominator");
			case "Share" -> List.of("hits", "base");
			default -> throw new IllegalArgumentException("unknown kernel " + kernel);
		};
	}

	/**
	 * The state of one aggregate, each part an SQL aggregate over the rows of a cell. Its filter is evaluated for
	 * every row, its values for the rows that pass it, as the calculator evaluates them.
	 */
	private List<Expr> states(AggregateModel aggregate, SqlExpressions expressions) {
		FunctionCall call = aggregate.call();
		Expr filter = call.getFilter() == null ? null : expressions.condition(call.getFilter());
		return expressions.guarded(filter, () -> states(call, filter, expressions));
	}

	private List<Expr> states(FunctionCall call, Expr filter, SqlExpressions expressions) {
		List<Expression> arguments = call.getArguments();
		switch (call.getFunction()) {
			case "count" -> {
				Expression argument = arguments.get(0);
				boolean wholeRows = argument instanceof SymbolReference reference && reference.getSymbol() instanceof Source;
				return List.of(wholeRows ? new Aggregate(AggregateFunction.COUNT_ROWS, null, filter, 0)
						: new Aggregate(AggregateFunction.COUNT_VALUES, expressions.value(argument).nullTest(), filter, 0));
			}
			case "countDistinct" -> {
				require(Capability.COUNT_DISTINCT, call);
				return List.of(new Aggregate(AggregateFunction.COUNT_DISTINCT, expressions.value(arguments.get(0)).sql(),
						filter, 0));
			}
			case "sum" -> {
				return List.of(new Aggregate(AggregateFunction.SUM, expressions.number(arguments.get(0)), filter, 0));
			}
			case "avg" -> {
				Expr value = expressions.number(arguments.get(0));
				return List.of(new Aggregate(AggregateFunction.SUM, value, filter, 0),
						new Aggregate(AggregateFunction.COUNT_VALUES, value, filter, 0));
			}
			case "min", "max" -> {
				return List.of(new Aggregate("min".equals(call.getFunction()) ? AggregateFunction.MIN : AggregateFunction.MAX,
						expressions.number(arguments.get(0)), filter, 0));
			}
			case "median", "percentile" -> {
				require(Capability.EXACT_PERCENTILE, call);
				double fraction = 0.5;
				Expression value = arguments.get(0);
				if ("percentile".equals(call.getFunction())) {
					BigDecimal level = Constants.evaluate(arguments.get(0)).orElseThrow(
							() -> new GeneratorException(call, "the percentile level must be a constant"));
					fraction = level.doubleValue();
					value = arguments.get(1);
				}
				return List.of(new Aggregate(AggregateFunction.PERCENTILE, expressions.number(value), filter, fraction));
			}
			case "stddev" -> {
				require(Capability.SAMPLE_STDDEV, call);
				Expr value = expressions.number(arguments.get(0));
				return List.of(new Aggregate(AggregateFunction.COUNT_VALUES, value, filter, 0),
						new Aggregate(AggregateFunction.STDDEV_SAMPLE, value, filter, 0));
			}
			case "ratio" -> {
				Expr numerator = expressions.number(arguments.get(0));
				Expr denominator = expressions.number(arguments.get(1));
				Expr both = and(filter, and(new IsNull(numerator, true), new IsNull(denominator, true)));
				return List.of(new Aggregate(AggregateFunction.SUM, numerator, both, 0),
						new Aggregate(AggregateFunction.SUM, denominator, both, 0));
			}
			case "share" -> {
				Expr condition = expressions.condition(arguments.get(0));
				return List.of(new Aggregate(AggregateFunction.COUNT_ROWS, null, and(filter, condition), 0),
						new Aggregate(AggregateFunction.COUNT_ROWS, null, filter, 0));
			}
			default -> throw new GeneratorException(call, "`" + call.getFunction() + "` is not an aggregate");
		}
	}

	private static Expr and(Expr left, Expr right) {
		return left == null ? right : new Binary("AND", left, right);
	}

	private void require(Capability capability, org.eclipse.emf.ecore.EObject where) {
		if (!dialect.can(capability)) {
			throw new GeneratorException(where, dialect.name() + " cannot compute this exactly: it lacks "
					+ capability.description() + (where instanceof FunctionCall call ? " (`" + ModelText.full(call) + "`)" : ""));
		}
	}

	// ------------------------------------------------------------------ checks before a run

	/**
	 * The query of a time axis's earliest and latest instant (columns {@code first}, {@code last}), and, where
	 * it reads them by the wall clock's arithmetic from the column's earliest and latest local times, the exact
	 * query to run instead when its column {@code steady} is false.
	 */
	public record TimeRange(Select select, Optional<Select> exact) {
	}

	/**
	 * The {@link TimeRange} of a time axis. A local time column's earliest and latest values are what an engine
	 * keeps in its statistics, and where the zone's offset holds for every value, their instants are the
	 * earliest and latest instants: DuckDB answers that in a millisecond, where converting every value took 13
	 * at a million rows.
	 */
	public TimeRange timeRange(String sourceName, String field) {
		Source source = source(sourceName);
		ScanRelations relations = new ScanRelations(source, tables, wallClock, steady);
		Field axis = field(source, field);
		Select exact = timeRange(sourceName, field, relations, relations.millis(relations.rootAlias(), axis));
		if (wallClock == null || !relations.readsThroughZone(relations.rootAlias(), axis)) {
			return new TimeRange(exact, Optional.empty());
		}
		Column column = relations.column(relations.rootAlias(), axis);
		Aggregate earliest = new Aggregate(AggregateFunction.MIN, column, null, 0);
		List<Item> items = new ArrayList<>(List.of(new Item(wallClock.arithmetic(earliest), "first"),
				new Item(wallClock.arithmetic(new Aggregate(AggregateFunction.MAX, column, null, 0)), "last")));
		if (wallClock.from() == null) {
			return new TimeRange(select(sourceName, field, relations, items), Optional.empty());
		}
		items.add(new Item(wallClock.holds(earliest), "steady"));
		return new TimeRange(select(sourceName, field, relations, items), Optional.of(exact));
	}

	private static Select timeRange(String sourceName, String field, ScanRelations relations, Expr millis) {
		return select(sourceName, field, relations, List.of(new Item(new Aggregate(AggregateFunction.MIN, millis, null, 0),
				"first"), new Item(new Aggregate(AggregateFunction.MAX, millis, null, 0), "last")));
	}

	private static Select select(String sourceName, String field, ScanRelations relations, List<Item> items) {
		return Select.of(List.of("the time range of " + sourceName + "." + field), items,
				new Sql.Table(relations.table(relations.root()).name()), relations.rootAlias(), List.of());
	}

	/**
	 * Which local time columns of a source lie wholly where the zone's offset no longer changes: one column
	 * per local timestamp or date field, true when its earliest value lies there (or it has none), or empty
	 * where the template's zone or the dialect has no such shortcut.
	 *
	 * @param columns per selected column, the column's key for {@link #withSteadyOffset}
	 */
	public record OffsetCheck(Select select, Map<String, String> columns) {
	}

	/** The {@link OffsetCheck} of a source, if any of its columns could be read by arithmetic alone. */
	public Optional<OffsetCheck> offsetHolds(String sourceName) {
		Source source = source(sourceName);
		if (wallClock == null || wallClock.from() == null) {
			return Optional.empty();
		}
		ScanRelations relations = new ScanRelations(source, tables, wallClock, steady);
		SourceTable table = relations.table(source);
		List<Item> items = new ArrayList<>();
		Map<String, String> columns = new LinkedHashMap<>();
		for (Field field : Sources.fields(source, model.template())) {
			if (relations.readsThroughZone(relations.rootAlias(), field)) {
				Column column = relations.column(relations.rootAlias(), field);
				String name = "c" + items.size();
				items.add(new Item(wallClock.holds(new Aggregate(AggregateFunction.MIN, column, null, 0)), name));
				columns.put(name, ScanRelations.steadyKey(table, column.name()));
			}
		}
		if (items.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new OffsetCheck(Select.of(List.of("where the offset of " + sourceName + "'s local times holds"),
				items, new Sql.Table(table.name()), relations.rootAlias(), List.of()), columns));
	}

	/** The distinct raw values of a dimension on one source (column {@code value}), and how to label them. */
	public Optional<Map.Entry<Select, LabelKind>> dimensionValues(String dimension, String sourceName) {
		return dimensionValues(dimension, sourceName, null);
	}

	/**
	 * The distinct raw values of a dimension on the rows of one source that a condition over its row ({@link
	 * ScanQuery#keptRows}) does not keep, null and false alike (all rows where it is null).
	 */
	public Optional<Map.Entry<Select, LabelKind>> dimensionValues(String dimension, String sourceName, Expr leftOutBy) {
		Source source = source(sourceName);
		ScanRelations relations = new ScanRelations(source, tables, wallClock, steady);
		return dimension(relations, source, dimension).map(read -> {
			Select values = Select.of(List.of("the values of " + dimension + " on " + sourceName
					+ (leftOutBy == null ? "" : ", in the rows outside the run's periods")),
					List.of(new Item(read.expression(), "value")), new Sql.Table(relations.table(source).name()),
					relations.rootAlias(), relations.joins()).selectDistinct();
			if (leftOutBy != null) {
				values = values.where(new Sql.Not(new Call(Function.COALESCE, leftOutBy, new Sql.Bool(false))));
			}
			return Map.entry(values, read.labels());
		});
	}

	/** Keys that occur more than once (columns {@code key}, {@code rows}), at most {@code limit}. */
	public Select duplicateKeys(String sourceName, long limit) {
		Source source = source(sourceName);
		ScanRelations relations = new ScanRelations(source, tables, wallClock, steady);
		Field key = Sources.key(source).orElseThrow(() -> new GeneratorException(source, "source has no key"));
		Column keyColumn = relations.column(relations.rootAlias(), key);
		Aggregate rows = new Aggregate(AggregateFunction.COUNT_ROWS, null, null, 0);
		return Select.of(List.of("keys of " + sourceName + " that are not unique"),
				List.of(new Item(keyColumn, "key"), new Item(rows, "rows")), new Sql.Table(relations.table(source).name()),
				relations.rootAlias(), List.of()).groupBy(List.of(List.of(keyColumn)))
				.having(new Binary(">", rows, new Sql.Integer(1))).limit(limit);
	}

	/** References that name no row of their source (column {@code reference}), at most {@code limit}. */
	public Select danglingReferences(String sourceName, String referenceField, long limit) {
		Source source = source(sourceName);
		ScanRelations relations = new ScanRelations(source, tables, wallClock, steady);
		Field reference = field(source, referenceField);
		String joined = relations.join(relations.rootAlias(), reference);
		Field targetKey = Sources.key(reference.getReference()).orElseThrow();
		Column value = relations.column(relations.rootAlias(), reference);
		return Select.of(List.of(sourceName + "." + referenceField + " values that name no " + reference.getReference().getName()),
				List.of(new Item(value, "reference")), new Sql.Table(relations.table(source).name()), relations.rootAlias(),
				relations.joins()).where(new Binary("AND", new IsNull(value, true),
						new IsNull(relations.column(joined, targetKey), false))).selectDistinct().limit(limit);
	}

	private Source source(String name) {
		for (Source source : model.sources()) {
			if (source.getName().equals(name)) {
				return source;
			}
		}
		throw new IllegalArgumentException("no source " + name);
	}
}
