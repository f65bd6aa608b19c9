package io.yardstick.bench;

import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.KpiWorkspace;
import io.yardstick.dsl.workspace.LoadedModel;
import io.yardstick.dsl.workspace.ProgressListener;
import io.yardstick.dsl.workspace.Severity;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Validation speed of the synthetic 5,000-metric model (50 templates × 100 metrics, 51 files),
 * and of javac on the same model translated to Java, in the same run. docs/performance.md reports
 * the figures as Yardstick/javac ratios.
 *
 * <ul>
 * <li>{@code fullValidation}: a fresh model from the 51 texts (parse), then every file validated
 * (lazy linking, then every check). What a reviewer's {@code validate} of a library costs.</li>
 * <li>{@code revalidateOneFile}: with the model loaded and validated, one template file replaced
 * by its variant (one metric edited), alternately original and variant so each call re-parses, and
 * only that file validated. What the editor does after a keystroke.</li>
 * <li>{@code peerJavacFull}: javac compiles the whole Java translation (shared classes and 50
 * template classes) from source.</li>
 * <li>{@code peerJavacOneFile}: javac compiles the one template class (original and variant in
 * turn) against the shared classes given as already compiled class files. A template class
 * uses no other template, as a template file uses no other template file.</li>
 * </ul>
 *
 * The whole-model operations take seconds, so they are timed one at a time (single shot, after
 * warm-up shots); the one-file operations are averaged over many calls. Xtext and javac are both
 * large code bases: on two cores the JIT compiles without pause for the first half minute or so,
 * and while its queue is long, hot methods run in slower profiling code, so an operation can take
 * three or four times its steady-state time for seconds at a stretch. Each side's setup therefore
 * first runs the whole-model operation {@link #PRE_WARM} times, and the one-file benchmarks warm up
 * for 25 s (observed here: steady after 18 to 23 s).
 */
@Fork(value = 1, jvmArgsAppend = { "-Xms4g", "-Xmx4g" })
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ValidationBenchmark {
	/** Whole-model runs in each trial's setup, on both sides, before JMH's warm-up. */
	static final int PRE_WARM = 3;

	/** The Yardstick side: one workspace (one injector) for the whole trial, as in an editor or CLI. */
	@State(Scope.Benchmark)
	public static class Yardstick {
		KpiWorkspace workspace;
		Map<String, String> files;
		LoadedModel loaded;
		String file;
		String original;
		String variant;
		boolean edited;

		@Setup(Level.Trial)
		public void setUp() {
			SyntheticModel synthetic = SyntheticModel.standard();
			workspace = new KpiWorkspace();
			files = synthetic.files();
			file = synthetic.variantFile();
			original = files.get(file);
			variant = synthetic.variantText();
			for (int i = 0; i < PRE_WARM; i++) {
				loaded = workspace.load(files);
				requireClean(workspace.validate(loaded, ProgressListener.NONE), "the synthetic model");
			}
		}
	}

	/** The peer: one compiler and one standard file manager for the whole trial. */
	@State(Scope.Benchmark)
	public static class Javac {
		InMemoryJavac javac;
		Map<String, String> sources;
		Map<String, byte[]> sharedClasses;
		Map<String, String> oneOriginal;
		Map<String, String> oneVariant;
		boolean edited;

		@Setup(Level.Trial)
		public void setUp() {
			SyntheticModel synthetic = SyntheticModel.standard();
			javac = new InMemoryJavac();
			sources = JavaTranslation.of(synthetic);
			InMemoryJavac.Result shared = javac.compile(JavaTranslation.common(synthetic), Map.of());
			requireCompiled(shared, "the shared classes");
			sharedClasses = shared.classes();
			String name = JavaTranslation.className(synthetic.variantTemplate());
			oneOriginal = new LinkedHashMap<>(Map.of(name, sources.get(name)));
			oneVariant = new LinkedHashMap<>(Map.of(name, JavaTranslation.variant(synthetic)));
			requireCompiled(javac.compile(oneVariant, sharedClasses), "the variant class");
			for (int i = 0; i < PRE_WARM; i++) {
				requireCompiled(javac.compile(sources, Map.of()), "the Java translation");
			}
		}
	}

	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@Warmup(iterations = 4)
	@Measurement(iterations = 6)
	public List<Finding> fullValidation(Yardstick y) {
		LoadedModel model = y.workspace.load(y.files);
		return y.workspace.validate(model, ProgressListener.NONE);
	}

	@Benchmark
	@BenchmarkMode(Mode.AverageTime)
	@Warmup(iterations = 25, time = 1)
	@Measurement(iterations = 5, time = 1)
	public List<Finding> revalidateOneFile(Yardstick y) throws IOException {
		y.edited = !y.edited;
		y.workspace.replace(y.loaded, y.file, y.edited ? y.variant : y.original);
		return y.workspace.validate(y.loaded, y.file);
	}

	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@Warmup(iterations = 4)
	@Measurement(iterations = 6)
	public InMemoryJavac.Result peerJavacFull(Javac j) {
		return j.javac.compile(j.sources, Map.of());
	}

	@Benchmark
	@BenchmarkMode(Mode.AverageTime)
	@Warmup(iterations = 25, time = 1)
	@Measurement(iterations = 5, time = 1)
	public InMemoryJavac.Result peerJavacOneFile(Javac j) {
		j.edited = !j.edited;
		return j.javac.compile(j.edited ? j.oneVariant : j.oneOriginal, j.sharedClasses);
	}

	static void requireClean(List<Finding> findings, String what) {
		List<String> bad = findings.stream().filter(f -> f.severity() != Severity.INFO).map(Finding::toText).toList();
		if (!bad.isEmpty()) {
			throw new IllegalStateException(what + " does not validate clean: " + bad.size() + " findings, first: "
					+ bad.subList(0, Math.min(5, bad.size())));
		}
	}

	static void requireCompiled(InMemoryJavac.Result result, String what) {
		if (!result.success() || !result.errors().isEmpty()) {
			throw new IllegalStateException("javac rejects " + what + ": " + result.errors());
		}
	}
}
