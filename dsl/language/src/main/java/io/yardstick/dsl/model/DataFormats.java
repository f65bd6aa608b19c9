package io.yardstick.dsl.model;

import io.yardstick.dsl.kpi.ColumnMapping;
import io.yardstick.dsl.kpi.DataFormat;
import io.yardstick.dsl.kpi.DataSetting;
import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code data} blocks of a template's lineage: how each source's file is written. Blocks merge from
 * the farthest ancestor down, so an industry template may name the columns of its usual export and a client
 * template change only the encoding; a setting or column a nearer template writes wins.
 */
public final class DataFormats {
	private DataFormats() {
	}

	/** The source's {@code data} blocks in the template's lineage, farthest ancestor first. */
	public static List<DataFormat> blocks(Source source, Template template) {
		List<DataFormat> blocks = new ArrayList<>();
		if (source == null || template == null) {
			return blocks;
		}
		List<Template> lineage = TemplateHierarchy.lineage(template);
		for (int i = lineage.size() - 1; i >= 0; i--) {
			for (DataFormat block : TemplateHierarchy.members(lineage.get(i), DataFormat.class)) {
				if (block.getSource() == source) {
					blocks.add(block);
				}
			}
		}
		return blocks;
	}

	/**
	 * The merged settings, by name, in order of first declaration. Within one block the first of a setting
	 * written twice counts (the validator reports the second).
	 */
	public static Map<String, String> settings(Source source, Template template) {
		return merged(blocks(source, template), block -> {
			Map<String, String> own = new LinkedHashMap<>();
			for (DataSetting setting : block.getSettings()) {
				if (setting.getName() != null && setting.getValue() != null) {
					own.putIfAbsent(setting.getName(), setting.getValue());
				}
			}
			return own;
		});
	}

	/** The merged column of each mapped field, by field name, in order of first declaration; as settings merge. */
	public static Map<String, String> columns(Source source, Template template) {
		return merged(blocks(source, template), block -> {
			Map<String, String> own = new LinkedHashMap<>();
			for (ColumnMapping mapping : block.getColumns()) {
				Field field = mapping.getField();
				if (field != null && !field.eIsProxy() && mapping.getColumn() != null) {
					own.putIfAbsent(field.getName(), mapping.getColumn());
				}
			}
			return own;
		});
	}

	/** Each block's own pairs, farthest first, so that a nearer block's pair replaces a farther one's. */
	private static Map<String, String> merged(List<DataFormat> blocks, Function<DataFormat, Map<String, String>> own) {
		Map<String, String> merged = new LinkedHashMap<>();
		for (DataFormat block : blocks) {
			merged.putAll(own.apply(block));
		}
		return merged;
	}
}
