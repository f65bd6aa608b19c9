package io.yardstick.dsl.generator.sql;

import io.yardstick.dsl.generator.CalculatorModel;
import io.yardstick.dsl.generator.CalculatorModel.EntityAggregateModel;
import io.yardstick.dsl.generator.GeneratorException;
import io.yardstick.dsl.generator.sql.Sql.Aggregate;
import io.yardstick.dsl.generator.sql.Sql.AggregateFunction;
import io.yardstick.dsl.generator.sql.Sql.Binary;
import io.yardstick.dsl.generator.sql.Sql.Call;
import io.yardstick.dsl.generator.sql.Sql.Case;
import io.yardstick.dsl.generator.sql.Sql.Column;
import io.yardstick.dsl.generator.sql.Sql.Expr;
import io.yardstick.dsl.generator.sql.Sql.Function;
import io.yardstick.dsl.generator.sql.Sql.IsNull;
import io.yardstick.dsl.generator.sql.Sql.Item;
import io.yardstick.dsl.generator.sql.Sql.Join;
import io.yardstick.dsl.generator.sql.Sql.JoinKind;
import io.yardstick.dsl.generator.sql.Sql.Select;
import io.yardstick.dsl.generator.sql.SqlDialect.Capability;
import io.yardstick.dsl.generator.sql.SqlExpressions.Code;
import io.yardstick.dsl.generator.sql.SqlExpressions.Type;
import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.FunctionCall;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.model.ModelText;
import io.yardstick.dsl.model.Sources;
import io.yardstick.runtime.time.Grain;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The customer-lifecycle relations of one query: an aggregate per entity becomes a derived table grouped by
 * period and entity ({@code e1}, {@code e2}, ...), LEFT JOINed on the period and the outer row's key; the
 * previous row of an entity becomes a window column of the source ({@code previous1}, ...), which turns the
 * source into a subquery that selects its columns and those windows.
 */
final class EntityRelations {
	private final CalculatorModel model;
	private final SqlDialect dialect;
	private final ScanRelations relations;
	private final Grain grain;
	private final Sql.Relation periods;
	private final BiFunction<ScanRelations, Field, Join> periodJoin;
	private final Map<String, String> entityAliases = new LinkedHashMap<>();
	private final List<Join> joins = new ArrayList<>();
	private final Map<String, Code> previousColumns = new LinkedHashMap<>();
	private final List<Item> windowColumns = new ArrayList<>();
	/** Per derived table, its columns that count the rows whose division met a zero denominator. */
	private final Map<String, List<String>> zeroColumns = new LinkedHashMap<>();
	/** The zero-denominator columns of the aggregates per entity read since the last {@link #takeZeroDenominators}. */
	private final List<Column> zeroDenominators = new ArrayList<>();

	/**
	 * @param periodJoin the join that cuts a source's rows into the run's periods by a time axis (null: every
	 *     period)
	 */
	EntityRelations(CalculatorModel model, SqlDialect dialect, ScanRelations relations, Grain grain,
			Sql.Relation periods, BiFunction<ScanRelations, Field, Join> periodJoin) {
		this.model = model;
		this.dialect = dialect;
		this.relations = relations;
		this.grain = grain;
		this.periods = periods;
		this.periodJoin = periodJoin;
	}

	/** The joins of the derived tables of aggregates per entity; they follow the join of the periods. */
	List<Join> joins() {
		return joins;
	}

	/** The relation the query reads its source from: its table, or a subquery that adds the window columns. */
	Sql.Relation from() {
		Source source = relations.root();
		Sql.Table table = new Sql.Table(relations.table(source).name());
		if (windowColumns.isEmpty()) {
			return table;
		}
		List<Item> items = new ArrayList<>();
		items.add(new Item(new Sql.AllColumns(relations.rootAlias()), null));
		items.addAll(windowColumns);
		return new Sql.Subquery(Select.of(List.of(), items, table, relations.rootAlias(), List.of()));
	}

	/** An aggregate per entity, for the outer row: 0 for a count or sum over no rows, else null. */
	Code entityValue(FunctionCall call) {
		EntityAggregateModel inner = model.entityAggregates().stream().filter(e -> e.call() == call).findFirst()
				.orElseThrow(() -> new GeneratorException(call, "aggregates nest only per entity"));
		// The same aggregate per entity in several metrics is one derived table.
		String key = ModelText.full(call) + " per " + inner.reference().getName() + " by "
				+ (inner.timeAxis() == null ? "every period" : inner.timeAxis().getName());
		String alias = entityAliases.computeIfAbsent(key, k -> join(inner));
		// Each use counts, as the calculator computes the aggregate per entity for each metric that reads it.
		zeroColumns.get(alias).forEach(column -> zeroDenominators.add(new Column(alias, column)));
		Column value = new Column(alias, "value");
		boolean temporal = inner.metric().analysis().typeOf(call).kind().isTemporal();
		return switch (call.getFunction()) {
			case "count", "sum" -> Code.of(new Call(Function.COALESCE, value, new Sql.Number(BigDecimal.ZERO)), Type.NUMBER);
			default -> Code.of(value, temporal ? Type.TIME : Type.NUMBER);
		};
	}

