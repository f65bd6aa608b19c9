package io.yardstick.dsl.generator.sql;

import io.yardstick.dsl.generator.GeneratorException;
import io.yardstick.dsl.generator.sql.Sql.Call;
import io.yardstick.dsl.generator.sql.Sql.Column;
import io.yardstick.dsl.generator.sql.Sql.Expr;
import io.yardstick.dsl.generator.sql.Sql.Function;
import io.yardstick.dsl.generator.sql.Sql.Join;
import io.yardstick.dsl.generator.sql.Sql.JoinKind;
import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.model.Sources;
import io.yardstick.dsl.types.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The relations of one scan: the source under {@code t}, and one LEFT JOIN per reference path its
 * expressions and breakdowns follow ({@code j1}, {@code j2}, ...), each joined once however often it is
 * read. A reference is many-to-one (keys are checked unique before a run), so a join never multiplies rows.
 */
final class ScanRelations {
	private final Map<String, SourceTable> tables;
	private final Source root;
	private final Map<String, String> joinAliases = new LinkedHashMap<>();
	private final Map<String, Source> aliasSources = new LinkedHashMap<>();
	private final List<Join> joins = new ArrayList<>();
	private final List<Followed> followed = new ArrayList<>();
	private final WallClock wallClock;
	/** The local time columns ({@code table.column}) whose every value lies where the wall clock's offset holds. */
	private final java.util.Set<String> steady;

	/** A reference a join follows: the field of the row under {@code from}, and the alias of the row it names. */
	record Followed(String from, Field reference, String joined) {
	}

	/**
	 * @param wallClock how local times become instants without the zone's arithmetic, or null
	 * @param steady the local time columns ({@code table.column}) a run found to lie wholly where the wall
	 *     clock's offset holds: read by arithmetic alone, with no test per value
	 */
	ScanRelations(Source root, Map<String, SourceTable> tables, WallClock wallClock, java.util.Set<String> steady) {
		this.root = root;
		this.tables = tables;
		this.wallClock = wallClock;
		this.steady = steady;
		aliasSources.put(rootAlias(), root);
	}

	/** The key of a column in the set of steady columns. */
	static String steadyKey(SourceTable table, String column) {
		return String.join(".", table.name()) + "." + column;
	}

	/** The relations of another source read in the same run: the same wall clock and steady columns. */
	ScanRelations of(Source source) {
		return new ScanRelations(source, tables, wallClock, steady);
	}

	String rootAlias() {
		return "t";
	}

	SourceTable table(Source source) {
		SourceTable table = tables.get(source.getName());
		if (table == null) {
			throw new GeneratorException(source, "source " + source.getName() + " is not bound to a table");
		}
		return table;
	}

	Source root() {
		return root;
	}

	Map<String, SourceTable> tables() {
		return tables;
	}

	List<Join> joins() {
		return joins;
	}

	/** The alias of the row a reference field of the row under {@code alias} points at. */
	String join(String alias, Field reference) {
		return joinAliases.computeIfAbsent(alias + "." + reference.getName(), path -> {
			Source target = reference.getReference();
			Field key = Sources.key(target).orElseThrow(() -> new GeneratorException(reference,
					"source " + target.getName() + " has no key for the reference to follow"));
			String joined = "j" + (joins.size() + 1);
			aliasSources.put(joined, target);
			followed.add(new Followed(alias, reference, joined));
			joins.add(new Join(JoinKind.LEFT, new Sql.Table(table(target).name()), joined,
					new Sql.Binary("=", new Column(joined, table(target).column(key.getName())),
							column(alias, reference))));
			return joined;
		});
	}

	/** Every reference the joins follow, in join order. */
	List<Followed> followed() {
		return followed;
	}

	/** The source whose row an alias stands for. */
	Source sourceOf(String alias) {
		return aliasSources.get(alias);
	}

	/**
	 * The rows whose reference names no row of its source: a value that the LEFT JOIN did not match. The
	 * join matches on the key, so the key of the joined row is null exactly then.
	 */
	Expr danglingReference(Followed reference) {
		Field key = Sources.key(reference.reference().getReference()).orElseThrow();
		return new Sql.Binary("AND", new Sql.IsNull(column(reference.from(), reference.reference()), true),
				new Sql.IsNull(column(reference.joined(), key), false));
	}

	/** A field's column as stored: for a point in time held as milliseconds, those. */
	Column column(String alias, Field field) {
		return new Column(alias, table(aliasSources.get(alias)).column(field.getName()));
	}

	/**
	 * Whether a field's column holds local times, which become instants through the template's zone: a local
	 * timestamp or a date in a table of the engine's own (a timestamp with a time zone is an instant already;
	 * Yardstick's loader stores instants).
	 */
	boolean readsThroughZone(String alias, Field field) {
		SourceTable table = table(aliasSources.get(alias));
		return table.times() == SourceTable.TimeStorage.NATIVE
				&& (table.localTimestamps().contains(column(alias, field).name()) || isDate(field));
	}

	/** A timestamp or date as epoch milliseconds. */
	Expr millis(String alias, Field field) {
		SourceTable table = table(aliasSources.get(alias));
		Column column = column(alias, field);
		if (table.times() == SourceTable.TimeStorage.MILLIS) {
			return column;
		}
		boolean local = table.localTimestamps().contains(column.name());
		Expr exact = new Call(local ? Function.LOCAL_EPOCH_MILLIS : Function.EPOCH_MILLIS, column);
		if (wallClock == null || !readsThroughZone(alias, field)) {
			return exact;
		}
		return steady.contains(steadyKey(table, column.name())) ? wallClock.arithmetic(column)
				: wallClock.millis(column, exact);
	}

	/** A timestamp's or date's calendar date in the template's zone. */
	Expr localDate(String alias, Field field) {
		SourceTable table = table(aliasSources.get(alias));
		Column column = column(alias, field);
		if (table.times() == SourceTable.TimeStorage.MILLIS) {
			return new Column(alias, SourceTable.localDateColumn(column.name()));
		}
		return isDate(field) ? column : new Call(Function.LOCAL_DATE, column);
	}

	/**
	 * Whether a timestamp's or date's calendar date in the template's zone lies in {@code [from, until)}, asked of
	 * the column as stored where it can be: a local timestamp against the local midnights of both days, a date or
	 * a stored local date against the days. An engine then compares the column itself, and may skip what its
	 * statistics rule out, where computing each row's date cost DuckDB a scan that joins a reference half its
	 * time at 1 M rows.
	 */
	Expr localDayWithin(String alias, Field field, java.time.LocalDate from, java.time.LocalDate until) {
		SourceTable table = table(aliasSources.get(alias));
		Column column = column(alias, field);
		Expr low = new Sql.Date(from);
		Expr high = new Sql.Date(until);
		Expr compared = localDate(alias, field);
		if (table.times() == SourceTable.TimeStorage.NATIVE && table.localTimestamps().contains(column.name())) {
			compared = column;
			low = new Call(Function.LOCAL_MIDNIGHT, low);
			high = new Call(Function.LOCAL_MIDNIGHT, high);
		}
		return new Sql.Binary("AND", new Sql.Binary(">=", compared, low), new Sql.Binary("<", compared, high));
	}

	static boolean isDate(Field field) {
		return Sources.typeOf(field.getKind()).kind() == Kind.DATE;
	}
}
