package io.yardstick.dsl.validation;

import com.google.inject.Singleton;
import io.yardstick.runtime.text.Texts;

/**
 * Settings of a validation run that a host may change: an IDE's preferences, say. One per injector
 * (a singleton), read by the checks on every run, so a change takes effect at the next validation.
 * The command line sets the language of the findings' messages ({@code --language}); the language server
 * keeps the defaults.
 */
@Singleton
public class ValidationSettings {
	/** Core metrics per layer when a template sets no core-limit: the top of the source material's "3 to 5". */
	public static final int DEFAULT_CORE_LIMIT = 5;

	// Volatile: the editor validates on a background thread while the preference page writes on the UI thread.
	private volatile int defaultCoreLimit = DEFAULT_CORE_LIMIT;

	/** English unless a host asks for Chinese: golden files and editors see the same text whatever the locale. */
	private volatile String language = "en";

	/**
	 * The settings of the injector that made the element's resource, else {@code fallback}. EMF's validator registry
	 * is global and keeps the checks of the first injector of the JVM, so an injected field belongs to that one; the
	 * resource knows the injector whose settings a host changed.
	 */
	public static ValidationSettings of(org.eclipse.emf.ecore.EObject element, ValidationSettings fallback) {
		if (element != null && element.eResource() instanceof org.eclipse.xtext.resource.XtextResource resource
				&& resource.getResourceServiceProvider() != null) {
			ValidationSettings own = resource.getResourceServiceProvider().get(ValidationSettings.class);
			if (own != null) {
				return own;
			}
		}
		return fallback;
	}

	/** The core-limit of a template that sets none, itself or through its ancestors. */
	public int defaultCoreLimit() {
		return defaultCoreLimit;
	}

	/** @throws IllegalArgumentException below 1, which no template may set either */
	public void setDefaultCoreLimit(int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("a core-limit is at least 1, not " + limit);
		}
		defaultCoreLimit = limit;
	}

	/** The language of the findings' messages: {@code en} or {@code zh} ({@link FindingTexts}). */
	public String language() {
		return language;
	}

	/** {@code zh}, {@code zh-CN} and the like choose Chinese, anything else English. */
	public void setLanguage(String requested) {
		language = Texts.textLanguage(requested == null ? "en" : requested);
	}
}
