package io.yardstick.eclipse.editor;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;

/**
 * Hovering a metric, at its declaration or at any reference to it, shows its labels, kind, layer,
 * formula and thresholds; sources, fields, dimensions, layers and templates get a shorter note.
 */
public class KpiTextHover implements ITextHover {
	private final EObjectAtOffsetHelper elements = new EObjectAtOffsetHelper();

	@Override
	public String getHoverInfo(ITextViewer viewer, IRegion region) {
		return hoverAt(viewer.getDocument(), region.getOffset());
	}

	/** The hover text at an offset of a document, or null. */
	public String hoverAt(IDocument document, int offset) {
		return KpiDocumentModel.of(document).read(resource -> {
			// resolveElementAt follows a cross-reference to its target, so a metric used in a formula is described too.
			EObject element = elements.resolveElementAt(resource, offset);
			return KpiDescriptions.hover(element);
		});
	}

	@Override
	public IRegion getHoverRegion(ITextViewer viewer, int offset) {
		return KpiDocumentModel.of(viewer.getDocument()).read(resource -> {
			if (resource.getParseResult() == null) {
				return new Region(offset, 0);
			}
			ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
			return leaf == null ? new Region(offset, 0) : new Region(leaf.getOffset(), leaf.getLength());
		});
	}
}
