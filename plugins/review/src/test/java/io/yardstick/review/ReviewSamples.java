package io.yardstick.review;

import io.yardstick.runtime.calc.Grouping;
import io.yardstick.runtime.results.GroupingResult;
import io.yardstick.runtime.results.Results;
import io.yardstick.runtime.spec.Direction;
import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.LayerSpec;
import io.yardstick.runtime.spec.LinkSpec;
import io.yardstick.runtime.spec.LoopSpec;
import io.yardstick.runtime.spec.MetricSpec;
import io.yardstick.runtime.spec.Specs;
import io.yardstick.runtime.spec.TemplateSpec;
import io.yardstick.runtime.time.Grain;
import io.yardstick.runtime.time.Periods;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Results with planted relations, built by hand: a cause {@code x} and effects that follow it positively,
 * negatively, not at all, or one period later; and a chain {@code x → up → down} for loops.
 */
public final class ReviewSamples {
	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private ReviewSamples() {
	}

	/** The metrics, in order, each a plain number. */
	static final List<String> METRICS = List.of("x", "up", "down", "none", "later");

	/**
	 * {@code periods} months, in {@code groups} regions (the total too), with the given links and one loop,
	 * {@code x → up → down}. Noise is drawn from {@code seed}; {@code strength} scales the planted effects.
	 */
	public static Results results(int periods, int groups, double strength, long seed, List<LinkSpec> links) {
		Random random = new Random(seed);
		int metrics = METRICS.size();
		double[][][] series = new double[metrics][groups + 1][periods];
		for (int g = 0; g <= groups; g++) {
			for (int p = 0; p < periods; p++) {
				double x = random.nextGaussian();
				series[0][g][p] = x;
				series[1][g][p] = strength * x + random.nextGaussian();
				series[2][g][p] = -strength * series[1][g][p] + random.nextGaussian();
				series[3][g][p] = random.nextGaussian();
			}
			for (int p = 0; p < periods; p++) {
				series[4][g][p] = (p == 0 ? 0 : strength * series[0][g][p - 1]) + random.nextGaussian();
			}
		}
		List<MetricSpec> specs = new ArrayList<>();
		for (String id : METRICS) {
			specs.add(new MetricSpec(id, Specs.labels("en", id), "execution", FieldType.NUMBER, null, null, null,
					Direction.NONE, false, null, null, null, groups > 0 ? List.of("region") : List.of(), "count(T)",
					null, null, null, List.of("T")));
		}
		TemplateSpec template = new TemplateSpec("planted.Template", Specs.labels("en", "Planted"), ZONE, List.of(),
				List.of(), List.of(new LayerSpec("execution", Map.of(), 1)), specs, links,
				List.of(new LoopSpec("chain", Specs.labels("en", "x, up, down"), List.of("x", "up", "down"))));
		Periods months = Periods.between(Grain.MONTH, ZONE, LocalDate.of(2024, 1, 1),
				LocalDate.of(2024, 1, 1).plusMonths(periods).minusDays(1));
		double[][] total = new double[metrics][];
		double[][] byRegion = new double[metrics][];
		List<List<String>> regions = new ArrayList<>();
		for (int g = 0; g < groups; g++) {
			regions.add(List.of("R" + (g + 1)));
		}
		for (int m = 0; m < metrics; m++) {
			total[m] = series[m][groups].clone();
			byRegion[m] = new double[periods * groups];
			for (int p = 0; p < periods; p++) {
				for (int g = 0; g < groups; g++) {
					byRegion[m][p * groups + g] = series[m][g][p];
				}
			}
		}
		List<GroupingResult> groupings = new ArrayList<>();
		groupings.add(new GroupingResult(Grouping.TOTAL, List.of(List.of()), total));
		if (groups > 0) {
			groupings.add(new GroupingResult(new Grouping(List.of("region")), regions, byRegion));
		}
		return new Results(template, months, groupings, null);
	}

	public static LinkSpec link(String from, String to, boolean positive, int lagMonths) {
		return new LinkSpec(from, to, positive, lagMonths, lagMonths == 0 ? null : "month", "hypothesized", false, null);
	}
}
