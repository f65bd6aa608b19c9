package io.yardstick.runtime.calc;

import io.yardstick.runtime.data.Dataset;
import io.yardstick.runtime.data.Table;
import io.yardstick.runtime.results.GroupingResult;
import io.yardstick.runtime.results.Results;
import io.yardstick.runtime.spec.DimensionSpec;
import io.yardstick.runtime.spec.MetricSpec;
import io.yardstick.runtime.spec.SourceSpec;
import io.yardstick.runtime.time.Periods;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a calculator: the data, the periods and groupings it reports, and the metric values as they
 * are computed. A cell is one period of one group of one grouping: {@code cell = period * groups + group}.
 */
public final class Run {
	private final io.yardstick.runtime.spec.TemplateSpec template;
	private final Dataset data;
	private final Periods periods;
	private final List<Grouping> groupings;
	private final List<List<List<String>>> groupLabels = new ArrayList<>();
	private final int[] groupCounts;
	/** How many values each dimension of a grouping has, by name. */
	private final Map<String, Integer> dimensionSizes = new HashMap<>();
	private final Map<String, int[][]> groupCodesBySource = new HashMap<>();
	private final boolean[][] enabled;
	private final double[][][] values;
	private final RunDiagnostics diagnostics;
	private final TimeParts timeParts;
	private final int threads;

	private Run(io.yardstick.runtime.spec.TemplateSpec template, Dataset data, Periods periods, RunOptions options,
			java.util.function.Function<String, DimensionValues> valuesOf) {
		this.template = template;
		this.data = data;
		this.periods = periods;
		this.timeParts = new TimeParts(template.zone());
		this.threads = options.scanThreads();
		this.diagnostics = new RunDiagnostics(template.metrics().size());
		diagnostics.loadReport(data == null ? null : data.loadReport());
		this.groupings = new ArrayList<>();
		Map<String, DimensionValues> dimensionValues = new HashMap<>();
		for (Grouping grouping : options.groupings()) {
			for (String dimension : grouping.dimensions()) {
				if (template.dimension(dimension).isEmpty()) {
					throw new IllegalArgumentException("unknown breakdown \"" + dimension + "\": the template has "
							+ String.join(", ", template.dimensions().stream().map(DimensionSpec::name).toList()));
				}
			}
			groupings.add(grouping);
		}
		this.groupCounts = new int[groupings.size()];
		for (int g = 0; g < groupings.size(); g++) {
			List<DimensionValues> crossed = new ArrayList<>();
			for (String dimension : groupings.get(g).dimensions()) {
				DimensionValues values = dimensionValues.computeIfAbsent(dimension, valuesOf);
				crossed.add(values);
				dimensionSizes.put(dimension, values.size());
			}
			groupCounts[g] = 1;
			for (DimensionValues values : crossed) {
				groupCounts[g] *= values.size();
			}
			groupLabels.add(labelsOf(crossed, groupCounts[g]));
			for (SourceSpec source : template.sources()) {
				int[][] codes = groupCodesBySource.computeIfAbsent(source.name(), name -> new int[groupings.size()][]);
				codes[g] = data != null && data.has(source.name())
						? rowCodes(crossed, source.name(), data.table(source.name()).rows())
						: null;
			}
		}
		int metrics = template.metrics().size();
		this.enabled = new boolean[metrics][groupings.size()];
		this.values = new double[metrics][groupings.size()][];
		for (int m = 0; m < metrics; m++) {
			MetricSpec metric = template.metrics().get(m);
			for (int g = 0; g < groupings.size(); g++) {
				enabled[m][g] = metric.breakdowns().containsAll(groupings.get(g).dimensions());
				if (enabled[m][g]) {
					values[m][g] = new double[cells(g)];
					Arrays.fill(values[m][g], Double.NaN);
				} else {
					diagnostics.note(metric.id() + " is not broken down by " + groupings.get(g).name()
							+ ": it is declared `by " + String.join(", ", metric.breakdowns()) + "`");
				}
			}
		}
	}

	/** Prepares a run of the template over loaded data. */
	public static Run start(io.yardstick.runtime.spec.TemplateSpec template, Dataset data, RunOptions options) {
		return new Run(template, data, periodsOf(template, data, options), options,
				name -> DimensionValues.of(template.dimension(name).orElseThrow(), data, template.zone()));
	}

	/**
	 * Prepares a run whose rows were aggregated elsewhere (an SQL engine): no data, the periods and each
	 * dimension's values as the engine found them, in the order {@link DimensionValues} gives them (enum
	 * values as declared, other values sorted, null last). Kernels then {@link Kernel#load load} their cells.
	 */
	public static Run overCells(io.yardstick.runtime.spec.TemplateSpec template, Periods periods,
			Map<String, List<String>> dimensionValues, RunOptions options) {
		return new Run(template, null, periods, options, name -> DimensionValues.listed(name,
				dimensionValues.getOrDefault(name, List.of())));
	}

