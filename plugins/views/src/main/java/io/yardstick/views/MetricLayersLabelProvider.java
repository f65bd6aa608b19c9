package io.yardstick.views;

import io.yardstick.dsl.kpi.CurrencyKind;
import io.yardstick.dsl.kpi.DurationKind;
import io.yardstick.dsl.kpi.Kind;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.PercentKind;
import io.yardstick.dsl.model.ModelText;
import io.yardstick.views.MetricLayersContentProvider.LayerRow;
import io.yardstick.views.MetricLayersContentProvider.MetricRow;
import org.eclipse.jface.viewers.ITableColorProvider;
import org.eclipse.jface.viewers.ITableLabelProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.RGB;

/** The columns of the Metric Layers tree, in the language set (labels fall back as {@link Labels} says). */
public final class MetricLayersLabelProvider extends LabelProvider implements ITableLabelProvider, ITableColorProvider {
	public static final int NAME = 0;
	public static final int LABEL = 1;
	public static final int KIND = 2;
	public static final int UNIT = 3;
	public static final int DIRECTION = 4;
	public static final int TARGET = 5;
	public static final int STATUS = 6;
	public static final String[] HEADERS = { "Name", "Label", "Kind", "Unit", "Direction", "Target", "Status" };

	private static final RGB LAYER_BACKGROUND = new RGB(232, 238, 246);

	private String language;

	public MetricLayersLabelProvider(String language) {
		this.language = language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

	@Override
	public Image getColumnImage(Object element, int column) {
		return null;
	}

	@Override
	public String getColumnText(Object element, int column) {
		if (element instanceof LayerRow layer) {
			return switch (column) {
				case NAME -> layer.name();
				case LABEL -> Labels.of(layer.layer().getLabels(), language, layer.name());
				case KIND -> layer.level().isPresent() ? "level " + layer.level().getAsInt() : "level unknown";
				case STATUS -> layer.metrics().size() + (layer.metrics().size() == 1 ? " metric" : " metrics");
				default -> "";
			};
		}
		if (element instanceof MetricRow row) {
			Metric metric = row.metric();
			return switch (column) {
				case NAME -> metric.getName();
				case LABEL -> Labels.of(metric.getLabels(), language, metric.getName());
				case KIND -> kind(metric.getKind());
				case UNIT -> unit(metric.getKind());
				case DIRECTION -> direction(metric.getDirection());
				case TARGET -> metric.getTarget() == null ? "" : ModelText.of(metric.getTarget());
				case STATUS -> row.status().text();
				default -> "";
			};
		}
		return "";
	}

	/** The kind as declared, less the unit the Unit column shows: {@code percent}, {@code score(1..5)}. */
	static String kind(Kind kind) {
		if (kind == null) {
			return "";
		}
		String text = ModelText.of(kind);
		if (kind instanceof DurationKind || kind instanceof CurrencyKind) {
			int paren = text.indexOf('(');
			return paren < 0 ? text : text.substring(0, paren).trim();
		}
		return text;
	}

	/** A duration's unit (seconds when none is given, as the runtime reads it), a currency's code, % for a percent. */
	static String unit(Kind kind) {
		if (kind instanceof DurationKind duration) {
			return duration.getUnit() == null ? "s" : duration.getUnit();
		}
		if (kind instanceof CurrencyKind currency) {
			return currency.getCode() == null ? "" : currency.getCode();
		}
		return kind instanceof PercentKind ? "%" : "";
	}

	static String direction(String keyword) {
		if (keyword == null) {
			return "";
		}
		return switch (keyword) {
			case "higher-is-better" -> "higher is better";
			case "lower-is-better" -> "lower is better";
			case "target-band" -> "within target band";
			default -> keyword;
		};
	}

	@Override
	public Color getForeground(Object element, int column) {
		if (element instanceof MetricRow row && column == STATUS) {
			return new Color(row.status().colour());
		}
		return null;
	}

	@Override
	public Color getBackground(Object element, int column) {
		return element instanceof LayerRow ? new Color(LAYER_BACKGROUND) : null;
	}
}
