package io.yardstick.dsl.types;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

/** A typing error the analyzer found, located at a node (and optionally one of its features). */
public record Problem(EObject node, EStructuralFeature feature, String code, Phrase phrase) {

	/** The message in English. */
	public String message() {
		return phrase.in("en");
	}

	/** The message in {@code en} or {@code zh}. */
	public String message(String language) {
		return phrase.in(language);
	}
}
