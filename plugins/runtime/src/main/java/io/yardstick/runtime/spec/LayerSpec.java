package io.yardstick.runtime.spec;

import java.util.Map;

/** A layer of metrics; a higher level is closer to business results. */
public record LayerSpec(String name, Map<String, String> labels, int level) {

	public LayerSpec {
		labels = Specs.copy(labels);
	}
}
