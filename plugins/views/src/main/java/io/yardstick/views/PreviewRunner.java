package io.yardstick.views;

import io.yardstick.dsl.generator.CalculatorCompiler;
import io.yardstick.dsl.generator.ReportGenerator;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.pipeline.CompiledTemplate;
import io.yardstick.dsl.pipeline.ComputeEngine;
import io.yardstick.dsl.pipeline.ComputeException;
import io.yardstick.dsl.pipeline.GeneratedTemplate;
import io.yardstick.dsl.pipeline.JavaEngine;
import io.yardstick.dsl.pipeline.Pipeline;
import io.yardstick.dsl.pipeline.SourceData;
import io.yardstick.dsl.workspace.Severity;
import io.yardstick.report.ReportDefinition;
import io.yardstick.runtime.calc.Grouping;
import io.yardstick.runtime.calc.RunOptions;
import io.yardstick.runtime.load.Bindings;
import io.yardstick.runtime.load.DataError;
import io.yardstick.runtime.load.DataLoadException;
import io.yardstick.runtime.load.LoadOptions;
import io.yardstick.runtime.load.LoadResult;
import io.yardstick.runtime.results.Results;
import io.yardstick.runtime.spec.TemplateSpec;
import io.yardstick.runtime.time.Grain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

/**
 * A preview run, through the same {@link Pipeline} as {@code yardstick run}: generate the template's calculator, compile it in memory, load the sample
 * data ({@code <Source>.csv} per source, bad rows failing the run) and compute it monthly with the breakdowns
 * the template's first report shows, as {@code yardstick run} does by default. Runs on the calling thread and
 * is meant for a worker thread: it reports to the monitor and stops, between steps and while loading, as soon
 * as the monitor is cancelled. Nothing here throws for bad input; the outcome says what went wrong.
 */
public final class PreviewRunner {
	/** How many of the monitor's work units each step takes. */
	private static final int GENERATE = 5;
	private static final int COMPILE = 20;
	private static final int LOAD = 65;
	private static final int RUN = 10;
	/** Data errors shown in the view; a file with many bad rows would otherwise flood it. */
	private static final int ERRORS_SHOWN = 5;

	private PreviewRunner() {
	}

	/**
	 * What a preview gave: results, or a message saying why there are none.
	 *
	 * @param results null when the preview did not complete
	 * @param message null when it completed; else what a consultant can act on
	 */
	public record Outcome(Results results, String message, boolean cancelled) {
		static Outcome failed(String message) {
			return new Outcome(null, message, false);
		}

		static Outcome cancelledOutcome() {
			return new Outcome(null, "Preview cancelled.", true);
		}

		public boolean succeeded() {
			return results != null;
		}
	}

	public static Outcome run(TemplateInput input, Path dataFolder, IProgressMonitor monitor) {
		return run(input, dataFolder, new JavaEngine(), monitor);
	}

	/** A preview computed on the given engine (the caller's to close), through the pipeline {@code run} uses. */
	public static Outcome run(TemplateInput input, Path dataFolder, ComputeEngine engine, IProgressMonitor monitor) {
		monitor.beginTask("Preview", GENERATE + COMPILE + LOAD + RUN);
		try {
			return steps(input, dataFolder, engine, monitor);
		} catch (OperationCanceledException e) {
			return Outcome.cancelledOutcome();
		} catch (RuntimeException | LinkageError e) {
			// A generator or runtime bug must not take the IDE down: it is shown, with its class for a report.
			return Outcome.failed("internal error while previewing: " + e.getClass().getSimpleName()
					+ (e.getMessage() == null ? "" : " (" + e.getMessage() + ")") + "; please report it");
		} finally {
			monitor.done();
		}
	}