	/**
	 * The periods a run reports, given the earliest and latest time-axis values found (epoch milliseconds;
	 * {@code first > last} when there are none): the same rule whichever engine read the rows. The latest value
	 * marks the periods it does not reach the end of as partial ({@link Periods#partial}).
	 */
	public static Periods periods(io.yardstick.runtime.spec.TemplateSpec template, RunOptions options, long first,
			long last) {
		return spanned(template, options, first, last).withDataEnd(first > last ? Long.MIN_VALUE : last,
				options.partialHeadline());
	}

	private static Periods spanned(io.yardstick.runtime.spec.TemplateSpec template, RunOptions options, long first,
			long last) {
		if (options.from() != null && options.to() != null) {
			return Periods.between(options.grain(), template.zone(), options.from(), options.to());
		}
		if (first > last) {
			return Periods.none(options.grain(), template.zone());
		}
		if (options.from() != null) {
			first = options.from().atStartOfDay(template.zone()).toInstant().toEpochMilli();
		}
		if (options.to() != null) {
			last = options.to().atStartOfDay(template.zone()).toInstant().toEpochMilli();
		}
		return first > last ? Periods.none(options.grain(), template.zone())
				: Periods.covering(options.grain(), template.zone(), first, last);
	}

	private static Periods periodsOf(io.yardstick.runtime.spec.TemplateSpec template, Dataset data,
			RunOptions options) {
		// scanned even when --from and --to fix the periods: where the data ends marks the partial ones
		long first = Long.MAX_VALUE;
		long last = Long.MIN_VALUE;
		for (String axis : template.timeAxes()) {
			String source = axis.substring(0, axis.indexOf('.'));
			if (!data.has(source)) {
				continue;
			}
			for (long t : data.table(source).times(axis.substring(axis.indexOf('.') + 1))) {
				if (t != Ops.NO_TIME) {
					first = Math.min(first, t);
					last = Math.max(last, t);
				}
			}
		}
		return periods(template, options, first, last);
	}

	private static List<List<String>> labelsOf(List<DimensionValues> crossed, int count) {
		List<List<String>> labels = new ArrayList<>(count);
		for (int code = 0; code < count; code++) {
			List<String> tuple = new ArrayList<>();
			int rest = code;
			int radix = count;
			for (DimensionValues values : crossed) {
				radix /= values.size();
				tuple.add(values.values.get(rest / radix));
				rest %= radix;
			}
			labels.add(java.util.Collections.unmodifiableList(tuple));
		}
		return labels;
	}

	/** The row codes of the grouping without dimensions, where every row is in the one group. */
	private static final int[] ONE_GROUP = new int[0];

	/**
	 * Each row's group code ({@link #ONE_GROUP} for the total, the dimension's own codes for one dimension), or null
	 * when some crossed dimension does not map this source.
	 */
	private static int[] rowCodes(List<DimensionValues> crossed, String source, int rows) {
		if (crossed.isEmpty()) {
			return ONE_GROUP;
		}
		if (crossed.size() == 1) {
			return crossed.get(0).rowCodes.get(source);
		}
		int[] codes = new int[rows];
		for (DimensionValues values : crossed) {
			int[] own = values.rowCodes.get(source);
			if (own == null) {
				return null;
			}
			for (int row = 0; row < rows; row++) {
				codes[row] = codes[row] * values.size() + own[row];
			}
		}
		return codes;
	}

	// ------------------------------------------------------------------ scans on several threads

	/**
	 * Below this many rows per chunk a scan is not split: starting a chunk, and merging its kernels, costs
	 * more than scanning the rows.
	 */
	static final int CHUNK_ROWS = 50_000;

	/**
	 * The most chunks a scan is cut into, and so the most threads one scan uses. The cut depends on the rows
	 * only, never on the threads, so that every number of threads adds the same numbers in the same order.
	 */
	static final int MAX_CHUNKS = 8;

	/** Threads shared by every run; they end when idle, and never keep the JVM alive. */
	private static final java.util.concurrent.ExecutorService POOL = java.util.concurrent.Executors
			.newCachedThreadPool(task -> {
				Thread thread = new Thread(task, "yardstick-scan");
				thread.setDaemon(true);
				return thread;
			});

	/** One pass of a generated calculator over a range of a source's rows, into its own kernels. */
	@FunctionalInterface
	public interface RowRange {
		void scan(int from, int to);
	}

