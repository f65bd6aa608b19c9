package io.yardstick.runtime.calc;

import java.util.ArrayList;
import java.util.List;

/**
 * A breakdown a run reports: no dimension (the total), one ({@code region}), or several crossed
 * ({@code region*segment}).
 */
public record Grouping(List<String> dimensions) {
	public static final Grouping TOTAL = new Grouping(List.of());

	public Grouping {
		dimensions = List.copyOf(dimensions);
	}

	/** {@code region,productLine,region*segment}: each comma-separated item is one grouping. */
	public static List<Grouping> parseList(String text) {
		List<Grouping> groupings = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return groupings;
		}
		for (String item : text.split(",")) {
			List<String> dimensions = new ArrayList<>();
			for (String dimension : item.split("\\*")) {
				if (dimension.isBlank()) {
					throw new IllegalArgumentException("empty breakdown name in \"" + text + "\"");
				}
				dimensions.add(dimension.trim());
			}
			groupings.add(new Grouping(dimensions));
		}
		return groupings;
	}

	public boolean isTotal() {
		return dimensions.isEmpty();
	}

	/** {@code total}, {@code region}, {@code region*segment}. */
	public String name() {
		return isTotal() ? "total" : String.join("*", dimensions);
	}
}
