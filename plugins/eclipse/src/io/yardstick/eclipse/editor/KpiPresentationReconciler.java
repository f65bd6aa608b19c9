package io.yardstick.eclipse.editor;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITypedRegion;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;

/** Syntax colouring of .kpi documents (registered with the generic editor in plugin.xml). */
public class KpiPresentationReconciler extends PresentationReconciler {

	public KpiPresentationReconciler() {
		DefaultDamagerRepairer damagerRepairer = new DefaultDamagerRepairer(new KpiTokenScanner()) {
			@Override
			public IRegion getDamageRegion(ITypedRegion partition, DocumentEvent event, boolean documentPartitioningChanged) {
				// Typing "/*" or a quote changes how everything after it reads, so the damage runs from the
				// changed line to the end of the document rather than to the end of the line.
				try {
					IDocument document = event.getDocument();
					int start = document.getLineOffset(document.getLineOfOffset(event.getOffset()));
					return new Region(start, document.getLength() - start);
				} catch (BadLocationException e) {
					return partition;
				}
			}
		};
		setDamager(damagerRepairer, IDocument.DEFAULT_CONTENT_TYPE);
		setRepairer(damagerRepairer, IDocument.DEFAULT_CONTENT_TYPE);
	}
}