	/**
	 * A scan and the kernels it adds rows to, in an order that is the same for every part of one source's scan.
	 */
	public record Part(RowRange rows, Kernel... kernels) {
	}

	/**
	 * Scans every row of a source. A large source is cut into chunks of consecutive rows, as many as its rows
	 * call for ({@link #chunks}) whatever the threads; the first chunk is scanned into {@code whole}, each
	 * other one into a fresh part, and each part's kernels are merged into the whole's as soon as the chunks
	 * before it are, in chunk order. The run's threads ({@link RunOptions#threads}) take the chunks in turn: one
	 * thread scans them one after the other, several at once. Since the cut and the order of the merges never
	 * change, the values are the same bits with any number of threads, in every run.
	 *
	 * @param newPart makes a part with empty kernels; null when the scan cannot be split (it reads values
	 *     computed over all the source's rows, such as {@link PreviousRows}), which keeps it whole, on this
	 *     thread
	 */
	public void scan(String source, Part whole, java.util.function.Supplier<Part> newPart) {
		int rows = data.table(source).rows();
		int chunks = newPart == null ? 1 : chunks(rows);
		if (chunks == 1) {
			whole.rows().scan(0, rows);
			return;
		}
		Chunks work = new Chunks(whole, newPart, rows, chunks);
		List<java.util.concurrent.Future<?>> others = new ArrayList<>();
		for (int i = 1; i < Math.min(threads, chunks); i++) {
			others.add(POOL.submit(work::take));
		}
		try {
			work.take();
		} finally {
			await(others);
		}
	}

	/** How many chunks a scan of so many rows is cut into. */
	static int chunks(int rows) {
		return Math.max(1, Math.min(MAX_CHUNKS, rows / CHUNK_ROWS));
	}

	/** The chunks of one scan: taken in order by each thread, merged in order by whichever finishes one. */
	private static final class Chunks {
		private final Part whole;
		private final java.util.function.Supplier<Part> newPart;
		private final int rows;
		/** The chunks scanned and not merged yet, and the whole once scanned; guarded by {@code this}. */
		private final Part[] scanned;
		private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
		/** The next chunk to merge into the whole; guarded by {@code this}. */
		private int merged = 1;
		private volatile boolean failed;

		Chunks(Part whole, java.util.function.Supplier<Part> newPart, int rows, int chunks) {
			this.whole = whole;
			this.newPart = newPart;
			this.rows = rows;
			this.scanned = new Part[chunks];
		}

		/** Scans chunks until none is left, merging every one the chunks before it allow. */
		void take() {
			for (int chunk; !failed && (chunk = next.getAndIncrement()) < scanned.length;) {
				try {
					Part part = chunk == 0 ? whole : newPart.get();
					part.rows().scan((int) ((long) rows * chunk / scanned.length),
							(int) ((long) rows * (chunk + 1) / scanned.length));
					mergeReady(chunk, part);
				} catch (RuntimeException | Error e) {
					failed = true;
					throw e;
				}
			}
		}

		private synchronized void mergeReady(int chunk, Part part) {
			scanned[chunk] = part;
			if (scanned[0] == null) {
				return; // the whole is still being scanned: nothing merges into it yet
			}
			// a part waits, holding its kernels, only while an earlier chunk is still being scanned
			while (merged < scanned.length && scanned[merged] != null) {
				Part ready = scanned[merged];
				for (int k = 0; k < whole.kernels().length; k++) {
					whole.kernels()[k].merge(ready.kernels()[k]);
				}
				scanned[merged++] = null;
			}
		}
	}

