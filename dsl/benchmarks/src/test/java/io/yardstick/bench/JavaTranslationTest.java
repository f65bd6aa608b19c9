package io.yardstick.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The peer's input is valid Java: javac compiles it without a diagnostic, whole and one class at a
 * time. Five templates of the standard model keep the test fast; the benchmark's setup compiles
 * all fifty and stops if javac reports an error.
 */
class JavaTranslationTest {
	private final SyntheticModel synthetic = SyntheticModel.generate(5, 100, SyntheticModel.DEFAULT_SEED);
	private final InMemoryJavac javac = new InMemoryJavac();

	@Test
	void theWholeTranslationCompilesCleanly() {
		Map<String, String> sources = JavaTranslation.of(synthetic);
		assertThat(sources).hasSize(JavaTranslation.common(synthetic).size() + 5);

		InMemoryJavac.Result result = javac.compile(sources, Map.of());

		assertThat(result.diagnostics()).as("javac diagnostics").isEmpty();
		assertThat(result.success()).isTrue();
		assertThat(result.classes()).containsKeys("synthetic.common.Ops", "synthetic.t002.Template002",
				"synthetic.t002.Template002$Ticket$Channel");
	}

	@Test
	void oneTemplateCompilesAgainstTheCompiledSharedClasses() {
		InMemoryJavac.Result common = javac.compile(JavaTranslation.common(synthetic), Map.of());
		assertThat(common.diagnostics()).isEmpty();
		String name = JavaTranslation.className(synthetic.variantTemplate());
		for (String text : new String[] { JavaTranslation.of(synthetic).get(name), JavaTranslation.variant(synthetic) }) {
			Map<String, String> one = new LinkedHashMap<>();
			one.put(name, text);
			InMemoryJavac.Result result = javac.compile(one, common.classes());
			assertThat(result.diagnostics()).as("javac diagnostics").isEmpty();
			assertThat(result.classes()).containsKey(name).doesNotContainKey("synthetic.common.Ops");
		}
	}

	@Test
	void translatesTheSameTemplatesAsTheStandardModel() {
		SyntheticModel standard = SyntheticModel.standard();
		assertThat(JavaTranslation.of(standard).get("synthetic.t003.Template003"))
				.isEqualTo(JavaTranslation.of(synthetic).get("synthetic.t003.Template003"));
	}

	@Test
	void theVariantDiffersInOneMetricMethodAndItsTarget() {
		String metric = synthetic.variantMetric();
		List<String> original = segments(
				JavaTranslation.of(synthetic).get(JavaTranslation.className(synthetic.variantTemplate())));
		List<String> variant = segments(JavaTranslation.variant(synthetic));
		assertThat(variant).hasSameSizeAs(original);
		List<Integer> changed = IntStream.range(0, original.size()).filter(i -> !original.get(i).equals(variant.get(i)))
				.boxed().toList();
		// The metric's method (with its aggregate helper), and the tables at the end of the class.
		assertThat(changed).hasSize(2);
		assertThat(variant.get(changed.get(0))).contains("public static Double " + metric + "(Data c)");
		assertThat(changed.get(1)).isEqualTo(original.size() - 1);
		List<String> before = original.get(original.size() - 1).lines().toList();
		List<String> after = variant.get(variant.size() - 1).lines().toList();
		assertThat(after).hasSameSizeAs(before);
		List<String> changedLines = IntStream.range(0, before.size()).filter(i -> !before.get(i).equals(after.get(i)))
				.mapToObj(after::get).toList();
		assertThat(changedLines).singleElement().asString().contains("new Target(\"" + metric + "\"");
	}

	/** The class cut before each metric's doc comment; the last piece holds the tables. */
	private static List<String> segments(String javaClass) {
		return List.of(javaClass.split("(?m)^(?=\t/\\*\\* )"));
	}
}
