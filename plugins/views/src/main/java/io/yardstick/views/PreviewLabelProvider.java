package io.yardstick.views;

import io.yardstick.runtime.results.Values;
import io.yardstick.views.PreviewContentProvider.Row;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.eclipse.jface.viewers.ITableColorProvider;
import org.eclipse.jface.viewers.ITableLabelProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;

/**
 * The Preview table's columns: values and targets written as the report writes them ({@code 4.6%},
 * {@code 2.3 h}, {@code <= 5%}), in the template's time zone.
 */
public final class PreviewLabelProvider extends LabelProvider implements ITableLabelProvider, ITableColorProvider {
	public static final int METRIC = 0;
	public static final int PERIOD = 1;
	public static final int GROUP = 2;
	public static final int VALUE = 3;
	public static final int TARGET = 4;
	public static final int STATUS = 5;
	public static final String[] HEADERS = { "Metric", "Period", "Group", "Value", "Target", "Status" };

	private String language;
	private ZoneId zone = ZoneOffset.UTC;

	public PreviewLabelProvider(String language) {
		this.language = language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

	/** The template's zone, for timestamp and date values. */
	public void setZone(ZoneId zone) {
		this.zone = zone == null ? ZoneOffset.UTC : zone;
	}

	@Override
	public Image getColumnImage(Object element, int column) {
		return null;
	}

	@Override
	public String getColumnText(Object element, int column) {
		if (!(element instanceof Row row)) {
			return "";
		}
		return switch (column) {
			case METRIC -> Values.label(row.metric().labels(), language, row.metric().id());
			case PERIOD -> row.period();
			case GROUP -> row.group().isEmpty() ? "total" : row.group();
			case VALUE -> Values.display(row.metric(), row.value(), zone);
			case TARGET -> {
				String target = Values.condition(row.metric(), row.metric().target(), zone);
				yield target == null ? "" : target;
			}
			case STATUS -> MetricStatus.of(row.status()).text();
			default -> "";
		};
	}

	@Override
	public Color getForeground(Object element, int column) {
		return element instanceof Row row && column == STATUS ? new Color(MetricStatus.of(row.status()).colour())
				: null;
	}

	@Override
	public Color getBackground(Object element, int column) {
		return null;
	}
}
