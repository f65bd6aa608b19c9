package io.yardstick.runtime.data;

import io.yardstick.runtime.load.LoadReport;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/** The loaded tables of a template's sources, by source name. */
public final class Dataset {
	private final Map<String, Table> tables = new LinkedHashMap<>();
	private LoadReport loadReport;

	public Dataset add(Table table) {
		tables.put(table.name(), table);
		return this;
	}

	/** Notes how the tables were read from files, so that a run's results can account for it. */
	public Dataset withLoadReport(LoadReport report) {
		this.loadReport = report;
		return this;
	}

	/** The account of reading the tables from files, or null when they were built otherwise. */
	public LoadReport loadReport() {
		return loadReport;
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
