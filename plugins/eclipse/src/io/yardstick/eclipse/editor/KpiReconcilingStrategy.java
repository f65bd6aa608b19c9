package io.yardstick.eclipse.editor;

import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

/** Parses and validates the document with the language's own validator and turns the issues into markers. */
final class KpiReconcilingStrategy implements IReconcilingStrategy, IReconcilingStrategyExtension {
	private IDocument document;
	private IProgressMonitor monitor;

	@Override
	public void setDocument(IDocument document) {
		this.document = document;
	}

	@Override
	public void setProgressMonitor(IProgressMonitor monitor) {
		this.monitor = monitor;
	}

	@Override
	public void initialReconcile() {
		validate();
	}

	@Override
	public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
		validate();
	}

	@Override
	public void reconcile(IRegion partition) {
		validate();
	}

	private void validate() {
		IDocument current = document;
		if (current == null) {
			return;
		}
		KpiDocumentModel model = KpiDocumentModel.of(current);
		IFile file = model.file();
		if (file == null) {
			return;
		}
		CancelIndicator cancel = () -> monitor != null && monitor.isCanceled();
		List<Issue> issues = model.read(resource -> {
			IResourceValidator validator = resource.getResourceServiceProvider().getResourceValidator();
			return validator.validate(resource, CheckMode.ALL, cancel);
		});
		if (!cancel.isCanceled()) {
			KpiMarkers.replace(file, issues);
		}
	}
}
