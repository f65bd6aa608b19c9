package io.yardstick.eclipse.views;

import io.yardstick.views.TemplateInput;
import java.util.Locale;
import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;

/**
 * What the four Yardstick views share: each shows the template of the active .kpi editor, through the page's
 * {@link TemplateTracker}, and labels in the platform's language.
 */
public abstract class TemplateViewPart extends ViewPart implements TemplateTracker.Listener {
	private TemplateTracker tracker;

	@Override
	public final void createPartControl(Composite parent) {
		createView(parent);
		tracker = TemplateTracker.of(getSite().getPage());
		tracker.addListener(this);
	}

	/** Creates the view's composite; the tracker tells it the template right after. */
	protected abstract void createView(Composite parent);

	/**
	 * What the view says when no .kpi editor is open, as a template that cannot be shown: the views print
	 * an input's problem where its content would be.
	 */
	protected static TemplateInput orHint(TemplateInput input, String whatItShows) {
		return input != null ? input
				: TemplateInput.unavailable(null, "Open a .kpi template in the editor to see " + whatItShows
						+ " (this view follows the active .kpi editor).");
	}

	protected TemplateTracker tracker() {
		return tracker;
	}

	@Override
	public void dispose() {
		if (tracker != null) {
			tracker.removeListener(this);
		}
		super.dispose();
	}

	/**
	 * The language of labels: the templates are written with Chinese and English labels, so zh for a Chinese
	 * platform locale and en for every other.
	 */
	public static String language() {
		String nl = Platform.getNL();
		String locale = nl != null ? nl : Locale.getDefault().toString();
		return locale.toLowerCase(Locale.ROOT).startsWith("zh") ? "zh" : "en";
	}
}
