package io.yardstick.eclipse.editor;

import org.eclipse.jface.text.reconciler.MonoReconciler;

/**
 * Re-validates a .kpi document shortly after each pause in typing and refreshes its problem
 * markers. The generic editor creates one per editor from the reconcilers extension point.
 */
public class KpiReconciler extends MonoReconciler {
	/** Long enough not to re-parse while a word is being typed, short enough to feel live. */
	static final int DELAY_MILLIS = 400;

	public KpiReconciler() {
		// Not incremental: the language is validated file by file, so every change re-checks the whole text.
		super(new KpiReconcilingStrategy(), false);
		setDelay(DELAY_MILLIS);
	}
}
