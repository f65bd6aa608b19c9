package io.yardstick.runtime.spec;

import java.util.List;
import java.util.Map;

/**
 * A breakdown and, for each source that provides it, the field path that gives a row's value: a field of
 * the source, or references followed to a field of another source ({@code Sale.customer.region}).
 */
public record DimensionSpec(String name, Map<String, String> labels, Map<String, List<String>> paths) {

	public DimensionSpec {
		labels = Specs.copy(labels);
		paths = Specs.copy(paths);
	}
}
