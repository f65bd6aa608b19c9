package io.yardstick.engines;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.generator.sql.DuckDbDialect;
import io.yardstick.dsl.generator.sql.PostgresDialect;
import io.yardstick.dsl.generator.sql.ScanQueries;
import io.yardstick.dsl.generator.sql.ScanQueries.PeriodRow;
import io.yardstick.dsl.generator.sql.ScanQueries.ScanQuery;
import io.yardstick.dsl.generator.sql.SourceTable;
import io.yardstick.dsl.generator.sql.SqlDialect;
import io.yardstick.dsl.generator.sql.SqlWriter;
import io.yardstick.runtime.time.Grain;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On DuckDB a run's scan groups by the row's period key, kept to the run's keys, instead of joining the inline
 * periods relation (performance.md, run 10 on a quiet machine): the same rows in the same periods, including
 * rows before and after the run's periods, which both forms must leave out. A scan that compares with a
 * period's bounds picks them from lists by the period's index (performance.md, run 11).
 */
class PeriodKeyScansTest {
	private static final List<List<String>> GROUPINGS = List.of(List.of(), List.of("region"));
	private static EngineCases engineCase;
	/** Tickets of February and March 2025, whose backlog rate compares with the end of the period. */
	private static EngineCases boundsCase;
	private static ZoneId zone;

	@BeforeAll
	static void loadTheCase() throws Exception {
		engineCase = EngineCases.load(EngineCases.CALCULATOR_CASES.resolve("breakdowns-and-references"));
		boundsCase = EngineCases.load(EngineCases.CALCULATOR_CASES.resolve("after-sales-small"));
		zone = engineCase.calculator().template().zone();
	}

	/**
	 * The rows kept are those of the run's periods to the second, however the time is stored: a ticket at the
	 * last second of January and one at midnight on 1 March lie outside February, the two at its edges inside.
	 */
	@Test
	void theRowsKeptAreThoseOfTheRunsPeriodsToTheSecond(@TempDir Path folder) throws Exception {
		EngineCases edges = EngineCases.write(folder, """
				package engines.edges

				template Edges "边界" {
					timezone "Asia/Shanghai"
					core-limit 30

					source Ticket "工单" {
						key id: text
						createdAt: timestamp time
						openedOn: date
						region: text? dimension
					}

					layer execution {
						metric tickets "工单量" : count {
							= count(Ticket)
							by region
						}
					}
				}
				""", Map.of("Ticket", """
				id,createdAt,openedOn,region
				A,2025-01-31T23:59:59,2025-01-31,east
				B,2025-02-01T00:00:00,2025-02-01,east
				C,2025-02-28T23:59:59,2025-02-28,west
				D,2025-03-01T00:00:00,2025-03-01,west
				"""), "grain=month\nby=region\n");
		ZoneId shanghai = edges.calculator().template().zone();
		List<PeriodRow> february = months(shanghai, 2025, 2, 1);
		try (Engine engine = DuckDbEngine.open(null)) {
			engine.prepare(shanghai);
			SqlWriter writer = new SqlWriter(DuckDbDialect.INSTANCE);
			// each push replaces the table the one before made: milliseconds, the engine's own types, local timestamps
			for (int storage = 0; storage < 3; storage++) {
				Map<String, SourceTable> tables = storage == 0 ? edges.push(engine)
						: storage == 1 ? edges.push(engine, SourceTable.TimeStorage.NATIVE) : edges.pushLocalTimestamps(engine);
				ScanQueries queries = new ScanQueries(edges.model(), edges.calculator().template(), DuckDbDialect.INSTANCE, tables);
				ScanQuery byKey = queries.scans(Grain.MONTH, february, GROUPINGS).get(0);
				ScanQuery joined = queries.scans(Grain.MONTH, ScanQueries.inlinePeriods(february), GROUPINGS).get(0);
				String keySql = writer.select(byKey.select());
				assertThat(keySql).doesNotContain("JOIN (VALUES");
				List<String> rows = rows(engine, keySql);
				assertThat(rows).as(keySql).isEqualTo(rows(engine, writer.select(joined.select())))
						.contains("grouping_id=1 period=0 d0=null ticketsCount1__rows=2 ");
			}
		}
	}

	@Test
	void aScanThatComparesWithThePeriodsBoundsPicksThemByThePeriodsIndex() throws Exception {
		ZoneId shanghai = boundsCase.calculator().template().zone();
		// March alone leaves February's rows before it; January to April holds two empty periods
		for (List<PeriodRow> periods : List.of(months(shanghai, 2025, 3, 1), months(shanghai, 2025, 1, 4),
				months(shanghai, 2025, 2, 2))) {
			int[] scans = compareBothForms(boundsCase, periods);
			assertThat(scans[1]).as("the Ticket scan reads period.end").isEqualTo(1);
		}
	}

