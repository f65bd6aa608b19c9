package io.yardstick.runtime.results;

import static io.yardstick.runtime.spec.Condition.Operator.GE;
import static io.yardstick.runtime.spec.Condition.Operator.GT;
import static io.yardstick.runtime.spec.Condition.Operator.LE;
import static io.yardstick.runtime.spec.Condition.Operator.LT;

import io.yardstick.runtime.calc.Grouping;
import io.yardstick.runtime.calc.ResultsFixture;
import io.yardstick.runtime.load.LoadReport;
import io.yardstick.runtime.spec.Condition;
import io.yardstick.runtime.spec.DimensionSpec;
import io.yardstick.runtime.spec.Direction;
import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.LayerSpec;
import io.yardstick.runtime.spec.MetricSpec;
import io.yardstick.runtime.spec.Specs;
import io.yardstick.runtime.spec.TemplateSpec;
import io.yardstick.runtime.time.Grain;
import io.yardstick.runtime.time.Periods;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Templates and results built by hand, with known values, for the results writers' tests. */
final class Samples {
	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
	static final double NULL = Double.NaN;
	/** A segment value that needs escaping in JSON, CSV and HTML. */
	static final String AWKWARD = "Acme \"Best\", </script>";

	private Samples() {
	}

	static MetricSpec metric(String id, Map<String, String> labels, String layer, FieldType kind, String unit,
			Direction direction, Condition target, Condition warning, Condition critical, List<String> breakdowns,
			String formula, String description) {
		return new MetricSpec(id, labels, layer, kind, unit, null, null, direction, false, target, warning, critical,
				breakdowns, formula, description, null, null, List.of("Ticket"));
	}

	static double millis(LocalDateTime time) {
		return time.atZone(SHANGHAI).toInstant().toEpochMilli();
	}

	// ------------------------------------------------------------------ the full sample

