package io.yardstick.runtime.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A breakdown and, for each source that provides it, the field path that gives a row's value: a field of
 * the source, or references followed to a field of another source ({@code Sale.customer.region}).
 *
 * @param valueLabels the labels of the values the template labels ({@code value "华东" "East China"@en}), by
 *     value, each by language ("" untagged); values not in it are shown as they are
 */
public record DimensionSpec(String name, Map<String, String> labels, Map<String, List<String>> paths,
		Map<String, Map<String, String>> valueLabels) {

	/** A dimension whose values carry no labels. */
	public DimensionSpec(String name, Map<String, String> labels, Map<String, List<String>> paths) {
		this(name, labels, paths, Map.of());
	}

	public DimensionSpec {
		labels = Specs.copy(labels);
		paths = Specs.copy(paths);
		Map<String, Map<String, String>> copied = new LinkedHashMap<>();
		valueLabels.forEach((value, byLanguage) -> copied.put(value, Specs.copy(byLanguage)));
		valueLabels = Specs.copy(copied);
	}
}