	@Test
	void aScanGroupedByThePeriodKeyReturnsWhatTheJoinOfThePeriodsReturns() throws Exception {
		// the data has January and February 2025: February alone leaves January's rows out; four months
		// around them hold two empty periods
		for (List<PeriodRow> periods : List.of(months(zone, 2025, 2, 1), months(zone, 2024, 12, 4))) {
			assertThat(compareBothForms(engineCase, periods)[0]).isEqualTo(2);
		}
	}

	/**
	 * Both forms of every scan of a case over the given periods on DuckDB, every row compared; how many scans
	 * grouped by the key, and how many of those picked a period's bounds.
	 */
	private static int[] compareBothForms(EngineCases engineCase, List<PeriodRow> periods) throws Exception {
		try (Engine engine = DuckDbEngine.open(null)) {
			Map<String, SourceTable> tables = engineCase.push(engine);
			engine.prepare(engineCase.calculator().template().zone());
			ScanQueries queries = new ScanQueries(engineCase.model(), engineCase.calculator().template(),
					DuckDbDialect.INSTANCE, tables);
			SqlWriter writer = new SqlWriter(DuckDbDialect.INSTANCE);
			List<ScanQuery> byKey = queries.scans(Grain.MONTH, periods, GROUPINGS);
			List<ScanQuery> joined = queries.scans(Grain.MONTH, ScanQueries.inlinePeriods(periods), GROUPINGS);
			int[] counted = new int[2];
			for (int i = 0; i < joined.size(); i++) {
				String keySql = writer.select(byKey.get(i).select());
				String joinSql = writer.select(joined.get(i).select());
				List<String> rows = rows(engine, keySql);
				assertThat(rows).as(keySql).isEqualTo(rows(engine, joinSql)).isNotEmpty();
				if (joined.get(i).timeAxis() != null) {
					assertThat(keySql).doesNotContain("JOIN (VALUES").containsPattern("\\n *WHERE ");
					assertThat(joinSql).contains("JOIN (VALUES");
					counted[0]++;
					if (joinSql.contains("\"periods\".\"end_ms\"")) {
						assertThat(keySql).contains("][");
						counted[1]++;
					}
					if (periods.size() == 1) {
						// only the one period's rows: those before and after it are left out
						assertThat(rows).allMatch(row -> row.contains("period=0 "));
					}
				}
			}
			return counted;
		}
	}

	@Test
	void theJoinStaysWhereTheKeysAreNotConsecutiveOrTheDialectWasNotMeasured() throws Exception {
		try (Engine engine = DuckDbEngine.open(null)) {
			Map<String, SourceTable> tables = engineCase.push(engine);
			List<PeriodRow> gap = new ArrayList<>(months(zone, 2025, 1, 1));
			gap.addAll(months(zone, 2025, 3, 1));
			assertThat(sql(tables, DuckDbDialect.INSTANCE, gap)).allMatch(sql -> sql.contains("JOIN (VALUES"));
			assertThat(sql(tables, PostgresDialect.INSTANCE, months(zone, 2025, 1, 2)))
					.allMatch(sql -> sql.contains("JOIN (VALUES"));
		}
	}

	private static ScanQueries queries(Map<String, SourceTable> tables, SqlDialect dialect) {
		return new ScanQueries(engineCase.model(), engineCase.calculator().template(), dialect, tables);
	}

	private static List<String> sql(Map<String, SourceTable> tables, SqlDialect dialect, List<PeriodRow> periods) {
		SqlWriter writer = new SqlWriter(dialect);
		return queries(tables, dialect).scans(Grain.MONTH, periods, GROUPINGS).stream().map(scan -> writer.select(scan.select())).toList();
	}

	/** {@code count} months from the given one, as a run's periods, indexed from 0. */
	private static List<PeriodRow> months(ZoneId zone, int year, int month, int count) {
		List<PeriodRow> rows = new ArrayList<>();
		LocalDate first = LocalDate.of(year, month, 1);
		for (int p = 0; p < count; p++) {
			LocalDate day = first.plusMonths(p);
			rows.add(new PeriodRow(p, ScanQueries.periodKey(Grain.MONTH, day), millis(day, zone),
					millis(day.plusMonths(1), zone), day, day.plusMonths(1)));
		}
		return rows;
	}

	private static long millis(LocalDate day, ZoneId zone) {
		return day.atStartOfDay(zone).toInstant().toEpochMilli();
	}

	/** Every row of a query as text, sorted, so that two queries compare cell by cell whatever their order. */
	private static List<String> rows(Engine engine, String sql) throws Exception {
		List<String> rows = new ArrayList<>();
		try (Statement statement = ((JdbcEngine) engine).connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				StringBuilder row = new StringBuilder();
				for (int c = 1; c <= columns; c++) {
					row.append(result.getMetaData().getColumnLabel(c)).append('=').append(result.getObject(c)).append(' ');
				}
				rows.add(row.toString());
			}
		}
		rows.sort(null);
		return rows;
	}
}
