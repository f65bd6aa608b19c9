package io.yardstick.dsl.validation;

import static io.yardstick.dsl.validation.IssueCodes.DATA_FORMAT;

import io.yardstick.dsl.kpi.ColumnMapping;
import io.yardstick.dsl.kpi.DataFormat;
import io.yardstick.dsl.kpi.DataSetting;
import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.KpiPackage;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.model.DataFormats;
import io.yardstick.dsl.model.Suggestions;
import io.yardstick.dsl.model.TemplateHierarchy;
import io.yardstick.runtime.spec.SourceFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.xtext.validation.Check;

/**
 * A {@code data} block must describe a file the loader can read: known settings with possible values (the
 * runtime's own checks, {@link SourceFormat#problem}), each setting and field once, no column read by two
 * fields, one block per source in a template. docs/data.md#reading-a-file-as-it-is describes the block.
 */
public class DataFormatValidator extends AbstractKpiCheck {
	private static final KpiPackage KPI = KpiPackage.eINSTANCE;
	/** Delimiters written as words, and the text a quick fix writes instead (quotes included: it replaces the string). */
	private static final Map<String, String> DELIMITER_WORDS = Map.of("comma", "\",\"", "semicolon", "\";\"", "pipe",
			"\"|\"", "bar", "\"|\"", "tabulator", "\"\\t\"");

	@Check
	public void checkSettings(DataFormat block) {
		Map<String, DataSetting> seen = new HashMap<>();
		for (DataSetting setting : block.getSettings()) {
			String name = setting.getName();
			String value = setting.getValue();
			if (name == null || value == null) {
				continue;
			}
			DataSetting first = seen.putIfAbsent(name, setting);
			if (first != null) {
				error(message(setting, "data-format.settingTwice", name, lineOf(first)), setting,
						KPI.getDataSetting_Name(), DATA_FORMAT);
				continue;
			}
			if (!SourceFormat.SETTINGS.contains(name)) {
				String closest = Suggestions.closest(name, SourceFormat.SETTINGS);
				String problem = SourceFormat.problem(name, value, settings(setting).language());
				if (closest != null) {
					error(problem + message(setting, "data-format.meant", closest), setting,
							KPI.getDataSetting_Name(), DATA_FORMAT,
							closest);
				} else {
					error(problem, setting, KPI.getDataSetting_Name(), DATA_FORMAT);
				}
				continue;
			}
			String problem = SourceFormat.problem(name, value, settings(setting).language());
			String meant = name.equals(SourceFormat.DELIMITER) ? DELIMITER_WORDS.get(value.strip().toLowerCase(Locale.ROOT))
					: null;
			if (problem != null && meant != null) {
				error(problem, setting, KPI.getDataSetting_Value(), DATA_FORMAT, meant);
			} else if (problem != null) {
				error(problem, setting, KPI.getDataSetting_Value(), DATA_FORMAT);
			}
		}
		Source source = block.getSource();
		Template template = TemplateHierarchy.templateOf(block);
		if (source == null || source.eIsProxy() || template == null) {
			return;
		}
		DataSetting thousands = seen.get(SourceFormat.THOUSANDS);
		DataSetting decimal = seen.get(SourceFormat.DECIMAL);
		if (thousands != null || decimal != null) {
			String problem = SourceFormat.combinationProblem(DataFormats.settings(source, template),
					settings(block).language());
			if (problem != null) {
				DataSetting at = thousands != null ? thousands : decimal;
				error(problem, at, KPI.getDataSetting_Value(), DATA_FORMAT);
			}
		}
	}

	@Check
	public void checkColumns(DataFormat block) {
		Map<Field, ColumnMapping> mapped = new HashMap<>();
		for (ColumnMapping mapping : block.getColumns()) {
			Field field = mapping.getField();
			if (field == null || field.eIsProxy() || mapping.getColumn() == null) {
				continue;
			}
			ColumnMapping first = mapped.putIfAbsent(field, mapping);
			if (first != null) {
				error(message(mapping, "data-format.mappedTwice", field.getName(), lineOf(first)),
						mapping, KPI.getColumnMapping_Field(), DATA_FORMAT);
			} else if (mapping.getColumn().isBlank()) {
				error(message(mapping, "data-format.emptyColumn", field.getName()),
						mapping, KPI.getColumnMapping_Column(), DATA_FORMAT);
			}
		}
		Source source = block.getSource();
		Template template = TemplateHierarchy.templateOf(block);
		if (source == null || source.eIsProxy() || template == null) {
			return;
		}
		// the merged mapping: a field the block does not map reads its own name, or what an ancestor maps it to
		Map<String, String> columns = new LinkedHashMap<>();
		for (Field field : io.yardstick.dsl.model.Sources.fields(source, template)) {
			columns.put(field.getName(), field.getName());
		}
		columns.putAll(DataFormats.columns(source, template));
		for (ColumnMapping mapping : block.getColumns()) {
			Field field = mapping.getField();
			if (field == null || field.eIsProxy() || mapping.getColumn() == null || mapped.get(field) != mapping) {
				continue;
			}
			for (Map.Entry<String, String> other : columns.entrySet()) {
				String column = mapping.getColumn().strip();
				if (!other.getKey().equals(field.getName()) && other.getValue().strip().equals(column)) {
					error(message(mapping, "data-format.columnShared", column, other.getKey()), mapping,
							KPI.getColumnMapping_Column(), DATA_FORMAT);
					break;
				}
			}
		}
	}

	@Check
	public void checkOneBlockPerSource(Template template) {
		Map<Source, DataFormat> seen = new HashMap<>();
		for (DataFormat block : TemplateHierarchy.members(template, DataFormat.class)) {
			Source source = block.getSource();
			if (source == null || source.eIsProxy()) {
				continue;
			}
			DataFormat first = seen.putIfAbsent(source, block);
			if (first != null) {
				error(message(block, "data-format.secondBlock", source.getName(), lineOf(first)), block,
						KPI.getDataFormat_Source(), DATA_FORMAT);
			}
		}
	}
}