	/**
	 * Ten metrics of every displayed kind and every status, over two months, the total, {@code region}
	 * (with a null region) and {@code region*segment} (with a segment that needs escaping).
	 */
	static Results client() {
		List<LayerSpec> layers = List.of(
				new LayerSpec("execution", Specs.labels("zh", "执行层", "en", "Execution"), 1),
				new LayerSpec("strategic", Specs.labels("zh", "战略层", "en", "Strategic"), 3),
				new LayerSpec("management", Specs.labels("zh", "管理层"), 2));
		List<String> regionSegment = List.of("region", "segment");
		List<MetricSpec> metrics = List.of(
				metric("churnRate", Specs.labels("zh", "客户流失率", "en", "Churn rate"), "strategic", FieldType.PERCENT,
						null, Direction.LOWER_IS_BETTER, Condition.bound(LE, 0.05), Condition.bound(GT, 0.06),
						Condition.bound(GT, 0.08), regionSegment, "share(Customer.churnedAt in period)",
						"期初在约客户中，本期流失的比例。"),
				metric("revenue", Specs.labels("zh", "收入", "en", "Revenue"), "strategic", FieldType.CURRENCY, "CNY",
						Direction.HIGHER_IS_BETTER, Condition.bound(GE, 1_000_000), null, null, List.of(),
						"sum(Sale.amount)", "Revenue booked in the period."),
				metric("firstResponse", Specs.labels("zh", "首次响应时长", "en", "First response"), "management",
						FieldType.DURATION, "h", Direction.LOWER_IS_BETTER, Condition.bound(LE, 7_200),
						Condition.bound(GT, 10_800), Condition.bound(GT, 14_400), List.of("region"),
						"avg(Ticket.firstResponseAt - Ticket.createdAt)", null),
				new MetricSpec("csat", Specs.labels("zh", "满意度"), "management", FieldType.SCORE, null, 1.0, 5.0,
						Direction.HIGHER_IS_BETTER, true, Condition.bound(GE, 4.2), Condition.bound(LT, 4.0),
						Condition.bound(LT, 3.6), List.of("region"), "avg(Ticket.csat)", null, "留住客户", "客服主管",
						List.of("Ticket")),
				metric("complaintShare", Specs.labels("zh", "投诉占比", "en", "Complaint share"), "execution",
						FieldType.PERCENT, null, Direction.TARGET_BAND, Condition.between(0.05, 0.15),
						Condition.outside(0.03, 0.20), Condition.outside(0.01, 0.30), List.of(),
						"share(Ticket.isComplaint)", null),
				metric("volume", Specs.labels("", "工单量"), "execution", FieldType.COUNT, null, Direction.NONE, null, null,
						null, regionSegment, "count(Ticket)", "Tickets opened in the period."),
				metric("lastTicketAt", Map.of(), "execution", FieldType.TIMESTAMP, null, Direction.NONE, null, null, null,
						List.of(), "max(Ticket.createdAt)", null),
				metric("firstSigned", Specs.labels("en", "First signed"), "execution", FieldType.DATE, null,
						Direction.NONE, null, null, null, List.of(), "min(Customer.signedAt)", null),
				metric("escaped", Specs.labels("", "Say \"hi\", </script> & bye", "zh", "转义"), "execution",
						FieldType.NUMBER, null, Direction.HIGHER_IS_BETTER, Condition.bound(GE, 30), null, null, List.of(),
						"count(Ticket where Ticket.title = \"a,b\")", "Quotes \" and \\ and </script>\non two lines"),
				metric("growth", Specs.labels("en", "Volume growth"), "execution", FieldType.RATIO, null,
						Direction.NONE, null, null, null, List.of(), "changeRate(volume)", null));
		TemplateSpec template = new TemplateSpec("demo.Client", Specs.labels("zh", "客户模板", "en", "Client template"),
				SHANGHAI, List.of(),
				List.of(new DimensionSpec("region", Specs.labels("zh", "区域"), Map.of()),
						new DimensionSpec("segment", Map.of(), Map.of())),
				layers, metrics, List.of(), List.of());
		Periods periods = Periods.between(Grain.MONTH, SHANGHAI, LocalDate.of(2025, 1, 15), LocalDate.of(2025, 2, 3));

		int m = metrics.size();
		// cells: period * groups + group
		double[][] total = new double[m][];
		total[0] = new double[] { 0.052, 0.046 }; // missed, met
		total[1] = new double[] { 1_250_000, 1234.5 }; // met, missed
		total[2] = new double[] { 5_400, 12_600 }; // 1.5 h met, 3.5 h warning
		total[3] = new double[] { 4.25, 3.5 }; // met, critical
		total[4] = new double[] { 0.1, NULL }; // met, no value
		total[5] = new double[] { 1234, 987 };
		total[6] = new double[] { millis(LocalDateTime.of(2025, 1, 31, 23, 59, 59, 500_000_000)),
				millis(LocalDateTime.of(2025, 2, 28, 13, 45, 10)) };
		total[7] = new double[] { millis(LocalDateTime.of(2025, 1, 3, 0, 0)), NULL };
		total[8] = new double[] { 31.25, 12.3456 }; // met, missed
		total[9] = new double[] { NULL, (987.0 - 1234.0) / 1234.0 };

		double[][] region = new double[m][]; // groups: 华东, null
		region[0] = new double[] { 0.05, 0.0625, 0.09, -0.0 };
		region[2] = new double[] { 8_280, NULL, 15_000, 45 };
		region[3] = new double[] { 4.0, 3.9, 3.6, 4.2 };
		region[5] = new double[] { 1000, 234, 900, 87 };

		double[][] crossed = new double[m][]; // groups: 华东×smb, 华东×AWKWARD, null×smb, null×AWKWARD
		crossed[0] = new double[] { 0.04, 0.07, NULL, 0.0625, 0.1, 0.08, 0.0, NULL };
		crossed[5] = new double[] { 600, 400, 200, 34, 500, 400, 0, 87 };

		List<GroupingResult> groupings = List.of(
				new GroupingResult(Grouping.TOTAL, List.of(List.of()), total),
				new GroupingResult(new Grouping(List.of("region")),
						List.of(List.of("华东"), Arrays.asList((String) null)), region),
				new GroupingResult(new Grouping(regionSegment),
						List.of(List.of("华东", "smb"), List.of("华东", AWKWARD), Arrays.asList(null, "smb"),
								Arrays.asList(null, AWKWARD)),
						crossed));
		long[] zeroDenominators = new long[m];
		zeroDenominators[0] = 3;
		zeroDenominators[9] = 1;
		return new Results(template, periods, groupings,
				ResultsFixture.diagnostics(zeroDenominators, notes(metrics, groupings)));
	}

