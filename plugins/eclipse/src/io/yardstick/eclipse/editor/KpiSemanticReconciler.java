package io.yardstick.eclipse.editor;

import io.yardstick.eclipse.KpiLanguage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.resource.ColorRegistry;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextPresentationListener;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.ITextViewerExtension4;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;
import org.eclipse.jface.text.reconciler.Reconciler;
import org.eclipse.lsp4j.SemanticTokenModifiers;
import org.eclipse.lsp4j.SemanticTokenTypes;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Semantic colouring (registered with the generic editor in plugin.xml): what the lexer cannot know,
 * the parsed and linked model says — whether {@code csat} is a metric, a source, a field or a
 * dimension. The ids come from the language's own semantic highlighting calculator (the one the
 * language server serves as semantic tokens), so both editors colour the same things. The colours are
 * laid over the lexer's after each reconcile, and dropped at the next keystroke until the following
 * one, so that a stale colour never sits on the wrong word.
 */
public class KpiSemanticReconciler extends Reconciler {
	/** The token types coloured here, with their colours; keywords, numbers and comments are the lexer's. */
	static final Map<String, RGB> COLOURS = Map.of(
			SemanticTokenTypes.Variable, new RGB(0, 90, 170),
			SemanticTokenTypes.Struct, new RGB(130, 65, 0),
			SemanticTokenTypes.Property, new RGB(85, 85, 85),
			SemanticTokenTypes.Enum, new RGB(200, 95, 0),
			SemanticTokenTypes.EnumMember, new RGB(200, 95, 0));

	private final Colouring colouring = new Colouring();

	public KpiSemanticReconciler() {
		setReconcilingStrategy(colouring, IDocument.DEFAULT_CONTENT_TYPE);
		setIsIncrementalReconciler(false);
		setDelay(400);
	}

	@Override
	public void install(ITextViewer textViewer) {
		super.install(textViewer);
		colouring.install(textViewer);
	}

	@Override
	public void uninstall() {
		colouring.uninstall();
		super.uninstall();
	}

	private static final class Colouring
			implements IReconcilingStrategy, IReconcilingStrategyExtension, ITextPresentationListener, IDocumentListener {
		private ITextViewer viewer;
		private IDocument document;
		private IProgressMonitor monitor;
		/** Sorted by offset, in document coordinates; touched on the UI thread only. */
		private List<StyleRange> ranges = List.of();

		void install(ITextViewer textViewer) {
			viewer = textViewer;
			if (textViewer instanceof ITextViewerExtension4 extension) {
				extension.addTextPresentationListener(this);
			}
		}

		void uninstall() {
			if (viewer instanceof ITextViewerExtension4 extension) {
				extension.removeTextPresentationListener(this);
			}
			setDocument(null);
			viewer = null;
		}

		@Override
		public void setDocument(IDocument newDocument) {
			if (document != null) {
				document.removeDocumentListener(this);
			}
			document = newDocument;
			if (newDocument != null) {
				newDocument.addDocumentListener(this);
			}
		}

		@Override
		public void setProgressMonitor(IProgressMonitor progressMonitor) {
			monitor = progressMonitor;
		}

		@Override
		public void initialReconcile() {
			colour();
		}

		@Override
		public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
			colour();
		}

		@Override
		public void reconcile(IRegion partition) {
			colour();
		}

		private void colour() {
			IDocument current = document;
			if (current == null) {
				return;
			}
			KpiDocumentModel model = KpiDocumentModel.of(current);
			if (model.file() == null) {
				return;
			}
			CancelIndicator cancel = () -> monitor != null && monitor.isCanceled();
			ISemanticHighlightingCalculator calculator = KpiLanguage.injector()
					.getInstance(ISemanticHighlightingCalculator.class);
			String[] parsed = new String[1];
			List<Highlight> highlights = model.read(resource -> {
				parsed[0] = model.parsedText();
				List<Highlight> found = new ArrayList<>();
				calculator.provideHighlightingFor(resource, (offset, length, ids) -> found.add(new Highlight(offset, length, ids)),
						cancel);
				return found;
			});
			if (cancel.isCanceled()) {
				return;
			}
			Display display = Display.getDefault();
			display.asyncExec(() -> {
				// Offsets are those of the parsed text: if the user typed since, the next reconcile recolours.
				if (viewer == null || document != current || !current.get().equals(parsed[0])) {
					return;
				}
				ranges = styles(highlights);
				viewer.invalidateTextPresentation();
			});
		}

		@Override
		public void applyTextPresentation(TextPresentation presentation) {
			IRegion extent = presentation.getExtent();
			int end = extent.getOffset() + extent.getLength();
			List<StyleRange> inside = new ArrayList<>();
			for (StyleRange range : ranges) {
				if (range.start >= extent.getOffset() && range.start + range.length <= end) {
					inside.add((StyleRange) range.clone());
				}
			}
			if (!inside.isEmpty()) {
				presentation.mergeStyleRanges(inside.toArray(StyleRange[]::new));
			}
		}

		@Override
		public void documentAboutToBeChanged(DocumentEvent event) {
			ranges = List.of();
		}

		@Override
		public void documentChanged(DocumentEvent event) {
			// Nothing: the reconciler runs after the pause in typing.
		}
	}

	private record Highlight(int offset, int length, String[] ids) {
	}

	private static List<StyleRange> styles(List<Highlight> highlights) {
		ColorRegistry registry = JFaceResources.getColorRegistry();
		List<StyleRange> styles = new ArrayList<>();
		for (Highlight highlight : highlights) {
			String type = null;
			boolean declaration = false;
			for (String id : highlight.ids()) {
				if (type == null && COLOURS.containsKey(id)) {
					type = id;
				}
				declaration |= SemanticTokenModifiers.Declaration.equals(id);
			}
			if (type == null) {
				continue;
			}
			String key = "io.yardstick.eclipse.semantic." + type;
			if (!registry.hasValueFor(key)) {
				registry.put(key, COLOURS.get(type));
			}
			Color colour = registry.get(key);
			int fontStyle = (declaration ? SWT.BOLD : SWT.NORMAL)
					| (SemanticTokenTypes.Property.equals(type) ? SWT.ITALIC : SWT.NORMAL);
			styles.add(new StyleRange(highlight.offset(), highlight.length(), colour, null, fontStyle));
		}
		styles.sort(Comparator.comparingInt(range -> range.start));
		return styles;
	}
}
