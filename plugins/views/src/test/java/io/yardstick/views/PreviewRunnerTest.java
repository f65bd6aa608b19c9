package io.yardstick.views;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.runtime.results.Results;
import io.yardstick.runtime.results.ResultsCsv;
import io.yardstick.runtime.results.Values;
import io.yardstick.views.PreviewContentProvider.Row;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewRunnerTest {
	@TempDir
	Path temp;

	/**
	 * The preview's rows, as the table shows them (value column included), are exactly the golden
	 * results.csv that {@code yardstick run} gives on the same data: same breakdowns, values and statuses.
	 */
	@Test
	void thePreviewComputesTheGoldenResults() {
		PreviewRunner.Outcome outcome = Fixtures.afterSalesPreview();
		assertThat(outcome.message()).isNull();
		Results results = outcome.results();
		assertThat(PreviewContentProvider.groupings(results)).containsExactly("total", "region", "segment", "productLine");
		PreviewLabelProvider labels = new PreviewLabelProvider("en");
		labels.setZone(results.template().zone());
		List<String> lines = new ArrayList<>(List.of(String.join(",",
				ResultsCsv.HEADER.subList(0, ResultsCsv.HEADER.indexOf("partial")))));
		for (int m = 0; m < results.template().metrics().size(); m++) {
			String metric = results.metric(m).id();
			for (String grouping : PreviewContentProvider.groupings(results)) {
				List<String> dimensions = results.grouping(grouping).grouping().dimensions();
				for (Row row : PreviewContentProvider.rows(new PreviewContentProvider.Input(results, grouping))) {
					if (!row.metric().id().equals(metric)) {
						continue;
					}
					String stored = Values.stored(row.value());
					lines.add(String.join(",", metric, row.metric().layer(), grouping,
							ResultsCsv.group(dimensions, row.groupValues()), row.period(), stored == null ? "" : stored,
							labels.getColumnText(row, PreviewLabelProvider.VALUE), row.status().keyword()));
				}
			}
		}
		// the table has no column for results.csv's last one, partial
		List<String> golden = Fixtures.lines(Fixtures.AFTER_SALES.resolve("expected/results.csv")).stream()
				.map(line -> line.substring(0, line.lastIndexOf(','))).toList();
		assertThat(lines).hasSize(golden.size());
		assertThat(lines).containsExactlyElementsOf(golden);
	}

	@Test
	void theTableWritesValuesTargetsAndStatusesAsTheReportDoes() {
		Results results = Fixtures.afterSalesPreview().results();
		List<Row> total = PreviewContentProvider.rows(new PreviewContentProvider.Input(results, "total"));
		assertThat(total).hasSize(10 * 18);
		PreviewLabelProvider labels = new PreviewLabelProvider("en");
		labels.setZone(results.template().zone());
		assertThat(cells(labels, total.get(0))).containsExactly("Churn rate", "2025-01", "total", "2.0%", "<= 5%",
				"on target");
		Row ticketCloseLatest = total.stream()
				.filter(row -> row.metric().id().equals("ticketCloseRate") && row.period().equals("2026-06")).findFirst()
				.orElseThrow();
		assertThat(cells(labels, ticketCloseLatest)).containsExactly("Ticket close rate", "2026-06", "total", "81.5%",
				">= 90%", "warning");
		List<Row> region = PreviewContentProvider.rows(new PreviewContentProvider.Input(results, "region"));
		assertThat(cells(labels, region.get(0))).containsExactly("Churn rate", "2025-01", "华东", "2.0%", "<= 5%",
				"on target");
		labels.setLanguage("zh");
		assertThat(labels.getColumnText(region.get(0), PreviewLabelProvider.METRIC)).isEqualTo("客户流失率");
	}

	/** A cancel while the data loads stops the run there: no results, and loading never reaches its end. */
	@Test
	void cancellingWhileLoadingStopsTheRun() {
		List<String> phases = new ArrayList<>();
		NullProgressMonitor monitor = new NullProgressMonitor() {
			@Override
			public void subTask(String name) {
				phases.add(name);
				if (name.startsWith("loading ") && name.endsWith(".csv")) {
					setCanceled(true);
				}
			}
		};
		PreviewRunner.Outcome outcome = PreviewRunner.run(Fixtures.afterSales(), Fixtures.AFTER_SALES.resolve("data"),
				monitor);
		assertThat(outcome.cancelled()).isTrue();
		assertThat(outcome.results()).isNull();
		assertThat(outcome.message()).isEqualTo("Preview cancelled.");
		assertThat(phases).containsExactly("generating the calculator", "compiling the calculator",
				"loading the sample data", "loading Customer.csv");
	}

	@Test
	void aCancelBeforeTheStartRunsNothing() {
		NullProgressMonitor monitor = new NullProgressMonitor();
		monitor.setCanceled(true);
		PreviewRunner.Outcome outcome = PreviewRunner.run(Fixtures.afterSales(), Fixtures.AFTER_SALES.resolve("data"),
				monitor);
		assertThat(outcome.cancelled()).isTrue();
	}

	@Test
	void aTemplateWithErrorsIsNotRun() {
		PreviewRunner.Outcome outcome = PreviewRunner.run(Fixtures.wrong("unresolved-reference"), temp,
				new NullProgressMonitor());
		assertThat(outcome.succeeded()).isFalse();
		assertThat(outcome.message()).isEqualTo(
				"Not run: the template has 10 errors; fix them (see Review) and run the preview again.");
	}

	@Test
	void noDataFolderSaysWhereItLooked() {
		Path missing = temp.resolve("data");
		PreviewRunner.Outcome outcome = PreviewRunner.run(Fixtures.afterSales(), missing, new NullProgressMonitor());
		assertThat(outcome.message()).isEqualTo("No sample data: the preview reads one <Source>.csv per source from the folder "
				+ missing + ", which does not exist.");
	}

	@Test
	void aMissingFileIsNamed() throws IOException {
		Path data = copyData();
		Files.delete(data.resolve("Sale.csv"));
		PreviewRunner.Outcome outcome = PreviewRunner.run(Fixtures.afterSales(), data, new NullProgressMonitor());
		assertThat(outcome.message()).isEqualTo("No sample data for 1 source: Sale.csv missing in " + data + ".");
	}

	/** A malformed row fails the preview with the file, line and what is wrong, as {@code yardstick run} prints it. */
	@Test
	void aMalformedRowIsShownWithItsPlace() throws IOException {
		Path data = copyData();
		Path tickets = data.resolve("Ticket.csv");
		List<String> lines = new ArrayList<>(Files.readAllLines(tickets, StandardCharsets.UTF_8));
		String header = lines.get(0);
		assertThat(header).contains("contacts");
		List<String> columns = List.of(header.split(","));
		String[] cells = lines.get(3).split(",", -1);
		cells[columns.indexOf("contacts")] = "many";
		lines.set(3, String.join(",", cells));
		Files.write(tickets, lines, StandardCharsets.UTF_8);
		PreviewRunner.Outcome outcome = PreviewRunner.run(Fixtures.afterSales(), data, new NullProgressMonitor());
		assertThat(outcome.succeeded()).isFalse();
		assertThat(outcome.message()).startsWith("Not run: the sample data has errors (fix the rows and run again):\n"
				+ tickets + ":4:").contains("Ticket.contacts").contains("\"many\"");
	}

	private Path copyData() throws IOException {
		Path data = Files.createDirectories(temp.resolve("data"));
		try (var files = Files.list(Fixtures.AFTER_SALES.resolve("data"))) {
			for (Path file : files.toList()) {
				Files.copy(file, data.resolve(file.getFileName()));
			}
		}
		return data;
	}

	private static List<String> cells(PreviewLabelProvider labels, Row row) {
		List<String> cells = new ArrayList<>();
		for (int column = 0; column < PreviewLabelProvider.HEADERS.length; column++) {
			cells.add(labels.getColumnText(row, column));
		}
		return cells;
	}
}