	private static Outcome steps(TemplateInput input, Path dataFolder, ComputeEngine engine,
			IProgressMonitor monitor) {
		if (input == null || input.template() == null) {
			return Outcome.failed(input == null ? "Nothing to preview: open a template." : input.problem());
		}
		if (input.hasErrors()) {
			long errors = input.report().count(Severity.ERROR);
			return Outcome.failed("Not run: the template has " + errors + (errors == 1 ? " error" : " errors")
					+ "; fix " + (errors == 1 ? "it" : "them") + " (see Review) and run the preview again.");
		}
		Template template = input.template();
		phase(monitor, "generating the calculator");
		GeneratedTemplate generated;
		List<Grouping> groupings;
		try {
			generated = Pipeline.generate(Pipeline.selected(template, input.model(), input.findings()), null);
			groupings = reportGroupings(template);
		} catch (Pipeline.Refused e) {
			return Outcome.failed("Not run: the calculator cannot be generated: " + e.findings().get(0).message());
		}
		monitor.worked(GENERATE);
		phase(monitor, "compiling the calculator");
		CompiledTemplate compiled;
		try {
			compiled = Pipeline.compile(generated);
		} catch (CalculatorCompiler.CompilationFailure e) {
			return Outcome.failed("internal error: the generated calculator did not compile: " + e.getMessage()
					+ "; please report it");
		}
		monitor.worked(COMPILE);
		phase(monitor, "loading the sample data");
		TemplateSpec spec = compiled.spec();
		String missing = missingData(spec, dataFolder);
		if (missing != null) {
			return Outcome.failed(missing);
		}
		LoadResult loaded;
		try {
			loaded = Pipeline.load(compiled, Bindings.byConvention(dataFolder, spec),
					LoadOptions.defaults().withProgress(new LoadProgress(spec, dataFolder, monitor)));
		} catch (DataLoadException e) {
			return Outcome.failed(dataErrors(e.errors()));
		} catch (IllegalArgumentException e) {
			return Outcome.failed("Not run: " + e.getMessage());
		}
		phase(monitor, "computing the metrics");
		Results results;
		try {
			results = Pipeline.compute(compiled, engine, SourceData.loaded(loaded.dataset()),
					new RunOptions(Grain.MONTH, groupings, null, null));
		} catch (IllegalArgumentException e) {
			return Outcome.failed("Not run: " + e.getMessage());
		} catch (ComputeException e) {
			return Outcome.failed("Not run on " + engine.name() + ": " + String.join("; ", e.problems()));
		}
		monitor.worked(RUN);
		checkCancelled(monitor);
		return new Outcome(results, null, false);
	}

	/** Starts a step, after giving a cancel that came in during the last one its effect. */
	private static void phase(IProgressMonitor monitor, String name) {
		checkCancelled(monitor);
		monitor.subTask(name);
		checkCancelled(monitor);
	}

	private static void checkCancelled(IProgressMonitor monitor) {
		if (monitor.isCanceled()) {
			throw new OperationCanceledException();
		}
	}

	/** The breakdowns the first report's tiles show, in order: what {@code yardstick run} computes without --by. */
	static List<Grouping> reportGroupings(Template template) {
		List<ReportDefinition> reports = new ReportGenerator().definitions(template);
		Set<String> names = new LinkedHashSet<>();
		if (!reports.isEmpty()) {
			for (ReportDefinition.Page page : reports.get(0).pages()) {
				for (ReportDefinition.Tile tile : page.tiles()) {
					names.addAll(tile.breakdowns());
				}
			}
		}
		return Grouping.parseList(String.join(",", names));
	}

	/** Null when every source has its file; else which are missing and where they were looked for. */
	static String missingData(TemplateSpec spec, Path dataFolder) {
		if (dataFolder == null || !Files.isDirectory(dataFolder)) {
			return "No sample data: the preview reads one <Source>.csv per source from the folder " + dataFolder
					+ ", which does not exist.";
		}
		List<String> missing = new ArrayList<>();
		Bindings.byConvention(dataFolder, spec).forEach((source, file) -> {
			if (!Files.isRegularFile(file)) {
				missing.add(file.getFileName().toString());
			}
		});
		return missing.isEmpty() ? null
				: "No sample data for " + missing.size() + (missing.size() == 1 ? " source" : " sources") + ": "
						+ String.join(", ", missing) + " missing in " + dataFolder + ".";
	}

	static String dataErrors(List<DataError> errors) {
		StringBuilder text = new StringBuilder("Not run: the sample data has errors (fix the rows and run again):");
		for (DataError error : errors.subList(0, Math.min(ERRORS_SHOWN, errors.size()))) {
			text.append('\n').append(error.toText());
		}
		if (errors.size() > ERRORS_SHOWN) {
			text.append("\n… and ").append(errors.size() - ERRORS_SHOWN).append(" more");
		}
		return text.toString();
	}

	/**
	 * Turns the loader's bytes read into the monitor's work units over all files, and stops the load when
	 * the monitor is cancelled: the loader calls it about every 1% of a file, so a cancel takes effect within
	 * that.
	 */
	private static final class LoadProgress implements io.yardstick.runtime.load.ProgressListener {
		private final IProgressMonitor monitor;
		private final Map<String, Long> done = new HashMap<>();
		private final long total;
		private int reported;

		LoadProgress(TemplateSpec spec, Path dataFolder, IProgressMonitor monitor) {
			this.monitor = monitor;
			long bytes = 0;
			for (Path file : Bindings.byConvention(dataFolder, spec).values()) {
				try {
					bytes += Files.size(file);
				} catch (IOException unreadable) {
					// The loader reports the file itself; progress just counts it as empty.
				}
			}
			this.total = Math.max(1, bytes);
		}

		@Override
		public void progress(String source, long bytesDone, long bytesTotal) {
			checkCancelled(monitor);
			done.put(source, bytesDone);
			long sum = done.values().stream().mapToLong(Long::longValue).sum();
			int units = (int) Math.min(LOAD, sum * LOAD / total);
			if (units > reported) {
				monitor.worked(units - reported);
				reported = units;
			}
			monitor.subTask("loading " + source + ".csv");
		}
	}
}
