package io.yardstick.runtime.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.runtime.spec.DimensionSpec;
import io.yardstick.runtime.spec.Specs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Labels of breakdown values: the language's, else the untagged, else another's, else the value as written. */
class ValueLabelsTest {
	private static final DimensionSpec REGION = new DimensionSpec("region", Specs.labels("zh", "区域", "en", "Region"),
			Specs.paths("Ticket", List.of("region")), Specs.values("华东", Specs.labels("zh", "华东", "en", "East China"),
					"西北", Specs.labels("zh", "西北"), "华北", Specs.labels("", "North China")));

	@Test
	void aLabelledValueReadsInTheLanguage() {
		assertThat(Values.valueLabel(REGION, "华东", "en")).isEqualTo("East China");
		assertThat(Values.valueLabel(REGION, "华东", "zh")).isEqualTo("华东");
	}

	@Test
	void aMissingTranslationFallsBackToTheUntaggedThenAnyLabelThenTheValue() {
		assertThat(Values.valueLabel(REGION, "华北", "zh")).isEqualTo("North China");
		assertThat(Values.valueLabel(REGION, "西北", "en")).isEqualTo("西北");
		assertThat(Values.valueLabel(REGION, "华南", "en")).isEqualTo("华南");
		assertThat(Values.valueLabel(null, "华南", "en")).isEqualTo("华南");
	}

	@Test
	void rowsWithoutAValueReadAsADash() {
		assertThat(Values.valueLabel(REGION, null, "en")).isEqualTo(Values.NO_VALUE);
	}

	@Test
	void theOldConstructorHasNoValueLabels() {
		assertThat(new DimensionSpec("region", Specs.labels(), Specs.paths()).valueLabels()).isEmpty();
	}

}