	private static void await(List<java.util.concurrent.Future<?>> tasks) {
		Throwable failure = null;
		for (java.util.concurrent.Future<?> task : tasks) {
			try {
				task.get();
			} catch (java.util.concurrent.ExecutionException e) {
				failure = failure == null ? e.getCause() : failure;
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				failure = failure == null ? e : failure;
			}
		}
		if (failure instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		if (failure != null) {
			throw new IllegalStateException("a scan was interrupted", failure);
		}
	}

	// ------------------------------------------------------------------ what generated code reads

	public Table table(String source) {
		return data.table(source);
	}

	public Periods periods() {
		return periods;
	}

	public TimeParts timeParts() {
		return timeParts;
	}

	public int groupings() {
		return groupings.size();
	}

	/** How many groups a grouping has (1 for the total). */
	public int groups(int grouping) {
		return groupCounts[grouping];
	}

	public int cells(int grouping) {
		return periods.count() * groupCounts[grouping];
	}

	/**
	 * Per grouping, each row's group in it; an entry is null when the source cannot be broken down that
	 * way (its rows then count in no cell of that grouping), and empty for the total. Read through
	 * {@link #cellsOf}.
	 */
	public int[][] groupCodes(String source) {
		return groupCodesBySource.get(source);
	}

	/** Fills {@code cells} with the cell of a row in each grouping for the period, -1 where it has none. */
	public void cellsOf(int[][] groupCodes, int row, int period, int[] cells) {
		for (int g = 0; g < cells.length; g++) {
			int[] codes = groupCodes[g];
			cells[g] = codes == null ? -1 : codes == ONE_GROUP ? period : period * groupCounts[g] + codes[row];
		}
	}

	/**
	 * For each group of a grouping, its group in a coarser one: the coarser grouping's dimensions are among the
	 * finer one's ({@code region} in {@code region*productLine}, the total in every grouping), so each row's
	 * group there follows from its group here. Null when {@code coarse} has a dimension {@code fine} lacks.
	 */
	int[] groupMap(int fine, int coarse) {
		List<String> fineDimensions = groupings.get(fine).dimensions();
		List<String> coarseDimensions = groupings.get(coarse).dimensions();
		if (!fineDimensions.containsAll(coarseDimensions)) {
			return null;
		}
		int[] map = new int[groupCounts[fine]];
		int[] digits = new int[fineDimensions.size()];
		for (int group = 0; group < map.length; group++) {
			int rest = group;
			for (int d = fineDimensions.size() - 1; d >= 0; d--) {
				int size = dimensionSizes.get(fineDimensions.get(d));
				digits[d] = rest % size;
				rest /= size;
			}
			int coarseGroup = 0;
			for (String dimension : coarseDimensions) {
				coarseGroup = coarseGroup * dimensionSizes.get(dimension) + digits[fineDimensions.indexOf(dimension)];
			}
			map[group] = coarseGroup;
		}
		return map;
	}

	public boolean enabled(int metric, int grouping) {
		return enabled[metric][grouping];
	}

	boolean[] enabledGroupings(int metric) {
		return enabled[metric];
	}

	public double value(int metric, int grouping, int period, int group) {
		double[] cells = values[metric][grouping];
		return cells == null || period < 0 ? Double.NaN : cells[period * groupCounts[grouping] + group];
	}

	public void set(int metric, int grouping, int period, int group, double value) {
		values[metric][grouping][period * groupCounts[grouping] + group] = value;
	}

	/**
	 * {@code periodsSince(t)}: how many periods of the run's grain lie between the period t falls in and the
	 * period {@code period} (0 in the same period, negative when t is later); null for a null t or period.
	 */
	public double periodsSince(long t, int period) {
		if (t == Ops.NO_TIME || period < 0) {
			return Double.NaN;
		}
		java.time.LocalDate day = java.time.Instant.ofEpochMilli(t).atZone(periods.zone()).toLocalDate();
		return periods.grain().key(periods.firstDay(period)) - periods.grain().key(day);
	}

	/** Division that gives null, not infinity or NaN, for a zero denominator, and counts it. */
	public double div(double numerator, double denominator, int metric) {
		if (denominator == 0) {
			diagnostics.zeroDenominator(metric);
			return Double.NaN;
		}
		return numerator / denominator;
	}

	void zeroDenominator(int metric) {
		diagnostics.zeroDenominator(metric);
	}

	/**
	 * Rows whose division inside the metric's aggregates met a zero denominator when an engine other than the
	 * calculator scanned them: counted there, reported here as {@link #div} reports the calculator's own.
	 */
	public void zeroDenominators(int metric, long rows) {
		diagnostics.zeroDenominators(metric, rows);
	}

	/** Computes every enabled metric for every cell, in the order given (each after the metrics it reads). */
	public void derive(int[] order, MetricFunction function) {
		for (int g = 0; g < groupings.size(); g++) {
			for (int p = 0; p < periods.count(); p++) {
				for (int c = 0; c < groupCounts[g]; c++) {
					for (int m : order) {
						if (enabled[m][g]) {
							double value = function.compute(m, g, p, c);
							set(m, g, p, c, Double.isInfinite(value) ? Double.NaN : value);
						}
					}
				}
			}
		}
	}

	/** A metric's value in one cell. */
	@FunctionalInterface
	public interface MetricFunction {
		double compute(int metric, int grouping, int period, int group);
	}

	public Results finish() {
		List<GroupingResult> results = new ArrayList<>();
		for (int g = 0; g < groupings.size(); g++) {
			double[][] byMetric = new double[template.metrics().size()][];
			for (int m = 0; m < byMetric.length; m++) {
				byMetric[m] = values[m][g];
			}
			results.add(new GroupingResult(groupings.get(g), groupLabels.get(g), byMetric));
		}
		return new Results(template, periods, results, diagnostics);
	}
}
