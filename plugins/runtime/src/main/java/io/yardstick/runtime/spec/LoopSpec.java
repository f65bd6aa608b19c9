package io.yardstick.runtime.spec;

import java.util.List;
import java.util.Map;

/** A declared causal loop or chain: the metrics it runs through, in order. */
public record LoopSpec(String name, Map<String, String> labels, List<String> steps) {

	public LoopSpec {
		labels = Specs.copy(labels);
		steps = List.copyOf(steps);
	}
}