	private String join(EntityAggregateModel inner) {
		String alias = "e" + (joins.size() + 1);
		ScanRelations innerRelations = relations.of(inner.source());
		EntityRelations innerEntities = new EntityRelations(model, dialect, innerRelations, grain, periods, periodJoin);
		SqlExpressions expressions = new SqlExpressions(innerRelations, ScanQueries.PERIODS, innerEntities, grain);
		FunctionCall call = inner.call();
		Expr filter = call.getFilter() == null ? null : expressions.condition(call.getFilter());
		// the value is evaluated on the rows the filter keeps: its divisions count there
		Expr value = expressions.guarded(filter, () -> value(call, filter, expressions));
		List<Item> items = new ArrayList<>();
		Column entity = innerRelations.column(innerRelations.rootAlias(), inner.reference());
		Column period = new Column(ScanQueries.PERIODS, "p");
		items.add(new Item(period, "p"));
		items.add(new Item(entity, "entity"));
		items.add(new Item(value, "value"));
		List<String> zeros = new ArrayList<>();
		for (SqlExpressions.Division division : expressions.takeDivisions()) {
			Expr zero = new Binary("=", division.denominator(), new Sql.Number(BigDecimal.ZERO));
			String name = "zero" + (zeros.size() + 1);
			items.add(new Item(new Aggregate(AggregateFunction.COUNT_ROWS, null,
					division.guard() == null ? zero : new Binary("AND", division.guard(), zero), 0), name));
			zeros.add(name);
		}
		zeroColumns.put(alias, zeros);
		List<Join> innerJoins = new ArrayList<>(innerRelations.joins());
		innerJoins.add(periodJoin.apply(innerRelations, inner.timeAxis()));
		Select select = Select.of(List.of(), items, innerEntities.from(), innerRelations.rootAlias(), innerJoins)
				.where(new IsNull(entity, true)).groupBy(List.of(List.of(period, entity)));
		Source outer = inner.reference().getReference();
		Field key = Sources.key(outer).orElseThrow(() -> new GeneratorException(inner.reference(),
				"source " + outer.getName() + " has no key for the reference to follow"));
		joins.add(new Join(JoinKind.LEFT, new Sql.Subquery(select), alias, new Binary("AND",
				new Binary("=", new Column(alias, "p"), period),
				new Binary("=", new Column(alias, "entity"), relations.column(relations.rootAlias(), key)))));
		return alias;
	}

	/**
	 * The zero-denominator columns of the aggregates per entity read since the last call, and forgets them: the
	 * rows of each entity and period whose division inside the aggregate met a zero denominator.
	 */
	List<Column> takeZeroDenominators() {
		List<Column> taken = List.copyOf(zeroDenominators);
		zeroDenominators.clear();
		return taken;
	}

	private Expr value(FunctionCall call, Expr filter, SqlExpressions expressions) {
		return switch (call.getFunction()) {
			case "count" -> {
				var argument = call.getArguments().get(0);
				boolean wholeRows = argument instanceof io.yardstick.dsl.kpi.SymbolReference reference
						&& reference.getSymbol() instanceof Source;
				yield wholeRows ? new Aggregate(AggregateFunction.COUNT_ROWS, null, filter, 0)
						: new Aggregate(AggregateFunction.COUNT_VALUES, expressions.value(argument).nullTest(), filter, 0);
			}
			case "sum" -> new Aggregate(AggregateFunction.SUM, expressions.number(call.getArguments().get(0)), filter, 0);
			case "avg" -> {
				Expr number = expressions.number(call.getArguments().get(0));
				yield new Binary("/", new Aggregate(AggregateFunction.SUM, number, filter, 0), new Call(Function.NULL_IF_ZERO,
						new Aggregate(AggregateFunction.COUNT_VALUES, number, filter, 0)));
			}
			case "min", "max" -> new Aggregate("min".equals(call.getFunction()) ? AggregateFunction.MIN : AggregateFunction.MAX,
					expressions.number(call.getArguments().get(0)), filter, 0);
			default -> throw new GeneratorException(call, "`" + call.getFunction() + "` is not computed per entity");
		};
	}

	/**
	 * {@code previous(x per Entity)}: the largest x among the same entity's rows with a strictly smaller x, over
	 * every row of the source; null where the row has no entity or no x.
	 */
	Code previousRow(FunctionCall call, Field time, Field reference) {
		if (!dialect.can(Capability.PREVIOUS_ROW)) {
			throw new GeneratorException(call, dialect.name() + " cannot compute this exactly: it lacks "
					+ Capability.PREVIOUS_ROW.description() + " (`" + ModelText.full(call) + "`)");
		}
		String key = time.getName() + " per " + reference.getName();
		return previousColumns.computeIfAbsent(key, k -> {
			String alias = relations.rootAlias();
			Expr millis = relations.millis(alias, time);
			Expr entity = relations.column(alias, reference);
			Expr missing = new Binary("OR", new IsNull(entity, false), new IsNull(millis, false));
			String name = "previous" + (previousColumns.size() + 1);
			windowColumns.add(new Item(new Case(missing, new Sql.Null(), new Sql.EarlierMax(millis, entity, millis)), name));
			Expr localDate = null;
			if (ScanRelations.isDate(time)) {
				windowColumns.add(new Item(new Case(missing, new Sql.Null(), new Sql.EarlierMax(
						relations.localDate(alias, time), entity, millis)), name + "_date"));
				localDate = new Column(alias, name + "_date");
			}
			return new Code(new Column(alias, name), Type.TIME, null, null, localDate, localDate, null);
		});
	}

	private static Expr and(Expr left, Expr right) {
		return left == null ? right : new Binary("AND", left, right);
	}

	private static Map<String, SourceTable> tablesOf(ScanRelations relations) {
		return relations.tables();
	}
}