	/** The notes a run writes for the metrics a grouping does not break down. */
	private static String[] notes(List<MetricSpec> metrics, List<GroupingResult> groupings) {
		List<String> notes = new ArrayList<>();
		for (MetricSpec metric : metrics) {
			for (GroupingResult grouping : groupings) {
				if (!metric.breakdowns().containsAll(grouping.grouping().dimensions())) {
					notes.add(metric.id() + " is not broken down by " + grouping.grouping().name()
							+ ": it is declared `by " + String.join(", ", metric.breakdowns()) + "`");
				}
			}
		}
		return notes.toArray(String[]::new);
	}

	// ------------------------------------------------------------------ the documentation's example

	/** Small enough to read in docs/results.md: two metrics, two months, the total and {@code region}. */
	static Results support() {
		List<MetricSpec> metrics = List.of(
				metric("firstResponse", Specs.labels("zh", "首次响应时长", "en", "First response"), "management",
						FieldType.DURATION, "h", Direction.LOWER_IS_BETTER, Condition.bound(LE, 7_200),
						Condition.bound(GT, 10_800), Condition.bound(GT, 14_400), List.of(),
						"avg(Ticket.firstResponseAt - Ticket.createdAt)", "Hours from a ticket's creation to the first reply."),
				metric("churnRate", Specs.labels("zh", "客户流失率", "en", "Churn rate"), "management", FieldType.PERCENT,
						null, Direction.LOWER_IS_BETTER, Condition.bound(LE, 0.05), Condition.bound(GT, 0.06),
						Condition.bound(GT, 0.08), List.of("region"), "share(Customer.churnedAt in period)", null));
		TemplateSpec template = new TemplateSpec("demo.Support", Specs.labels("zh", "售后模板", "en", "After-sales"),
				SHANGHAI, List.of(), List.of(new DimensionSpec("region", Map.of(), Map.of())),
				List.of(new LayerSpec("management", Specs.labels("zh", "管理层", "en", "Management"), 2)), metrics, List.of(), List.of());
		Periods periods = Periods.between(Grain.MONTH, SHANGHAI, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 3, 31));
		double[][] total = { { 8_280, 5_400 }, { 0.046, NULL } };
		double[][] region = { null, { 0.0625, NULL, NULL, NULL } };
		List<GroupingResult> groupings = List.of(new GroupingResult(Grouping.TOTAL, List.of(List.of()), total),
				new GroupingResult(new Grouping(List.of("region")),
						List.of(List.of("华东"), Arrays.asList((String) null)), region));
		// 1,204 lines: the header, a blank line, 1,200 records, and 2 lines that continue a quoted cell
		LoadReport.SourceReport tickets = new LoadReport.SourceReport("Ticket", Path.of("data/Ticket.csv"), 1200, 1199,
				1, Path.of("out/quarantine/Ticket.rejected.csv"), List.of(), List.of(), 850, 1204, 1, 2, 2,
				List.of(new LoadReport.MultiLineCell(57, 41, 58, "note", "note"),
						new LoadReport.MultiLineCell(300, 10, 301, "productLine", "productLine")));
		return new Results(template, periods, groupings, ResultsFixture.diagnostics(
				new LoadReport(List.of(tickets)), new long[] { 0, 2 }, notes(metrics, groupings)));
	}
}
