package io.yardstick.views;

import io.yardstick.dsl.kpi.Label;
import java.util.List;

/** Picks the label a consultant reads, in the language the view is set to. */
public final class Labels {
	private Labels() {
	}

	/**
	 * The label tagged with the language; else the untagged one (a template's fallback for every language);
	 * else the first label written; else the fallback, which is the element's name.
	 */
	public static String of(List<Label> labels, String language, String fallback) {
		if (labels == null || labels.isEmpty()) {
			return fallback;
		}
		for (Label label : labels) {
			if (language != null && language.equals(label.getLanguage()) && label.getText() != null) {
				return label.getText();
			}
		}
		for (Label label : labels) {
			if (label.getLanguage() == null && label.getText() != null) {
				return label.getText();
			}
		}
		String first = labels.get(0).getText();
		return first == null ? fallback : first;
	}
}
