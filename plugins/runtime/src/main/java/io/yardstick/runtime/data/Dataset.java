package io.yardstick.runtime.data;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/** The loaded tables of a template's sources, by source name. */
public final class Dataset {
	private final Map<String, Table> tables = new LinkedHashMap<>();

	public Dataset add(Table table) {
		tables.put(table.name(), table);
		return this;
	}

	public Table table(String source) {
		Table table = tables.get(source);
		if (table == null) {
			throw new NoSuchElementException("no data for source " + source);
		}
		return table;
	}

	public boolean has(String source) {
		return tables.containsKey(source);
	}

	public Collection<Table> tables() {
		return tables.values();
	}
}
