package io.yardstick.dsl.pipeline;

import io.yardstick.runtime.data.Dataset;
import java.util.Map;

/**
 * Where a run's rows are: loaded from files into memory, or tables the engine holds already.
 *
 * @param loaded the rows loaded from files; null when every source is a table of the engine
 * @param tables per source name the engine's table it is bound to ({@code schema.tickets}); only SQL engines
 *     read tables
 */
public record SourceData(Dataset loaded, Map<String, String> tables) {
	public SourceData {
		tables = Map.copyOf(tables);
	}

	public static SourceData loaded(Dataset dataset) {
		return new SourceData(dataset, Map.of());
	}
}
