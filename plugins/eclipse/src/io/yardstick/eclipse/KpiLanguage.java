package io.yardstick.eclipse;

import com.google.inject.Injector;
import io.yardstick.dsl.ide.KpiIdeSetup;
import io.yardstick.eclipse.preferences.YardstickPreferences;

/**
 * The .kpi language's services inside Eclipse: one injector made of the runtime module (parser,
 * linker, validator) and the ide module (content assist), created on first use because building it
 * costs a few hundred milliseconds and loads the grammar.
 */
public final class KpiLanguage {
	/** The content type every contribution of this bundle is registered for (see plugin.xml). */
	public static final String CONTENT_TYPE = "io.yardstick.kpi";
	public static final String FILE_EXTENSION = "kpi";
	/** The marker type of the editor's problems (see plugin.xml). */
	public static final String PROBLEM_MARKER = "io.yardstick.eclipse.problem";
	/** The marker attribute that carries the validator's issue code. */
	public static final String ISSUE_CODE = "issueCode";
	/** The marker attribute that carries the issue's data, joined by NUL; the first string is a quick fix's replacement. */
	public static final String ISSUE_DATA = "issueData";

	private KpiLanguage() {
	}

	private static final class Holder {
		// The holder idiom makes creation lazy and thread-safe: reconciler threads and the UI thread
		// may both ask first.
		static final Injector INJECTOR = connected(new KpiIdeSetup().createInjectorAndDoEMFRegistration());
	}

	/** The preferences (default core-limit) apply from the first validation on. */
	private static Injector connected(Injector injector) {
		YardstickPreferences.connect(injector);
		return injector;
	}

	public static Injector injector() {
		return Holder.INJECTOR;
	}
}
