package io.yardstick.report;

import static io.yardstick.runtime.spec.Condition.Operator.GT;
import static io.yardstick.runtime.spec.Condition.Operator.LE;

import io.yardstick.report.ReportDefinition.AlertRules;
import io.yardstick.report.ReportDefinition.Chart;
import io.yardstick.report.ReportDefinition.PageKind;
import io.yardstick.runtime.calc.Grouping;
import io.yardstick.runtime.results.GroupingResult;
import io.yardstick.runtime.results.Results;
import io.yardstick.runtime.spec.Condition;
import io.yardstick.runtime.spec.DimensionSpec;
import io.yardstick.runtime.spec.Direction;
import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.LayerSpec;
import io.yardstick.runtime.spec.LinkSpec;
import io.yardstick.runtime.spec.MetricSpec;
import io.yardstick.runtime.spec.Specs;
import io.yardstick.runtime.spec.TemplateSpec;
import io.yardstick.runtime.time.Grain;
import io.yardstick.runtime.time.Periods;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Results and report definitions built by hand, with known values; the CLI's browser test uses them too. */
public final class ReportSamples {
	public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
	public static final double NULL = Double.NaN;
	/** Text that must reach a page as text, never as markup. */
	public static final String HOSTILE = "</script><img src=x onerror=alert(1)>\"'&<!--";

	private ReportSamples() {
	}

	/**
	 * Two metrics over twelve months: churn (percent, lower is better, by region) and first response (duration in
	 * hours, lower is better, total only). The series are given per grouping as one array per metric and group.
	 */
	public static Results results(double[] churnTotal, double[] churnEast, double[] churnWest, double[] firstResponse,
			String churnLabel) {
		List<MetricSpec> metrics = List.of(
				new MetricSpec("churnRate", Specs.labels("zh", "客户流失率", "en", churnLabel), "strategic",
						FieldType.PERCENT, null, null, null, Direction.LOWER_IS_BETTER, false, Condition.bound(LE, 0.05),
						Condition.bound(GT, 0.06), Condition.bound(GT, 0.08), List.of("region"),
						"share(Customer.churnedAt in period)", churnLabel, null, null, List.of("Customer")),
				new MetricSpec("firstResponseTime", Specs.labels("en", "First response time"), "management",
						FieldType.DURATION, "h", null, null, Direction.LOWER_IS_BETTER, false, Condition.bound(LE, 7_200),
						Condition.bound(GT, 10_800), Condition.bound(GT, 14_400), List.of(),
						"avg(Ticket.firstResponseAt - Ticket.createdAt)", null, null, null, List.of("Ticket")));
		TemplateSpec template = new TemplateSpec("demo.Sample", Specs.labels("en", "Sample template"), SHANGHAI,
				List.of(), List.of(new DimensionSpec("region", Specs.labels("en", "Region"), Map.of())),
				List.of(new LayerSpec("strategic", Specs.labels("en", "Strategic"), 3),
						new LayerSpec("management", Specs.labels("en", "Management"), 2)),
				metrics, List.of(new LinkSpec("firstResponseTime", "churnRate", true, 1, "month", "hypothesized", false,
						"slow answers, lost customers")),
				List.of());
		int periods = churnTotal.length;
		Periods months = Periods.between(Grain.MONTH, SHANGHAI, LocalDate.of(2025, 1, 1),
				LocalDate.of(2025, 1, 1).plusMonths(periods).minusDays(1));
		double[][] total = { churnTotal, firstResponse };
		double[] byRegion = new double[periods * 2];
		for (int p = 0; p < periods; p++) {
			byRegion[p * 2] = churnEast[p];
			byRegion[p * 2 + 1] = churnWest[p];
		}
		double[][] regions = { byRegion, null };
		return new Results(template, months, List.of(
				new GroupingResult(Grouping.TOTAL, List.of(List.of()), total),
				new GroupingResult(new Grouping(List.of("region")), List.of(List.of("East"), List.of("West")), regions)),
				null);
	}

	public static double[] constant(int length, double value) {
		double[] series = new double[length];
		Arrays.fill(series, value);
		return series;
	}

	public static double[] with(double[] series, int index, double value) {
		double[] copy = series.clone();
		copy[index] = value;
		return copy;
	}

	/** A report over {@link #results}: a page of two tiles, the graph, the alerts. */
	public static ReportDefinition definition(String label) {
		List<ReportDefinition.Page> pages = new ArrayList<>();
		pages.add(new ReportDefinition.Page("main", Specs.labels("en", label), PageKind.METRICS, null,
				List.of(new ReportDefinition.Tile("churnRate", Chart.TREND, List.of("region")),
						new ReportDefinition.Tile("firstResponseTime", Chart.VALUE, List.of()))));
		pages.add(new ReportDefinition.Page("links", Specs.labels("en", "Causal links"), PageKind.GRAPH, null, List.of()));
		pages.add(new ReportDefinition.Page("alerts", Specs.labels("en", "Alerts"), PageKind.ALERTS, null, List.of()));
		return new ReportDefinition(ReportDefinition.SCHEMA, "demo.Sample", "main", Specs.labels("en", label), false,
				List.of(new ReportDefinition.Dimension("region", Specs.labels("en", label))),
				List.of(new ReportDefinition.Metric("churnRate", "strategic",
						new ReportDefinition.Threshold("<=", 0.05, null), new ReportDefinition.Threshold(">", 0.06, null),
						new ReportDefinition.Threshold(">", 0.08, null)),
						new ReportDefinition.Metric("firstResponseTime", "management",
								new ReportDefinition.Threshold("between", 0.0, 7200.0), null, null)),
				pages,
				List.of(new ReportDefinition.Link("firstResponseTime", "churnRate", "positive",
						new ReportDefinition.Lag(1, "month"), "hypothesized", false, label)),
				List.of(new ReportDefinition.Loop("responseToChurn", Specs.labels("en", label),
						List.of("firstResponseTime", "churnRate"))),
				AlertRules.DEFAULT);
	}
}
