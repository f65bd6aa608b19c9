package io.yardstick.engines;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.runtime.results.Results;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run reads local times by the wall clock's arithmetic only where it found the zone's offset to hold for
 * every value of the column (Asia/Shanghai from 1991-09-17 on), and finds a time axis's range from its
 * earliest and latest local times only then. Here the earliest ticket was created at 23:30 on the last day of
 * a month of daylight saving (1988-06-30, UTC+9): read with the later offset it would fall into July, and
 * June, the first period, would be missing, and its handling time would be an hour longer.
 */
class OffsetHoldsTest {
	private static final Path MODEL = EngineCases.ENGINE_CASES.resolve("zone-without-switches/model/shanghai.kpi");

	@Test
	void aTimeBeforeTheLastSwitchIsReadThroughTheZone(@TempDir Path folder) throws Exception {
		Results[] runs = run(folder, """
				id,createdAt,resolvedAt,dueOn,region
				A1,1988-06-30T23:30:00,1988-07-01T01:30:00,1988-07-01,east
				A2,2025-03-01T12:00:00,2025-03-02T12:00:00,2025-03-03,west
				""");
		assertThat(runs[0].periods().firstDay(0)).isEqualTo(LocalDate.of(1988, 6, 1));
		assertThat(ResultsComparison.differences(runs[0], runs[1], 20)).isEmpty();
	}

	@Test
	void timesAfterTheLastSwitchAreReadByArithmetic(@TempDir Path folder) throws Exception {
		Results[] runs = run(folder, """
				id,createdAt,resolvedAt,dueOn,region
				A1,2024-12-31T23:30:00,2025-01-01T01:30:00,2025-01-01,east
				A2,2025-03-01T12:00:00,,2025-03-03,west
				A3,2025-03-31T23:59:59,2025-04-01T00:00:01,,
				""");
		assertThat(runs[0].periods().firstDay(0)).isEqualTo(LocalDate.of(2024, 12, 1));
		assertThat(runs[0].periods().count()).isEqualTo(4);
		assertThat(ResultsComparison.differences(runs[0], runs[1], 20)).isEmpty();
	}

	/** The Java calculator's results and DuckDB's on a view with local timestamps, by month. */
	private static Results[] run(Path folder, String tickets) throws Exception {
		EngineCases engineCase = EngineCases.write(folder, Files.readString(MODEL), Map.of("Ticket", tickets),
				"grain=month\nby=region\n");
		Results oracle = engineCase.calculator().run(engineCase.data(), engineCase.options());
		try (Engine engine = DuckDbEngine.open(null)) {
			Results other = new EngineRun(engine, engineCase.model(), engineCase.calculator(),
					engineCase.pushLocalTimestamps(engine)).run(engineCase.options());
			return new Results[] { oracle, other };
		}
	}
}
