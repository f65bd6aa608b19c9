package io.yardstick.runtime.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small factories that keep generated spec code short and its maps in declaration order. */
public final class Specs {
	private Specs() {
	}

	/** Labels from pairs: {@code labels("zh", "工单", "en", "Ticket")}; the language "" is the untagged label. */
	public static Map<String, String> labels(String... languageTextPairs) {
		if (languageTextPairs.length % 2 != 0) {
			throw new IllegalArgumentException("labels come in language, text pairs");
		}
		Map<String, String> labels = new LinkedHashMap<>();
		for (int i = 0; i < languageTextPairs.length; i += 2) {
			labels.put(languageTextPairs[i], languageTextPairs[i + 1]);
		}
		return Collections.unmodifiableMap(labels);
	}

	/** Field paths of a dimension from pairs: {@code paths("Ticket", List.of("region"), ...)}. */
	public static Map<String, List<String>> paths(Object... sourcePathPairs) {
		Map<String, List<String>> paths = new LinkedHashMap<>();
		for (int i = 0; i < sourcePathPairs.length; i += 2) {
			@SuppressWarnings("unchecked")
			List<String> path = (List<String>) sourcePathPairs[i + 1];
			paths.put((String) sourcePathPairs[i], List.copyOf(path));
		}
		return Collections.unmodifiableMap(paths);
	}

	/**
	 * The labels of a dimension's values from pairs: {@code values("华东", labels("en", "East China"), ...)}.
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, Map<String, String>> values(Object... valueLabelsPairs) {
		Map<String, Map<String, String>> values = new LinkedHashMap<>();
		for (int i = 0; i < valueLabelsPairs.length; i += 2) {
			values.put((String) valueLabelsPairs[i], (Map<String, String>) valueLabelsPairs[i + 1]);
		}
		return Collections.unmodifiableMap(values);
	}

	/** An unmodifiable copy that keeps the map's order. */
	public static <K, V> Map<K, V> copy(Map<K, V> map) {
		return Collections.unmodifiableMap(new LinkedHashMap<>(map));
	}
}
