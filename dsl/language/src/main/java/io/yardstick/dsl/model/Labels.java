package io.yardstick.dsl.model;

import io.yardstick.dsl.kpi.Label;
import java.util.List;
import java.util.Optional;

/** Picks the label for a language, falling back to the untagged label. */
public final class Labels {
	private Labels() {
	}

	public static Optional<String> forLanguage(List<Label> labels, String language) {
		Optional<String> tagged = labels.stream()
				.filter(label -> language.equals(label.getLanguage()))
				.map(Label::getText)
				.findFirst();
		return tagged.isPresent() ? tagged : untagged(labels);
	}

	public static Optional<String> untagged(List<Label> labels) {
		return labels.stream().filter(label -> label.getLanguage() == null).map(Label::getText).findFirst();
	}

	/** The first label written, whatever its language: what a message shows next to an id. */
	public static Optional<String> first(List<Label> labels) {
		return labels.stream().map(Label::getText).findFirst();
	}
}
