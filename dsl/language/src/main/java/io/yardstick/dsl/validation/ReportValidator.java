package io.yardstick.dsl.validation;

import io.yardstick.dsl.model.Overrides;
import static io.yardstick.dsl.validation.IssueCodes.REPORT_BREAKDOWN_UNAVAILABLE;
import static io.yardstick.dsl.validation.IssueCodes.REPORT_CHART_UNFIT;
import static io.yardstick.dsl.validation.IssueCodes.REPORT_EMPTY;

import io.yardstick.dsl.kpi.KpiPackage;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Page;
import io.yardstick.dsl.kpi.PercentKind;
import io.yardstick.dsl.kpi.Report;
import io.yardstick.dsl.kpi.ScoreKind;
import io.yardstick.dsl.kpi.Symbol;
import io.yardstick.dsl.kpi.Tile;
import io.yardstick.dsl.model.ModelText;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.xtext.validation.Check;

/**
 * Rule 12: a report asks only for what its metrics can show. A tile's breakdowns are among its metric's
 * {@code by}; a gauge needs a bounded scale, a trend needs periods, bars need a breakdown.
 */
public class ReportValidator extends AbstractKpiCheck {
	private static final KpiPackage KPI = KpiPackage.eINSTANCE;

	@Check
	public void checkBreakdowns(Tile tile) {
		Metric metric = tile.getMetric();
		if (metric == null || metric.eIsProxy()) {
			return;
		}
		List<String> offered = breakdownNames(metric);
		List<Symbol> asked = tile.getBreakdowns();
		for (int i = 0; i < asked.size(); i++) {
			Symbol breakdown = asked.get(i);
			if (breakdown == null || breakdown.eIsProxy() || offered.contains(breakdown.getName())) {
				continue;
			}
			String variant = offered.isEmpty() ? ".none" : ".other";
			error(message(tile, REPORT_BREAKDOWN_UNAVAILABLE + variant, metric.getName(), breakdown.getName(),
					String.join(", ", offered)), tile, KPI.getTile_Breakdowns(), i, REPORT_BREAKDOWN_UNAVAILABLE);
		}
	}

	@Check
	public void checkChart(Tile tile) {
		Metric metric = tile.getMetric();
		if (tile.getChart() == null || metric == null || metric.eIsProxy()) {
			return;
		}
		String name = metric.getName();
		switch (tile.getChart()) {
			case "gauge" -> {
				if (!bounded(metric)) {
					error(message(tile, REPORT_CHART_UNFIT + ".gauge", name, ModelText.quoted(metric.getKind())), tile,
							KPI.getTile_Chart(), REPORT_CHART_UNFIT);
				}
			}
			case "trend" -> {
				if (Overrides.formula(metric) != null && !analyses().variesByPeriod(metric)) {
					error(message(tile, REPORT_CHART_UNFIT + ".trend", name), tile, KPI.getTile_Chart(), REPORT_CHART_UNFIT);
				}
			}
			case "bar" -> {
				if (tile.getBreakdowns().isEmpty()) {
					List<String> offered = breakdownNames(metric);
					String text = offered.isEmpty() ? message(tile, REPORT_CHART_UNFIT + ".bar.none", name)
							: message(tile, REPORT_CHART_UNFIT + ".bar", name, offered.get(0), String.join(", ", offered));
					error(text, tile, KPI.getTile_Chart(), REPORT_CHART_UNFIT);
				}
			}
			default -> {
				// value and table fit every metric: a table without a breakdown lists the periods of the total
			}
		}
	}

	@Check
	public void checkNotEmpty(Report report) {
		if (report.getPages().isEmpty()) {
			warning(message(report, REPORT_EMPTY + ".report", report.getName()), report, KPI.getReport_Name(),
					REPORT_EMPTY);
		}
	}

	@Check
	public void checkNotEmpty(Page page) {
		if (page.getView() == null && page.getTiles().isEmpty()) {
			warning(message(page, REPORT_EMPTY + ".page", page.getName()), page, KPI.getPage_Name(), REPORT_EMPTY);
		}
	}

	/** Percents run from 0 to 100%; scores only when declared with a range. */
	private static boolean bounded(Metric metric) {
		return metric.getKind() instanceof PercentKind
				|| metric.getKind() instanceof ScoreKind score && score.getMin() != null && score.getMax() != null;
	}

	private static List<String> breakdownNames(Metric metric) {
		return Overrides.breakdowns(metric).stream().filter(symbol -> symbol != null && !symbol.eIsProxy())
				.map(Symbol::getName).collect(Collectors.toList());
	}
}
