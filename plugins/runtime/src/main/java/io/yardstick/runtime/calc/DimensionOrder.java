package io.yardstick.runtime.calc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;

/**
 * The order of a dimension's groups, one rule for every engine: an enum's values as declared (all of them,
 * with rows or not), then any other value sorted by its text, then null when some row has no value.
 */
public final class DimensionOrder {
	private DimensionOrder() {
	}

	/**
	 * @param enumOrder the declared values when every source maps the dimension to an enum, else null
	 * @param labels the values found in the rows (without null)
	 * @param hasNull whether some row has no value
	 */
	public static List<String> of(List<String> enumOrder, Collection<String> labels, boolean hasNull) {
		LinkedHashSet<String> ordered = new LinkedHashSet<>(enumOrder != null ? enumOrder : List.of());
		ordered.addAll(new TreeSet<>(labels));
		List<String> values = new ArrayList<>(ordered);
		if (hasNull) {
			values.add(null);
		}
		return values;
	}
}
