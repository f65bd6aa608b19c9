package io.yardstick.eclipse.preferences;

import com.google.inject.Injector;
import io.yardstick.dsl.validation.ValidationSettings;
import java.util.Locale;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.eclipse.xtext.diagnostics.Severity;

/**
 * Window > Preferences > Yardstick: the default core-limit, handed to the language's
 * {@link ValidationSettings}, and a severity per issue code, applied where findings become markers.
 * A change re-validates the open .kpi editors.
 */
public final class YardstickPreferences {
	public static final String NODE = "io.yardstick.eclipse";
	public static final String DEFAULT_CORE_LIMIT = "defaultCoreLimit";
	private static final String SEVERITY_PREFIX = "severity.";

	public static final String ERROR = "error";
	public static final String WARNING = "warning";
	public static final String INFO = "info";
	/** No marker at all. */
	public static final String IGNORE = "ignore";

	private YardstickPreferences() {
	}

	private static final class Holder {
		static final ScopedPreferenceStore STORE = createStore();
	}

	public static IPreferenceStore store() {
		return Holder.STORE;
	}

	private static ScopedPreferenceStore createStore() {
		ScopedPreferenceStore store = new ScopedPreferenceStore(InstanceScope.INSTANCE, NODE);
		// Defaults are the language's own: the CLI's core-limit and each code's documented severity.
		store.setDefault(DEFAULT_CORE_LIMIT, ValidationSettings.DEFAULT_CORE_LIMIT);
		for (Rule rule : Rules.all()) {
			if (!rule.severity().isEmpty()) {
				store.setDefault(severityKey(rule.code()), rule.severity());
			}
		}
		return store;
	}

	public static String severityKey(String code) {
		return SEVERITY_PREFIX + code;
	}

	/** The severity chosen for a code: error, warning, info or ignore; empty for a code the page does not know. */
	public static String severity(String code) {
		return store().getString(severityKey(code));
	}

	public static int defaultCoreLimit() {
		return Math.max(1, store().getInt(DEFAULT_CORE_LIMIT));
	}

	/**
	 * The marker severity of a finding: the preference for its code if there is one, else its own.
	 *
	 * @return an IMarker severity, or null for no marker (ignore)
	 */
	public static Integer markerSeverity(String code, Severity own) {
		String chosen = code == null ? "" : severity(code).toLowerCase(Locale.ROOT);
		return switch (chosen) {
			case ERROR -> IMarker.SEVERITY_ERROR;
			case WARNING -> IMarker.SEVERITY_WARNING;
			case INFO -> IMarker.SEVERITY_INFO;
			case IGNORE -> null;
			default -> switch (own) {
				case ERROR -> IMarker.SEVERITY_ERROR;
				case WARNING -> IMarker.SEVERITY_WARNING;
				case INFO -> IMarker.SEVERITY_INFO;
				default -> null;
			};
		};
	}

	/**
	 * Hands the preferences to a new injector's validation settings and keeps them in step: every
	 * later change is applied too and re-validates the open editors. Called once, where the
	 * language's injector is created.
	 */
	public static void connect(Injector injector) {
		ValidationSettings settings = injector.getInstance(ValidationSettings.class);
		settings.setDefaultCoreLimit(defaultCoreLimit());
		store().addPropertyChangeListener(event -> {
			if (DEFAULT_CORE_LIMIT.equals(event.getProperty())) {
				settings.setDefaultCoreLimit(defaultCoreLimit());
			}
			if (DEFAULT_CORE_LIMIT.equals(event.getProperty()) || event.getProperty().startsWith(SEVERITY_PREFIX)) {
				Revalidation.openEditors();
			}
		});
	}
}
