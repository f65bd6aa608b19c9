package io.yardstick.dsl.ide.symbols;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import io.yardstick.dsl.ide.ModelDescriptions;
import io.yardstick.dsl.kpi.Dimension;
import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.KpiPackage;
import io.yardstick.dsl.kpi.Layer;
import io.yardstick.dsl.kpi.Link;
import io.yardstick.dsl.kpi.Loop;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Model;
import io.yardstick.dsl.kpi.Page;
import io.yardstick.dsl.kpi.Report;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.kpi.Tile;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolRangeProvider;
import org.eclipse.xtext.ide.server.symbol.HierarchicalDocumentSymbolService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * The outline: template, then its sources (with their fields), dimensions, layers (with their
 * metrics), links, loops and reports (with pages and tiles), in the order written. Built from the
 * model's structure rather than from every named object, so that a metric sits under its layer
 * and a link, which has no name, still appears as {@code a -> b}.
 */
@Singleton
public class KpiDocumentSymbolService extends HierarchicalDocumentSymbolService {
	private static final KpiPackage KPI = KpiPackage.eINSTANCE;

	@Inject
	private DocumentSymbolRangeProvider ranges;

	@Override
	public List<DocumentSymbol> getSymbols(XtextResource resource, CancelIndicator cancelIndicator) {
		List<DocumentSymbol> symbols = new ArrayList<>();
		if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Model model)) {
			return symbols;
		}
		for (EObject element : model.getElements()) {
			if (element instanceof Template template) {
				symbols.add(template(template));
			} else if (element instanceof Source source) {
				symbols.add(source(source));
			}
		}
		return symbols;
	}

	private DocumentSymbol template(Template template) {
		DocumentSymbol symbol = symbol(template, template.getName(), SymbolKind.Class);
		for (EObject member : template.getMembers()) {
			DocumentSymbol child = member(member);
			if (child != null) {
				symbol.getChildren().add(child);
			}
		}
		return symbol;
	}

	private DocumentSymbol member(EObject member) {
		if (member instanceof Source source) {
			return source(source);
		}
		if (member instanceof Dimension dimension) {
			return symbol(dimension, dimension.getName(), SymbolKind.Enum);
		}
		if (member instanceof Layer layer) {
			DocumentSymbol symbol = symbol(layer, layer.getName(), SymbolKind.Namespace);
			for (Metric metric : layer.getMetrics()) {
				symbol.getChildren().add(symbol(metric, metric.getName(), SymbolKind.Variable));
			}
			return symbol;
		}
		if (member instanceof Link link) {
			// An arrow between two metrics: the LSP's closest kind is an operator.
			String name = ModelDescriptions.text(link, KPI.getLink_Source()) + " -> "
					+ ModelDescriptions.text(link, KPI.getLink_Target());
			return symbol(link, name, SymbolKind.Operator);
		}
		if (member instanceof Loop loop) {
			return symbol(loop, loop.getName(), SymbolKind.Event);
		}
		if (member instanceof Report report) {
			DocumentSymbol symbol = symbol(report, report.getName(), SymbolKind.Module);
			for (Page page : report.getPages()) {
				DocumentSymbol pageSymbol = symbol(page, page.getName(), SymbolKind.Package);
				for (Tile tile : page.getTiles()) {
					pageSymbol.getChildren().add(symbol(tile, ModelDescriptions.text(tile, KPI.getTile_Metric()), SymbolKind.Object));
				}
				symbol.getChildren().add(pageSymbol);
			}
			return symbol;
		}
		return null;
	}

	private DocumentSymbol source(Source source) {
		DocumentSymbol symbol = symbol(source, source.getName(), SymbolKind.Struct);
		for (Field field : source.getFields()) {
			symbol.getChildren().add(symbol(field, field.getName(), SymbolKind.Field));
		}
		return symbol;
	}

	private DocumentSymbol symbol(EObject element, String name, SymbolKind kind) {
		Range range = ranges.getRange(element);
		if (range == null) {
			// Only an element without any text has no range; put it at the start of the file.
			range = new Range(new Position(0, 0), new Position(0, 0));
		}
		Range selection = ranges.getSelectionRange(element);
		// A half-parsed element may have no name or no text yet; the outline must still be valid LSP.
		String shown = name == null || name.isBlank() ? "?" : name;
		DocumentSymbol symbol = new DocumentSymbol(shown, kind, range, selection == null ? range : selection,
				ModelDescriptions.summary(element));
		symbol.setChildren(new ArrayList<>());
		return symbol;
	}
}
